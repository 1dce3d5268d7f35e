// The PostgreSQL store's connection layer (statements, errors, rollback,
// the writer lock) and the store factories OpenPostgresStore(),
// OpenCorpusStore() and StoreDisplayName() (include/whosaid/corpus.h).
// The class is declared in src/store/postgres_store_impl.h.
#include "src/store/postgres_store.h"

#include <fmt/format.h>

#include "src/store/postgres_query.h"
#include "whosaid/corpus.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <algorithm>
#include <chrono>
#include <thread>

#include "src/store/postgres_store_impl.h"

namespace whosaid {
namespace postgres_internal {
namespace {

// Advisory lock key of the one writer ("WHOS" and a use; the migration
// lock, ...02, is in postgres_schema.cc).
constexpr int64_t kWriterLock = 0x57484F5301;

}  // namespace

Status PostgresStore::Error(const PGresult* r, std::string_view what) {
  std::string detail = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
    detail.pop_back();
  }
  std::string msg = fmt::format("{}: {}", what, detail);
  if (PQstatus(conn_) == CONNECTION_BAD) {
    return Status::IOError(msg + " (connection to the server lost)");
  }
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view sqlstate = state ? state : "";
  if (sqlstate == "57014") {  // query_canceled: statement_timeout
    return Status::LimitExceeded("the search took longer than its time limit");
  }
  // Classes: 08 connection, 53 resources (disk full), 57 operator
  // intervention, 40 rollback, 55 lock not available, 25 read-only, 28 auth.
  if (sqlstate.starts_with("08") || sqlstate.starts_with("53") ||
      sqlstate.starts_with("57") || sqlstate.starts_with("40") ||
      sqlstate.starts_with("55") || sqlstate.starts_with("25") ||
      sqlstate.starts_with("28") || sqlstate.starts_with("58")) {
    return Status::IOError(msg);
  }
  if (sqlstate == "XX001" || sqlstate == "XX002") {
    return Status::Corruption(msg);
  }
  return Status::Internal(msg);
}

Result<PgResult> PostgresStore::Run(std::string_view sql,
                                    const PgParams& params,
                                    std::string_view what, bool binary) {
  std::string text(sql);
  PgResult r(PQexecParams(conn_, text.c_str(), params.size(), params.types(),
                          params.values(), params.lengths(), params.formats(),
                          binary ? 1 : 0));
  if (!r.ok()) return Error(r.get(), what);
  return r;
}

Result<PgResult> PostgresStore::RunPrepared(const char* sql,
                                            const PgParams& params,
                                            std::string_view what) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("whosaid_{}", prepared_.size());
    PgResult p(
        PQprepare(conn_, name.c_str(), sql, params.size(), params.types()));
    if (!p.ok()) return Error(p.get(), what);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  PgResult r(PQexecPrepared(conn_, it->second.c_str(), params.size(),
                            params.values(), params.lengths(), params.formats(),
                            0));
  if (!r.ok()) return Error(r.get(), what);
  return r;
}

Status PostgresStore::Exec(const char* sql, std::string_view what) {
  PgResult r(PQexec(conn_, sql));
  if (!r.ok()) return Error(r.get(), what);
  return Status::OK();
}

Status PostgresStore::Stream(std::string_view sql, std::string_view what,
                             bool binary, const RowFn& fn) {
  const bool own = PQtransactionStatus(conn_) == PQTRANS_IDLE;
  if (own) {
    Status s = Exec("BEGIN", what);
    if (!s.ok()) return s;
  }
  auto read = [&]() -> Status {
    auto declared =
        Run(fmt::format("DECLARE whosaid_stream NO SCROLL CURSOR FOR {}", sql),
            PgParams(), what);
    if (!declared.ok()) return declared.status();
    const size_t chunk = std::max<size_t>(options_.read_chunk_rows, 1);
    const std::string fetch =
        fmt::format("FETCH FORWARD {} FROM whosaid_stream", chunk);
    for (;;) {
      auto r = Run(fetch, PgParams(), what, binary);
      if (!r.ok()) return r.status();
      const int rows = r.value().rows();
      for (int i = 0; i < rows; ++i) {
        Status s = fn(r.value(), i);
        if (!s.ok()) return s;
      }
      if (static_cast<size_t>(rows) < chunk) break;
    }
    return Exec("CLOSE whosaid_stream", what);
  };
  Status s = read();
  if (own) {
    if (s.ok()) return Exec("COMMIT", what);
    PgResult r(PQexec(conn_, "ROLLBACK"));
  }
  return s;
}

Status PostgresStore::Rollback(Status s) {
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    PgResult r(PQexec(conn_, "ROLLBACK"));
  }
  loaded_ = false;
  index_.Clear();
  outlets_.Clear();
  speakers_.Clear();
  label_tally_.Clear();
  return s;
}

Status PostgresStore::AcquireWriterLock() {
  if (writer_locked_) return Status::OK();
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(options_.busy_timeout_ms);
  for (;;) {
    auto r = Run(fmt::format("SELECT pg_try_advisory_lock({})", kWriterLock),
                 PgParams(), "locking the corpus for writing");
    if (!r.ok()) return r.status();
    if (r.value().Bool(0, 0)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      return Status::IOError(
          "the corpus is locked: another whosaid ingest is writing to it");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  writer_locked_ = true;
  return Status::OK();
}

}  // namespace postgres_internal
}  // namespace whosaid
#endif  // WHOSAID_HAVE_LIBPQ

namespace whosaid {

Result<std::unique_ptr<CorpusStore>> OpenPostgresStore(
    const StoreOptions& options, const PostgresOptions& pg) {
  const std::string shown = RedactPostgresUrl(options.path);
#ifndef WHOSAID_HAVE_LIBPQ
  (void)pg;
  return Status::InvalidArgument(
      fmt::format("{}: this whosaid was built without PostgreSQL support "
                  "(install libpq-dev and rebuild)",
                  shown));
#else
  auto with_url = [&](const Status& s) {
    if (s.message().find(shown) != std::string::npos) return s;
    std::string msg = shown + ": " + s.message();
    switch (s.code()) {
      case Status::Code::kCorruption:
        return Status::Corruption(msg);
      case Status::Code::kNotFound:
        return Status::NotFound(msg);
      case Status::Code::kInvalidArgument:
        return Status::InvalidArgument(msg);
      case Status::Code::kIOError:
        return Status::IOError(msg);
      default:
        return Status::Internal(msg);
    }
  };
  auto connected = PgConnect(options.path, pg.connect_timeout_s);
  if (!connected.ok()) return connected.status();
  PGconn* conn = connected.value();
  auto store =
      std::make_unique<postgres_internal::PostgresStore>(conn, options, pg);
  Status s = store->Init();
  if (!s.ok()) return with_url(s);
  return std::unique_ptr<CorpusStore>(std::move(store));
#endif
}

Result<std::unique_ptr<CorpusStore>> OpenCorpusStore(
    const StoreOptions& options) {
  if (IsPostgresUrl(options.path)) return OpenPostgresStore(options);
  return OpenSqliteStore(options);
}

std::string StoreDisplayName(std::string_view path) {
  return IsPostgresUrl(path) ? RedactPostgresUrl(path) : std::string(path);
}

}  // namespace whosaid
