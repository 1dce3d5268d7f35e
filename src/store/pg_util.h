// Small RAII and parameter helpers over libpq shared by the PostgreSQL
// corpus store and page reader: PgResult (a PGresult, cleared on
// destruction), PgParams (the parameters of one statement), PgConnect().
// Compiled only with libpq (WHOSAID_HAVE_LIBPQ). Plain values; one thread
// at a time per object.
#ifndef WHOSAID_SRC_STORE_PG_UTIL_H_
#define WHOSAID_SRC_STORE_PG_UTIL_H_

#ifdef WHOSAID_HAVE_LIBPQ
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

// Type OIDs (pg_type.h) of the parameters we send.
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr Oid kFloat8Oid = 701;

// A PGresult, cleared on destruction.
class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept {
    std::swap(r_, o.r_);
    return *this;
  }

  const PGresult* get() const { return r_; }
  bool ok() const {
    ExecStatusType st = PQresultStatus(r_);
    return st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
  }
  int rows() const { return PQntuples(r_); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col); }
  std::string_view Text(int row, int col) const {
    return std::string_view(PQgetvalue(r_, row, col),
                            PQgetlength(r_, row, col));
  }
  std::string String(int row, int col) const {
    return std::string(Text(row, col));
  }
  int64_t Int(int row, int col) const {
    return IsNull(row, col)
               ? 0
               : std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
  }
  double Double(int row, int col) const {
    return IsNull(row, col) ? 0
                            : std::strtod(PQgetvalue(r_, row, col), nullptr);
  }
  bool Bool(int row, int col) const { return Text(row, col) == "t"; }
  // Binary results only: a big-endian int8.
  int64_t BinaryInt(int row, int col) const {
    if (IsNull(row, col) || PQgetlength(r_, row, col) != 8) return 0;
    const auto* p =
        reinterpret_cast<const unsigned char*>(PQgetvalue(r_, row, col));
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | p[i];
    return static_cast<int64_t>(v);
  }

 private:
  PGresult* r_;
};

// Parameters of one statement: strings go in binary format (the bytes as
// they are, no NUL terminator or copy needed), numbers as text. The data
// of string views must outlive the call.
class PgParams {
 public:
  PgParams& Text(std::string_view s) {
    Push(kTextOid, s.data() ? s.data() : "", static_cast<int>(s.size()), 1);
    return *this;
  }
  PgParams& Int(int64_t v) {
    storage_.push_back(fmt::format("{}", v));
    Push(kInt8Oid, storage_.back().c_str(), 0, 0);
    return *this;
  }
  PgParams& IntOrNull(int64_t v) { return v ? Int(v) : Null(kInt8Oid); }
  PgParams& Double(double v) {
    storage_.push_back(fmt::format("{}", v));
    Push(kFloat8Oid, storage_.back().c_str(), 0, 0);
    return *this;
  }
  PgParams& Bool(bool v) {
    Push(16, v ? "t" : "f", 0, 0);  // bool
    return *this;
  }
  PgParams& Bytes(const void* data, size_t size) {
    Push(kByteaOid, size ? static_cast<const char*>(data) : "",
         static_cast<int>(size), 1);
    return *this;
  }
  PgParams& Null(Oid type) {
    Push(type, nullptr, 0, 0);
    return *this;
  }
  PgParams& TextOrNull(std::string_view s, bool null) {
    return null ? Null(kTextOid) : Text(s);
  }

  int size() const { return static_cast<int>(types_.size()); }
  const Oid* types() const { return types_.data(); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  void Push(Oid type, const char* value, int length, int format) {
    types_.push_back(type);
    values_.push_back(value);
    lengths_.push_back(length);
    formats_.push_back(format);
  }
  std::vector<Oid> types_;
  std::vector<const char*> values_;
  std::vector<int> lengths_, formats_;
  std::deque<std::string> storage_;  // stable addresses
};

// Connects to the database named by `url` (a postgresql:// URL; a
// connect_timeout in it wins over `connect_timeout_s`). IOError with a
// message that never shows the URL's password.
Result<PGconn*> PgConnect(const std::string& url, int connect_timeout_s);

}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
#endif  // WHOSAID_SRC_STORE_PG_UTIL_H_
