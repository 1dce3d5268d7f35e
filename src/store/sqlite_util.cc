#include "src/store/sqlite_util.h"

#include <fmt/format.h>

namespace whosaid {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string msg =
      fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(msg);
    case SQLITE_FULL:
      return Status::IOError(msg + " (disk full?)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(msg + " (another process holds the database)");
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::IOError(msg);
    default:
      return Status::Internal(msg);
  }
}

Status Stmt::Prepare(sqlite3* db, std::string_view sql) {
  db_ = db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "preparing a statement");
  return Status::OK();
}

Status Stmt::Run(std::string_view what) {
  if (bind_rc_ != SQLITE_OK) {
    Status s = Status::Internal(fmt::format("{}: binding a parameter: {}", what,
                                            sqlite3_errstr(bind_rc_)));
    Reset();
    return s;
  }
  int rc = sqlite3_step(stmt_);
  Status s;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) s = SqliteStatus(db_, rc, what);
  Reset();
  return s;
}

Status Exec(sqlite3* db, std::string_view sql, std::string_view what) {
  std::string copy(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db, copy.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, what);
  return Status::OK();
}

}  // namespace whosaid
