// Lexicon of the claims grammar: ASCII text helpers and the closed word
// tables (number words, scales, fractions, months, function and stop words,
// change verbs, approximation/bound modifiers). Tables are constexpr data
// owned by lexicon.cc, searched through hash indexes built once on first
// use and immutable after; every function is pure and safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_LEXICON_H_
#define WHOSAID_SRC_CLAIMS_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "src/base/chars.h"

namespace whosaid::claims {

inline char Lower(char c) { return AsciiLowerChar(c); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ASCII case-insensitive equality; `lower` must be lowercase.
inline bool IEq(std::string_view s, std::string_view lower) {
  return AsciiEqualsLower(s, lower);
}
// Lowercase letters and inner hyphens only.
bool AllLowerAlpha(std::string_view s);

struct Named {
  std::string_view word;
  double value;
};

const Named* FindNamed(std::span<const Named> table, std::string_view w);
bool InList(std::span<const std::string_view> list, std::string_view w);
// A short word list written at the call ("that", "which", "who").
inline bool InList(std::string_view w,
                   std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}
// `w` in ASCII lower case.
inline std::string LowerWord(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = Lower(c);
  return s;
}

// "zero" .. "ninety".
const Named* FindSmallNumber(std::string_view w);
// The whole table of FindSmallNumber.
std::span<const Named> SmallNumberTable();
// Scale words and abbreviations ("million", "bn", "k"); `words_only`
// restricts to the spelled-out words ("hundred" .. "dozen").
const Named* FindScale(std::string_view w, bool words_only = false);
// True for the spelled-out scale entries of FindScale.
bool IsWordScale(const Named* scale);
// Glued scale suffixes ("5bn", "10k", "1.2b", "5m").
const Named* FindScaleSuffix(std::string_view w);
// Denominator words: "half" -> 2, "thirds" -> 3.
const Named* FindFraction(std::string_view w);
// The value of a Unicode vulgar fraction token ("\u00BD" -> 0.5), 0 when `w`
// is not one.
double VulgarFraction(std::string_view w);
// Change verbs: +1 for rises, -1 for falls.
const Named* FindChangeWord(std::string_view w);

// The head of `w` before a hyphen is a small number word ("twenty-eight").
bool IsNumberWord(std::string_view w);
bool IsOrdinalWord(std::string_view w);
// Month names and abbreviations, with an optional final period.
bool IsMonth(std::string_view w);
bool IsTimeZone(std::string_view w);
// Words that, capitalised before a number, do not make it part of a name.
bool IsFunctionWord(std::string_view w);
// Words that stop a noun unit / counted phrase.
bool IsStopWord(std::string_view w);
bool IsDeterminer(std::string_view w);
// Period nouns of rates ("a day", "per share").
bool IsPeriodWord(std::string_view w);

struct Modifier {
  std::string_view surface;  // lowercase tokens separated by spaces
  std::string_view symbol;   // "~", ">", "<"
};
// Approximation and bound phrases, longest first where they share words.
std::span<const Modifier> ModifierPhrases();
// Positions in ModifierPhrases() of the phrases whose last word is
// `last_word` (ASCII case-insensitive), in table order.
std::span<const uint32_t> ModifiersEndingWith(std::string_view last_word);
// `w` equals a whole modifier phrase (ASCII case-insensitive).
bool IsModifierSurface(std::string_view w);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_LEXICON_H_
