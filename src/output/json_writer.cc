#include "src/output/json_writer.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "src/base/utf8.h"
#include "src/input/offset_map.h"

namespace whosaid {
namespace {

// Builds compact or indented JSON without a DOM. Keys and separators are
// emitted in call order; the caller keeps objects balanced.
class Writer {
 public:
  Writer(bool pretty, std::string* out) : pretty_(pretty), out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // `k` is one of this file's literal keys: plain ASCII letters and '_',
  // nothing to escape.
  void Key(std::string_view k) {
    if (!pretty_ && k.size() <= kShortKey) {
      // Compact output: the separator, the quoted key and the colon in one
      // append (what Separate() and the general path below write).
      char buf[kShortKey + 4];
      size_t n = 0;
      if (need_comma_) buf[n++] = ',';
      need_comma_ = true;
      buf[n++] = '"';
      std::memcpy(buf + n, k.data(), k.size());
      n += k.size();
      buf[n++] = '"';
      buf[n++] = ':';
      out_->append(buf, n);
      after_key_ = true;
      return;
    }
    Separate();
    out_->push_back('"');
    out_->append(k);
    out_->push_back('"');
    out_->append(pretty_ ? ": " : ":");
    after_key_ = true;
  }
  void String(std::string_view s) {
    Value();
    AppendJsonString(s, out_);
  }
  void Int(int64_t v) {
    Value();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof(buf), v);
    out_->append(buf, r.ptr);
  }
  void Double(double v) {
    Value();
    if (!std::isfinite(v)) {
      out_->append("null");
    } else {
      fmt::format_to(std::back_inserter(*out_), "{}", v);
    }
  }
  void Bool(bool v) {
    Value();
    out_->append(v ? "true" : "false");
  }
  void Null() {
    Value();
    out_->append("null");
  }

 private:
  static constexpr size_t kShortKey = 28;

  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else {
      Separate();
    }
  }
  void Separate() {
    if (need_comma_) out_->push_back(',');
    if (pretty_ && depth_ > 0) {
      out_->push_back('\n');
      out_->append(2 * depth_, ' ');
    }
    need_comma_ = true;
  }
  void Open(char c) {
    Value();
    out_->push_back(c);
    ++depth_;
    need_comma_ = false;
    empty_ = true;
  }
  void Close(char c) {
    --depth_;
    if (pretty_ && need_comma_) {
      out_->push_back('\n');
      out_->append(2 * depth_, ' ');
    }
    out_->push_back(c);
    need_comma_ = true;
  }

  bool pretty_;
  std::string* out_;
  int depth_ = 0;
  bool need_comma_ = false;
  bool after_key_ = false;
  bool empty_ = true;
};

class DocWriter {
 public:
  DocWriter(const Document& doc, const JsonOptions& options, std::string* out)
      : doc_(doc), cps_(doc.text), options_(options), w_(options.pretty, out) {}

  void Write() {
    w_.BeginObject();
    w_.Key("schema");
    w_.Int(kJsonSchemaVersion);
    w_.Key("id");
    w_.String(doc_.id);
    if (!doc_.error.ok()) {
      w_.Key("error");
      w_.String(doc_.error.ToString());
      Warnings();
      w_.EndObject();
      return;
    }
    OptionalString("title", doc_.title);
    OptionalString("published", doc_.published);
    OptionalString("author", doc_.author);
    OptionalString("site", doc_.site);
    OptionalString("url", doc_.url);
    OptionalString("language", doc_.language);
    w_.Key("text");
    w_.String(doc_.text);
    Warnings();
    if (options_.sentences) Sentences();
    if (options_.entities) Entities();
    Quotes();
    Claims();
    w_.EndObject();
  }

 private:
  void OptionalString(std::string_view key, const std::string& value) {
    w_.Key(key);
    if (value.empty()) {
      w_.Null();
    } else {
      w_.String(value);
    }
  }

  void Warnings() {
    w_.Key("warnings");
    w_.BeginArray();
    for (const auto& warning : doc_.warnings) w_.String(warning);
    w_.EndArray();
  }

  void Offsets(Span s) {
    w_.Key("start");
    w_.Int(cps_.ToCodePoint(s.begin));
    w_.Key("end");
    w_.Int(cps_.ToCodePoint(s.end));
    Span source;
    if (options_.source_offsets && MapSpanToInput(doc_.input_map, s, &source)) {
      w_.Key("source_start");
      w_.Int(source.begin);
      w_.Key("source_end");
      w_.Int(source.end);
    }
  }

  // {"start","end","text"} or null for an empty span.
  void SpanObject(Span s) {
    if (s.empty()) {
      w_.Null();
      return;
    }
    w_.BeginObject();
    Offsets(s);
    w_.Key("text");
    w_.String(doc_.Text(s));
    w_.EndObject();
  }

