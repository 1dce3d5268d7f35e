// JsonOut: a small append-only JSON writer for the web API. Strings are
// escaped for JSON and, defensively, '<', '>', '&' and '\'' become \u00XX so
// a response can never be read as markup. Bytes >= 0x80 pass through (the
// store holds UTF-8). Not thread-safe; one writer per response.
#ifndef WHOSAID_WEB_JSON_H_
#define WHOSAID_WEB_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace whosaid::web {

class JsonOut {
 public:
  JsonOut& BeginObject() { return Open('{'); }
  JsonOut& EndObject() { return Close('}'); }
  JsonOut& BeginArray() { return Open('['); }
  JsonOut& EndArray() { return Close(']'); }
  JsonOut& Key(std::string_view k);
  JsonOut& String(std::string_view s);
  JsonOut& Int(int64_t v);
  JsonOut& Double(double v);
  JsonOut& Bool(bool v);
  JsonOut& Null();
  // Key + value shorthands.
  JsonOut& Field(std::string_view k, std::string_view v) {
    return Key(k).String(v);
  }
  JsonOut& Field(std::string_view k, const char* v) { return Key(k).String(v); }
  JsonOut& Field(std::string_view k, const std::string& v) {
    return Key(k).String(v);
  }
  JsonOut& FieldInt(std::string_view k, int64_t v) { return Key(k).Int(v); }
  JsonOut& FieldDouble(std::string_view k, double v) {
    return Key(k).Double(v);
  }
  JsonOut& FieldBool(std::string_view k, bool v) { return Key(k).Bool(v); }

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  JsonOut& Open(char c);
  JsonOut& Close(char c);
  void Comma();

  std::string out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// Appends `s` escaped as a JSON string body (no quotes) to *out.
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace whosaid::web

#endif  // WHOSAID_WEB_JSON_H_
