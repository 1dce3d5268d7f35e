// Character classes for the scanners: an ASCII table plus utf8proc for the
// rest. Pure functions; safe from any thread.
#ifndef WHOSAID_SRC_BASE_CHARS_H_
#define WHOSAID_SRC_BASE_CHARS_H_

#include <string>
#include <string_view>

namespace whosaid {

// Slow paths for non-ASCII code points (utf8proc).
bool IsLetterSlow(char32_t cp);
bool IsUpperSlow(char32_t cp);
bool IsLowerSlow(char32_t cp);
bool IsSpaceSlow(char32_t cp);

inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return IsLetterSlow(cp);
}
// ASCII 0-9 only: numbers are parsed as ASCII.
inline bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return IsUpperSlow(cp);
}
inline bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return IsLowerSlow(cp);
}
// Unicode white space, including NBSP and the zero-width space.
inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return IsSpaceSlow(cp);
}
bool IsLineBreak(char32_t cp);  // \n \r U+2028 U+2029 U+0085
// Quotation marks of any script: " ' “ ” ‘ ’ „ ‚ « » ‹ › 「 」 ＂
bool IsQuoteMark(char32_t cp);
// True for marks that can only open a quote (“ ‘ „ ‚ « ‹ 「).
bool IsOpeningQuote(char32_t cp);
// True for marks that can only close a quote (” » › 」); ’ is ambiguous.
bool IsClosingQuote(char32_t cp);
bool IsDoubleQuote(char32_t cp);
bool IsDash(char32_t cp);  // – — ― and the minus sign (not the hyphen)

inline char AsciiLowerChar(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
// True if `s` equals `lower` (already lower-case ASCII) ignoring ASCII case.
// The one case-insensitive word compare of the scanners (claims, HTML, mention
// heads): non-ASCII bytes must match exactly.
inline bool AsciiEqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLowerChar(s[i]) != lower[i]) return false;
  }
  return true;
}

// ASCII-lowercases `s` into `out` (non-ASCII bytes copied unchanged).
void AsciiLower(std::string_view s, std::string* out);
std::string AsciiLower(std::string_view s);
// Full Unicode lowercase (utf8proc), for keys that may hold accents.
std::string Lowercase(std::string_view s);

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_CHARS_H_