  void Sentences() {
    w_.Key("sentences");
    w_.BeginArray();
    for (const auto& s : doc_.sentences) {
      w_.BeginObject();
      Offsets(s.span);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Entities() {
    w_.Key("entities");
    w_.BeginArray();
    for (const auto& e : doc_.entities) {
      w_.BeginObject();
      Offsets(e.span);
      w_.Key("text");
      w_.String(doc_.Text(e.span));
      w_.Key("label");
      w_.String(EntityLabelName(e.label));
      w_.Key("title");
      SpanObject(e.title);
      w_.Key("appositive");
      SpanObject(e.appositive);
      if (e.group >= 0 && static_cast<size_t>(e.group) < doc_.groups.size()) {
        w_.Key("name");
        w_.String(doc_.groups[e.group].canonical);
        w_.Key("group");
        w_.Int(e.group);
      }
      w_.EndObject();
    }
    w_.EndArray();
    // One record per real-world entity: canonical name, roles, aliases.
    w_.Key("entity_groups");
    w_.BeginArray();
    for (const auto& g : doc_.groups) {
      w_.BeginObject();
      w_.Key("name");
      w_.String(g.canonical);
      w_.Key("label");
      w_.String(EntityLabelName(g.label));
      w_.Key("roles");
      w_.BeginArray();
      for (const auto& r : g.roles) w_.String(r);
      w_.EndArray();
      w_.Key("aliases");
      w_.BeginArray();
      for (const auto& a : g.aliases) w_.String(a);
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Quotes() {
    w_.Key("quotes");
    w_.BeginArray();
    for (const auto& q : doc_.quotes) {
      w_.BeginObject();
      Offsets(q.content);
      w_.Key("text");
      w_.String(doc_.Text(q.content));
      if (!q.parts.empty()) {
        w_.Key("parts");
        w_.BeginArray();
        for (Span p : q.parts) SpanObject(p);
        w_.EndArray();
      }
      w_.Key("cue");
      SpanObject(q.cue);
      w_.Key("speaker");
      SpanObject(q.speaker);
      w_.Key("speaker_name");
      if (q.speaker_name.empty()) {
        w_.Null();
      } else {
        w_.String(q.speaker_name);
      }
      w_.Key("kind");
      w_.String(QuoteKindName(q.kind));
      w_.Key("score");
      w_.Double(std::round(q.score * 1000) / 1000);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Claims() {
    w_.Key("claims");
    w_.BeginArray();
    for (const auto& c : doc_.claims) {
      w_.BeginObject();
      Offsets(c.span);
      w_.Key("text");
      w_.String(doc_.Text(c.span));
      if (c.is_range) {
        w_.Key("low");
        w_.Double(c.low);
        w_.Key("high");
        w_.Double(c.high);
      } else {
        w_.Key("value");
        w_.Double(c.value);
      }
      OptionalString("unit", c.unit);
      OptionalString("approx", c.approx);
      OptionalString("change", c.change);
      w_.Key("counted");
      SpanObject(c.counted);
      w_.Key("source");
      SpanObject(c.source);
      OptionalString("source_name", c.source_name);
      if (c.attribution >= 0) {
        w_.Key("quote");
        w_.Int(c.attribution);
      }
      w_.EndObject();
    }
    w_.EndArray();
  }

  const Document& doc_;
  CodePointIndex cps_;
  const JsonOptions& options_;
  Writer w_;
};

}  // namespace

namespace {

// True if one of the 8 bytes of `w` is a control byte (< 0x20), '"' or '\\'
// (the bytes JSON escapes). Exact: the per-byte tests below cannot borrow
// across bytes because bytes >= 0x80 are masked out first.
inline bool AnyToEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t low7 = w & ~kHigh;    // each byte's low 7 bits
  auto below = [&](uint8_t n) {  // high bit set where low7 < n
    return (low7 + kOnes * (0x80 - n)) ^ kHigh;
  };
  auto equals = [&](uint8_t v) {  // high bit set where low7 == v
    uint64_t x = low7 ^ (kOnes * v);
    return ~((x + kOnes * 0x7F) | x) & kHigh;
  };
  uint64_t hits = below(0x20) | equals('"') | equals('\\');
  return (hits & ~w & kHigh) != 0;  // only bytes < 0x80 count
}

}  // namespace

void AppendJsonEscaped(std::string_view s, bool html_safe, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!html_safe) {
      // Skip 8 plain bytes at a time (most of a text needs no escape).
      while (i + 8 <= s.size()) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (AnyToEscape(w)) break;
        i += 8;
      }
      if (i >= s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool html = html_safe && (c == '<' || c == '>' || c == '&' || c == '\'');
    if (c >= 0x20 && c != '"' && c != '\\' && !html) continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  AppendJsonEscaped(s, /*html_safe=*/false, out);
  out->push_back('"');
}

void WriteDocumentJson(const Document& doc, const JsonOptions& options,
                       std::string* out) {
  DocWriter(doc, options, out).Write();
}

}  // namespace whosaid
