#include "src/base/chars.h"

#include <utf8proc.h>

#include "src/base/utf8.h"

namespace whosaid {

bool IsLetterSlow(char32_t cp) {
  auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool IsUpperSlow(char32_t cp) {
  auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLowerSlow(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) ==
         UTF8PROC_CATEGORY_LL;
}

bool IsSpaceSlow(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool IsLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

bool IsQuoteMark(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201E:  // „
    case 0x201A:  // ‚
    case 0x201F:
    case 0x201B:
    case 0xAB:  // «
    case 0xBB:  // »
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
    case 0xFF02:
    case 0x60:  // `
    case 0xB4:  // ´
      return true;
    default:
      return false;
  }
}

bool IsOpeningQuote(char32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0x201A ||
         cp == 0x201F || cp == 0x201B || cp == 0xAB || cp == 0x2039 ||
         cp == 0x300C || cp == 0x60;
}

bool IsClosingQuote(char32_t cp) {
  return cp == 0x201D || cp == 0xBB || cp == 0x203A || cp == 0x300D;
}

bool IsDoubleQuote(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
         cp == 0x201F || cp == 0xAB || cp == 0xBB || cp == 0xFF02;
}

bool IsDash(char32_t cp) {
  return cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212;
}

void AsciiLower(std::string_view s, std::string* out) {
  out->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out;
  AsciiLower(s, &out);
  return out;
}

std::string Lowercase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    // An ASCII byte is its own code point: no decode.
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    int len;
    char32_t cp = DecodeUtf8(s, i, &len);
    i += len;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      AppendUtf8(static_cast<char32_t>(
                     utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))),
                 &out);
    }
  }
  return out;
}

}  // namespace whosaid
