// The SQLite store's Init(): the checks that a file is a whosaid corpus of
// a version this binary knows, the pragmas of a read-only or writable
// connection (WAL, cache, the checkpointer) and Migrate(), which brings the
// schema (src/store/schema.cc) to the latest version, one transaction per
// version.
#include <fmt/format.h>

#include <algorithm>

#include "src/store/schema.h"
#include "src/store/sqlite_store_impl.h"

namespace whosaid {
namespace sqlite_internal {

Status SqliteStore::Init() {
  sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 0);
  // The first read fails with "file is not a database" on foreign files.
  Stmt st;
  Status s = st.Prepare(db_, "PRAGMA application_id");
  if (!s.ok()) return s;
  int rc = st.Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
  int app_id = static_cast<int>(st.Int(0));
  st.Reset();
  s = st.Prepare(db_, "PRAGMA user_version");
  if (!s.ok()) return s;
  rc = st.Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
  int version = static_cast<int>(st.Int(0));
  st.Reset();
  int latest = static_cast<int>(CorpusMigrations().size());
  if (version > latest) {
    return Status::Corruption(fmt::format(
        "{}: schema version {} is newer than this whosaid knows ({}); "
        "upgrade whosaid",
        options_.path, version, latest));
  }
  if (version > 0 && app_id != kCorpusApplicationId) {
    return Status::Corruption(
        fmt::format("{}: not a whosaid corpus", options_.path));
  }
  if (version == 0) {
    s = st.Prepare(db_, "SELECT count(*) FROM sqlite_master");
    if (!s.ok()) return s;
    rc = st.Step();
    if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
    bool foreign = st.Int(0) > 0;
    st.Reset();
    if (foreign) {
      return Status::Corruption(fmt::format(
          "{}: not a whosaid corpus (it has other tables)", options_.path));
    }
    // No tables at all: an ingest stopped before its first migration
    // committed (or an empty file). Nothing is damaged; there is simply no
    // corpus yet, as for a missing file.
    if (options_.read_only) {
      return Status::NotFound(fmt::format(
          "{}: an empty database, no corpus yet (fill it with `whosaid "
          "ingest`)",
          options_.path));
    }
  }
  if (options_.read_only) {
    if (version < latest) {
      return Status::Corruption(fmt::format(
          "{}: corpus schema version {} is older than {}; run `whosaid "
          "ingest` on it once to migrate",
          options_.path, version, latest));
    }
    return Exec(db_, "PRAGMA mmap_size=2147483648; PRAGMA query_only=1",
                "configuring the database");
  }
  if (options_.path != ":memory:") {
    s = Exec(db_, "PRAGMA journal_mode=WAL", "switching to WAL mode");
    if (!s.ok()) return s;
  }
  s = Exec(db_,
           fmt::format("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{};"
                       "PRAGMA wal_autocheckpoint=16384;"
                       "PRAGMA temp_store=MEMORY",
                       std::max<int64_t>(options_.cache_kib, 64)),
           "configuring the database");
  if (!s.ok()) return s;
  if (options_.path != ":memory:") {
    checkpointer_ = Checkpointer::Start(options_.path);
    if (checkpointer_) {
      s = Exec(db_, "PRAGMA wal_autocheckpoint=0", "configuring the database");
      if (!s.ok()) return s;
    }
  }
  if (options_.max_pages > 0) {
    s = Exec(db_, fmt::format("PRAGMA max_page_count={}", options_.max_pages),
             "configuring the database");
    if (!s.ok()) return s;
  }
  return Migrate();
}

Status SqliteStore::Migrate() {
  auto migrations = CorpusMigrations();
  for (;;) {
    Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a migration");
    if (!s.ok()) return s;
    Stmt st;
    s = st.Prepare(db_, "PRAGMA user_version");
    if (!s.ok()) return Rollback(s);
    int rc = st.Step();
    if (rc != SQLITE_ROW) return Rollback(SqliteStatus(db_, rc, "migrating"));
    size_t version = static_cast<size_t>(st.Int(0));
    st.Reset();
    if (version >= migrations.size()) return Exec(db_, "COMMIT", "migrating");
    s = Exec(db_, migrations[version],
             fmt::format("migrating the schema to version {}", version + 1));
    if (s.ok()) {
      s = Exec(db_,
               fmt::format("PRAGMA user_version={}; PRAGMA application_id={}",
                           version + 1, kCorpusApplicationId),
               "migrating");
    }
    if (s.ok()) s = Exec(db_, "COMMIT", "committing a migration");
    if (!s.ok()) return Rollback(s);
  }
}

}  // namespace sqlite_internal
}  // namespace whosaid
