#include "web/json.h"

#include <fmt/format.h>

#include <cmath>

#include "src/output/json_writer.h"

namespace whosaid::web {

void AppendJsonEscaped(std::string_view s, std::string* out) {
  whosaid::AppendJsonEscaped(s, /*html_safe=*/true, out);
}

void JsonOut::Comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (need_comma_) out_.push_back(',');
}

JsonOut& JsonOut::Open(char c) {
  Comma();
  out_.push_back(c);
  need_comma_ = false;
  return *this;
}

JsonOut& JsonOut::Close(char c) {
  out_.push_back(c);
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Key(std::string_view k) {
  Comma();
  out_.push_back('"');
  AppendJsonEscaped(k, &out_);
  out_.append("\":");
  after_key_ = true;
  return *this;
}

JsonOut& JsonOut::String(std::string_view s) {
  Comma();
  out_.push_back('"');
  AppendJsonEscaped(s, &out_);
  out_.push_back('"');
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Int(int64_t v) {
  Comma();
  out_ += fmt::format("{}", v);
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Double(double v) {
  Comma();
  if (std::isfinite(v)) {
    out_ += fmt::format("{}", v);
  } else {
    out_ += "null";
  }
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Bool(bool v) {
  Comma();
  out_ += v ? "true" : "false";
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Null() {
  Comma();
  out_ += "null";
  need_comma_ = true;
  return *this;
}

}  // namespace whosaid::web
