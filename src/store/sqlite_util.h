// Thin RAII helpers over the SQLite C API for the store: a prepared
// statement with typed binds/reads, and SQLite result codes -> Status.
// A Stmt belongs to the connection that prepared it; one thread at a time.
#ifndef WHOSAID_SRC_STORE_SQLITE_UTIL_H_
#define WHOSAID_SRC_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid {

// Maps a SQLite result code to a Status naming `what` (the operation) and
// SQLite's message: corrupt/not-a-db -> Corruption; full disk, I/O,
// read-only, locked, cannot open -> IOError; the rest -> Internal.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  // Binds are 1-based like SQLite's. Strings are copied (SQLITE_TRANSIENT)
  // unless Static is used, which requires the data to outlive Step().
  // A failed bind (e.g. an index the SQL does not have) is remembered and
  // reported by the next Run().
  void Bind(int i, int64_t v) { Check(sqlite3_bind_int64(stmt_, i, v)); }
  void Bind(int i, double v) { Check(sqlite3_bind_double(stmt_, i, v)); }
  void Bind(int i, std::string_view s) {
    Check(sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()),
                            SQLITE_TRANSIENT));
  }
  void BindStatic(int i, std::string_view s) {
    Check(sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()),
                            SQLITE_STATIC));
  }
  void BindNull(int i) { Check(sqlite3_bind_null(stmt_, i)); }
  // Requires the data to outlive Step().
  void BindBlob(int i, const void* data, size_t size) {
    Check(sqlite3_bind_blob(stmt_, i, data, static_cast<int>(size),
                            SQLITE_STATIC));
  }
  void BindOrNull(int i, int64_t v) {
    if (v) {
      Bind(i, v);
    } else {
      BindNull(i);
    }
  }

  // Returns SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  // Steps a statement that returns no rows, then resets it.
  Status Run(std::string_view what);
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  std::string_view Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string_view(reinterpret_cast<const char*>(p),
                            sqlite3_column_bytes(stmt_, col));
  }
  std::string_view Blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    if (!p) return {};
    return std::string_view(static_cast<const char*>(p),
                            sqlite3_column_bytes(stmt_, col));
  }
  std::string String(int col) const { return std::string(Text(col)); }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = SQLITE_OK;
};

// Runs `sql` (one or more statements, no results).
Status Exec(sqlite3* db, std::string_view sql, std::string_view what);

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SQLITE_UTIL_H_
