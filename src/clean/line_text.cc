#include "src/clean/line_text.h"

namespace whosaid {
namespace clean_internal {

namespace {

// Byte classes for the normaliser's ASCII fast path.
enum : unsigned char { kOther, kSpace, kAlnum, kQuote, kHigh };

struct ByteTables {
  unsigned char cls[256];
  char lower[256];
  constexpr ByteTables() : cls(), lower() {
    for (int c = 0; c < 256; ++c) {
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      if (c >= 0x80) {
        cls[c] = kHigh;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
                 c == '\v') {
        cls[c] = kSpace;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9')) {
        cls[c] = kAlnum;
      } else if (c == '"') {
        cls[c] = kQuote;
      } else {
        cls[c] = kOther;
      }
    }
  }
};
constexpr ByteTables kTables;

}  // namespace

bool LineText::Assign(std::string_view raw) {
  size_ = 0;
  words_ = 0;
  double_quote_ = false;
  alnum_ = 0;
  in_word_ = false;
  if (raw.size() > kMaxBytes) return false;
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t n = raw.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    switch (kTables.cls[c]) {
      case kSpace:
        if (in_word_) CloseWord();
        ++i;
        continue;
      case kAlnum:
        ++alnum_;
        Put(kTables.lower[c]);
        ++i;
        continue;
      case kQuote:
        double_quote_ = true;
        [[fallthrough]];
      case kOther:
        Put(static_cast<char>(c));
        ++i;
        continue;
      default:
        break;
    }
    // A few multi-byte marks are folded; other non-ASCII bytes are copied and
    // count as letters (accented letters, other scripts).
    if (c == 0xC2 && i + 1 < n) {
      unsigned char d = s[i + 1];
      if (d == 0xA0) {  // NBSP
        if (in_word_) CloseWord();
        i += 2;
        continue;
      }
      if (d == 0xAB || d == 0xBB) {  // « »
        double_quote_ = true;
        Put('"');
        i += 2;
        continue;
      }
      if (d == 0xA9) {  // ©
        Put('(');
        Put('c');
        Put(')');
        i += 2;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      unsigned char d = s[i + 2];
      char folded = 0;
      if (d == 0x98 || d == 0x99) folded = '\'';
      if (d == 0x9C || d == 0x9D || d == 0x9E) folded = '"';
      if (d == 0x93 || d == 0x94 || d == 0x95) folded = '-';
      if (d == 0xA2) folded = '|';                // bullet
      if (d == 0xA6) folded = '.';                // ellipsis
      if (d == 0x8B || d == 0x8C || d == 0x8D) {  // zero-width characters
        i += 3;
        continue;
      }
      if (d >= 0x80 && d <= 0x8A) {  // typographic spaces
        if (in_word_) CloseWord();
        i += 3;
        continue;
      }
      if (folded != 0) {
        if (folded == '"') double_quote_ = true;
        Put(folded);
        i += 3;
        continue;
      }
    }
    if (c >= 0xC0) ++alnum_;
    Put(static_cast<char>(c));
    ++i;
  }
  if (in_word_) CloseWord();
  if (size_ > 0 && buf_[size_ - 1] == ' ') --size_;
  return true;
}

bool LineText::StartsWith(std::string_view prefix) const {
  std::string_view t = text();
  return t.size() >= prefix.size() && t.substr(0, prefix.size()) == prefix;
}

static bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return IsAsciiAlpha(u) || IsAsciiDigit(u) || u >= 0x80;
}

size_t LineText::Find(std::string_view phrase) const {
  std::string_view t = text();
  size_t pos = 0;
  while ((pos = t.find(phrase, pos)) != std::string_view::npos) {
    bool left_ok =
        pos == 0 || !IsWordByte(t[pos - 1]) || !IsWordByte(phrase.front());
    size_t end = pos + phrase.size();
    bool right_ok =
        end >= t.size() || !IsWordByte(t[end]) || !IsWordByte(phrase.back());
    if (left_ok && right_ok) return pos;
    ++pos;
  }
  return std::string_view::npos;
}

}  // namespace clean_internal
}  // namespace whosaid
