#include "src/segment/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>

#include "src/base/chars.h"
#include "src/base/utf8.h"

namespace whosaid {
namespace {

constexpr std::array<std::string_view, 26> kTitleAbbreviations = {
    "mr",   "mrs",  "ms",   "dr",  "gen", "sen",    "rep",  "gov",  "lt",
    "col",  "sgt",  "capt", "maj", "adm", "rev",    "prof", "pres", "gens",
    "sens", "reps", "cmdr", "cpl", "pvt", "messrs", "supt", "hon"};

constexpr std::array<std::string_view, 38> kOtherAbbreviations = {
    "st",   "jr",     "sr",    "inc", "corp", "co",  "ltd",  "no",
    "vs",   "etc",    "jan",   "feb", "mar",  "apr", "jun",  "jul",
    "aug",  "sep",    "sept",  "oct", "nov",  "dec", "dept", "univ",
    "est",  "approx", "fig",   "al",  "mt",   "ft",  "ave",  "blvd",
    "bros", "cf",     "gov't", "nos", "op",   "vol"};

bool InList(std::string_view w, const auto& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

inline char32_t At(std::string_view text, size_t i, int* len) {
  if (i >= text.size()) {
    *len = 0;
    return 0;
  }
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  return DecodeUtf8(text, i, len);
}

inline bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

// ASCII letters and digits (IsWordChar of a byte below 0x80), by byte.
constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> a{};
  for (int c = 0; c < 128; ++c) {
    a[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return a;
}();

// Splits one whitespace-free chunk [begin, end) into tokens.
class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Token>* out)
      : text_(text), out_(out) {}

  void Split(size_t begin, size_t end, bool space_before, bool newline_before) {
    space_before_ = space_before;
    newline_before_ = newline_before;
    if (IsUrlLike(begin, end)) {
      size_t e = end;
      // Trailing sentence punctuation is not part of a URL.
      while (e > begin && std::string_view(".,;:!?)]\"'").find(text_[e - 1]) !=
                              std::string_view::npos) {
        --e;
      }
      Emit(begin, e, TokenKind::kUrl);
      if (e < end) SplitGeneral(e, end);
      return;
    }
    SplitGeneral(begin, end);
  }

 private:
  bool IsUrlLike(size_t begin, size_t end) const {
    std::string_view c = text_.substr(begin, end - begin);
    if (c.starts_with("http://") || c.starts_with("https://") ||
        c.starts_with("www.")) {
      return true;
    }
    size_t at = c.find('@');
    if (at != std::string_view::npos && c.size() > 1) {
      // @handle or e-mail.
      if (at == 0)
        return c.size() > 1 && IsWordChar(static_cast<unsigned char>(c[1]));
      return c.find('.', at) != std::string_view::npos;
    }
    return false;
  }

  void Emit(size_t b, size_t e, TokenKind kind) {
    if (e <= b) return;
    Token t;
    t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.kind = kind;
    t.space_before = space_before_;
    t.newline_before = newline_before_;
    space_before_ = false;
    newline_before_ = false;
    if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
      int len;
      char32_t first = At(text_, b, &len);
      t.capitalized = IsUpper(first);
      // all_caps: at least two letters, none of them not upper case. The
      // scan stops at the first such letter (the answer is then false).
      int letters = 0;
      bool all_upper = true;
      for (size_t i = b; i < e && all_upper;) {
        const unsigned char c = static_cast<unsigned char>(text_[i]);
        if (c < 0x80) {
          if (c >= 'a' && c <= 'z') {
            all_upper = false;
          } else if (c >= 'A' && c <= 'Z') {
            ++letters;
          }
          ++i;
          continue;
        }
        char32_t cp = At(text_, i, &len);
        if (IsLetter(cp)) {
          ++letters;
          if (!IsUpper(cp)) all_upper = false;
        }
        i += len;
      }
      t.all_caps = letters >= 2 && all_upper;
    }
    out_->push_back(t);
  }

