// Status and Result<T>: how the whosaid engine reports failure.
//
// A Status is either OK or carries a code and a message that names the input
// and what is wrong. The engine never throws across its API: every fallible
// call returns a Status or a Result<T>. Both are plain values; copies are
// independent and may be used from any thread.
#ifndef WHOSAID_INCLUDE_STATUS_H_
#define WHOSAID_INCLUDE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace whosaid {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad option or malformed input document
    kNotFound,         // missing file or model
    kIOError,          // read/write failure
    kLimitExceeded,    // a configured size/count limit was hit
    kCorruption,       // a model or store file is damaged
    kInternal,
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status NotFound(std::string_view msg) {
    return Status(Code::kNotFound, msg);
  }
  static Status IOError(std::string_view msg) {
    return Status(Code::kIOError, msg);
  }
  static Status LimitExceeded(std::string_view msg) {
    return Status(Code::kLimitExceeded, msg);
  }
  static Status Corruption(std::string_view msg) {
    return Status(Code::kCorruption, msg);
  }
  static Status Internal(std::string_view msg) {
    return Status(Code::kInternal, msg);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // Returns "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok());
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace whosaid

#endif  // WHOSAID_INCLUDE_STATUS_H_
