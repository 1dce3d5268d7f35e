// The SQLite store's connection layer (cached statements, one-row reads,
// rollback) and the factory OpenSqliteStore() (include/whosaid/corpus.h).
// The class is declared in src/store/sqlite_store_impl.h.
#include <fmt/format.h>
#include <sys/stat.h>

#include "src/store/sqlite_store_impl.h"

namespace whosaid {
namespace sqlite_internal {

// `s` as a LIKE pattern matching any text that contains it.
std::string ContainsPattern(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  p.push_back('%');
  return p;
}

Result<Stmt*> SqliteStore::Get(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  auto stmt = std::make_unique<Stmt>();
  Status s = stmt->Prepare(db_, sql);
  if (!s.ok()) return s;
  Stmt* p = stmt.get();
  statements_.emplace(sql, std::move(stmt));
  return p;
}

Status SqliteStore::Rollback(Status s) {
  if (!sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  loaded_ = false;
  index_.Clear();
  outlets_.clear();
  speakers_.Clear();
  label_tally_.Clear();
  return s;
}

Result<int64_t> SqliteStore::FirstInt(Stmt* q, std::string_view what) {
  const int rc = q->Step();
  const int64_t value = rc == SQLITE_ROW ? q->Int(0) : 0;
  q->Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteStatus(db_, rc, what);
  return value;
}

}  // namespace sqlite_internal

using sqlite_internal::SqliteStore;

Result<std::unique_ptr<CorpusStore>> OpenSqliteStore(
    const StoreOptions& options) {
  bool memory = options.path == ":memory:";
  if (options.path.empty()) {
    return Status::InvalidArgument("no database path given");
  }
  struct stat st;
  if (!memory && options.read_only && stat(options.path.c_str(), &st) != 0) {
    return Status::NotFound(fmt::format(
        "{}: no such corpus (create it with `whosaid ingest`)", options.path));
  }
  // SQLite's memory statistics take a process-wide mutex and size every
  // block on each allocation, and FTS5 allocates per new term while it
  // indexes: turning them off saved 5-8% of the ingest writer's CPU
  // (doc/performance.md). Nothing in whosaid reads them
  // (sqlite3_memory_used, soft or hard heap limits). The setting must come
  // before SQLite initializes, i.e. before the process's first connection;
  // later the call fails harmlessly and the statistics stay on.
  static const bool kNoMemoryStatistics =
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)kNoMemoryStatistics;
  int flags = SQLITE_OPEN_NOMUTEX |
              (options.read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(db, rc, fmt::format("opening {}", options.path));
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db, options);
  Status s = store->Init();
  if (!s.ok()) {
    if (s.message().find(options.path) == std::string::npos) {
      s = Status(s.code() == Status::Code::kCorruption
                     ? Status::Corruption(options.path + ": " + s.message())
                 : s.code() == Status::Code::kIOError
                     ? Status::IOError(options.path + ": " + s.message())
                     : Status::Internal(options.path + ": " + s.message()));
    }
    return s;
  }
  return std::unique_ptr<CorpusStore>(std::move(store));
}

}  // namespace whosaid