  void SplitGeneral(size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      int len;
      char32_t cp = At(text_, i, &len);
      if (IsWordChar(cp)) {
        i = WordRun(i, end);
        continue;
      }
      if (IsQuoteMark(cp)) {
        // ’s / 's possessive directly after a word is handled in WordRun;
        // here the mark stands alone.
        Emit(i, i + len, TokenKind::kQuote);
        i += len;
        continue;
      }
      if (cp == '.') {
        // "..." ellipsis, or a lone period.
        size_t j = i;
        while (j < end && text_[j] == '.') ++j;
        Emit(i, j, TokenKind::kPunct);
        i = j;
        continue;
      }
      if (cp == '-') {
        size_t j = i;
        while (j < end && text_[j] == '-') ++j;
        // A leading minus sign before a digit belongs to the number.
        if (j == i + 1 && j < end &&
            IsDigit(static_cast<unsigned char>(text_[j])) && (i == begin)) {
          i = WordRun(i, end, /*from_sign=*/true);
          continue;
        }
        Emit(i, j, TokenKind::kPunct);
        i = j;
        continue;
      }
      if (IsDash(cp) || cp == 0x2026 || cp == ',' || cp == ';' || cp == ':' ||
          cp == '!' || cp == '?' || cp == '(' || cp == ')' || cp == '[' ||
          cp == ']' || cp == '{' || cp == '}' || cp == '/' || cp == '|' ||
          cp == '*' || cp == 0xBF || cp == 0xA1 || cp == 0x2022) {
        Emit(i, i + len, TokenKind::kPunct);
        i += len;
        continue;
      }
      Emit(i, i + len, TokenKind::kSymbol);
      i += len;
    }
  }

  // Consumes a word or number starting at `i`; returns the end offset.
  size_t WordRun(size_t i, size_t end, bool from_sign = false) {
    size_t b = i;
    int len;
    char32_t first = At(text_, from_sign ? i + 1 : i, &len);
    bool number = IsDigit(first);
    if (from_sign) i += 1;
    bool has_inner_period = false;
    while (i < end) {
      const unsigned char c0 = static_cast<unsigned char>(text_[i]);
      char32_t cp;
      if (c0 < 0x80) {
        if (kAsciiWord[c0]) {
          ++i;
          continue;
        }
        cp = c0;
        len = 1;
      } else {
        cp = At(text_, i, &len);
        if (IsWordChar(cp) || cp == 0x00AD /* soft hyphen */) {
          i += len;
          continue;
        }
      }
      int nlen;
      char32_t next = At(text_, i + len, &nlen);
      char32_t prev = PrevCp(b, i);
      bool next_word = i + len < end && IsWordChar(next);
      if (!next_word) break;
      if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
        i += len;  // hyphenated compound or number range (60-70)
        continue;
      }
      if ((cp == '\'' || cp == 0x2019) && IsLetter(prev)) {
        // Possessive 's is split off; don't / O'Neill stay whole.
        if ((next == 's' || next == 'S') &&
            (i + len + 1 >= end ||
             !IsWordChar(At(text_, i + len + 1, &nlen)))) {
          break;
        }
        i += len;
        continue;
      }
      if (cp == '.') {
        has_inner_period = true;
        i += len;  // U.S, 3.5, e.g
        continue;
      }
      if ((cp == ',' || cp == ':') && IsDigit(prev) && IsDigit(next)) {
        i += len;  // 1,000  10:30
        continue;
      }
      if (cp == '/' && IsDigit(prev) && IsDigit(next)) {
        i += len;  // 9/11  1/2
        continue;
      }
      if (cp == '&' && IsUpper(prev) && IsUpper(next)) {
        i += len;  // AT&T  S&P
        continue;
      }
      break;
    }
    // A final period that belongs to the word: abbreviations and initials.
    if (i < end && text_[i] == '.' && !number) {
      std::string lower = AsciiLower(text_.substr(b, i - b));
      size_t letters = 0;
      for (size_t k = b; k < i;) {
        char32_t cp = At(text_, k, &len);
        letters += IsLetter(cp);
        k += len;
      }
      bool initial = letters == 1 && i - b <= 2;
      bool dotted = has_inner_period;  // U.S.  a.m.
      bool followed_by_period = i + 1 < end && text_[i + 1] == '.';
      if (!followed_by_period && (initial || dotted || IsAbbreviation(lower))) {
        ++i;
      }
    }
    Emit(b, i, number ? TokenKind::kNumber : TokenKind::kWord);
    // Possessive suffix.
    if (i < end) {
      char32_t cp = At(text_, i, &len);
      if (cp == '\'' || cp == 0x2019) {
        int nlen;
        char32_t next = At(text_, i + len, &nlen);
        if ((next == 's' || next == 'S') &&
            (i + len + 1 >= end ||
             !IsWordChar(At(text_, i + len + 1, &nlen)))) {
          Emit(i, i + len + 1, TokenKind::kWord);
          return i + len + 1;
        }
      }
    }
    return i;
  }

  char32_t PrevCp(size_t begin, size_t i) const {
    if (i <= begin) return 0;
    size_t k = i - 1;
    while (k > begin && !IsLeadByte(static_cast<unsigned char>(text_[k]))) --k;
    int len;
    return At(text_, k, &len);
  }

  std::string_view text_;
  std::vector<Token>* out_;
  bool space_before_ = false;
  bool newline_before_ = false;
};

