#include "src/input/html_date.h"

#include <fmt/format.h>

#include <vector>

#include "src/base/calendar_words.h"

namespace whosaid {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

struct Token {
  enum Kind { kWord, kNumber, kIso } kind;
  int value = 0;  // number, or month 1..12 for a month word, 0 otherwise
  int year = 0, month = 0, day = 0;  // kIso
};

bool Plausible(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

}  // namespace

std::string DateInText(std::string_view s) {
  // Tokenise into words, plain numbers (ordinal suffixes dropped) and ISO
  // dates; anything else (punctuation, times) separates tokens.
  std::vector<Token> toks;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (IsAlpha(c)) {
      size_t b = i;
      while (i < s.size() && IsAlpha(s[i])) ++i;
      toks.push_back({Token::kWord, MonthOfWord(s.substr(b, i - b))});
      continue;
    }
    if (IsDigit(c)) {
      size_t b = i;
      while (i < s.size() && IsDigit(s[i])) ++i;
      size_t n = i - b;
      int v = 0;
      for (size_t k = b; k < i && k < b + 6; ++k) v = v * 10 + (s[k] - '0');
      if (n == 4 && i + 5 < s.size() && s[i] == '-' && IsDigit(s[i + 1]) &&
          IsDigit(s[i + 2]) && s[i + 3] == '-' && IsDigit(s[i + 4]) &&
          IsDigit(s[i + 5]) && (i + 6 >= s.size() || !IsDigit(s[i + 6]))) {
        Token t{Token::kIso, 0};
        t.year = v;
        t.month = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        t.day = (s[i + 4] - '0') * 10 + (s[i + 5] - '0');
        toks.push_back(t);
        i += 6;
        continue;
      }
      // Ordinal suffix: 18th, 1st, 2nd, 3rd.
      if (i + 1 < s.size() && IsAlpha(s[i]) && IsAlpha(s[i + 1]) &&
          (i + 2 >= s.size() || !IsAlpha(s[i + 2]))) {
        std::string suf = {Lower(s[i]), Lower(s[i + 1])};
        if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") i += 2;
      }
      // A time ("9:02") is not a day: skip its minutes.
      if (i < s.size() && s[i] == ':') {
        ++i;
        while (i < s.size() && IsDigit(s[i])) ++i;
        toks.push_back({Token::kWord, 0});
        continue;
      }
      toks.push_back({Token::kNumber, n <= 4 ? v : -1});
      continue;
    }
    ++i;
  }
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    if (t.kind == Token::kIso && Plausible(t.year, t.month, t.day)) {
      return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
    }
    if (k + 2 >= toks.size()) continue;
    const Token& u = toks[k + 1];
    const Token& v = toks[k + 2];
    // Month D YYYY
    if (t.kind == Token::kWord && t.value > 0 && u.kind == Token::kNumber &&
        v.kind == Token::kNumber && Plausible(v.value, t.value, u.value)) {
      return fmt::format("{:04}-{:02}-{:02}", v.value, t.value, u.value);
    }
    // D Month YYYY
    if (t.kind == Token::kNumber && u.kind == Token::kWord && u.value > 0 &&
        v.kind == Token::kNumber && Plausible(v.value, u.value, t.value)) {
      return fmt::format("{:04}-{:02}-{:02}", v.value, u.value, t.value);
    }
  }
  return "";
}

}  // namespace whosaid