void AssignQuoteRoles(std::string_view text, std::vector<Token>* tokens,
                      size_t first) {
  for (size_t k = first; k < tokens->size(); ++k) {
    Token& t = (*tokens)[k];
    if (t.kind != TokenKind::kQuote) continue;
    int len;
    char32_t cp = At(text, t.span.begin, &len);
    t.double_quote = IsDoubleQuote(cp);
    if (IsOpeningQuote(cp)) {
      t.quote = QuoteRole::kOpen;
      continue;
    }
    if (IsClosingQuote(cp)) {
      t.quote = QuoteRole::kClose;
      continue;
    }
    // Straight or ambiguous marks: decide from the surrounding space.
    bool space_left = t.space_before || k == 0 ||
                      ((*tokens)[k - 1].kind == TokenKind::kPunct &&
                       text[(*tokens)[k - 1].span.begin] == '(');
    bool space_right = k + 1 >= tokens->size() ||
                       (*tokens)[k + 1].space_before ||
                       (*tokens)[k + 1].kind == TokenKind::kPunct;
    if (space_left && !space_right) {
      t.quote = QuoteRole::kOpen;
    } else if (!space_left) {
      t.quote = QuoteRole::kClose;
    } else {
      t.quote = QuoteRole::kNone;  // free-standing: left to the pairer
    }
  }
}

}  // namespace

bool IsAbbreviation(std::string_view lower_word) {
  return InList(lower_word, kTitleAbbreviations) ||
         InList(lower_word, kOtherAbbreviations);
}

bool IsNameTitleAbbreviation(std::string_view lower_word) {
  return InList(lower_word, kTitleAbbreviations);
}

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  size_t first = tokens->size();
  ChunkSplitter splitter(text, tokens);
  size_t i = 0, n = text.size();
  bool space = false, newline = false;
  while (i < n) {
    int len;
    char32_t cp = At(text, i, &len);
    if (IsSpace(cp)) {
      space = true;
      if (IsLineBreak(cp)) newline = true;
      i += len;
      continue;
    }
    size_t b = i;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (c == ' ' || (c >= '\t' && c <= '\r')) break;  // IsSpace
        ++i;
        continue;
      }
      cp = At(text, i, &len);
      if (IsSpace(cp)) break;
      i += len;
    }
    splitter.Split(b, i, space || b == 0, newline || b == 0);
    space = newline = false;
  }
  AssignQuoteRoles(text, tokens, first);
}

}  // namespace whosaid
