// NumberParser: reads one number at a token of a sentence — digits with
// thousands/decimal separators, signs, exponents, glued ranges ("5-10"),
// simple fractions ("1/2", "10 1/2"), scale words and suffixes ("3.5
// million", "5bn"), and numbers written in words ("twenty-eight", "two and a
// half", "a quarter million", "two-thirds"). Marks ordinals, times, dates and
// identifiers as rejected. Holds a reference to the options and the sentence
// window (both owned by the caller); one parser per scanning thread.
#ifndef WHOSAID_SRC_CLAIMS_NUMBER_PARSER_H_
#define WHOSAID_SRC_CLAIMS_NUMBER_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "src/claims/claims.h"
#include "src/claims/token_window.h"
#include "whosaid/document.h"

namespace whosaid::claims {

struct Number {
  bool ok = false;
  double value = 0;
  bool is_range = false;
  double high = 0;
  uint32_t tok_begin = 0;
  uint32_t tok_end = 0;   // exclusive
  uint32_t byte_end = 0;  // end of the number proper
  Span suffix;            // glued or hyphen suffix ("mm", "year-old")
  bool suffix_hyphen = false;
  bool scaled = false;
  double scale = 1;  // product of the scale words applied
  bool from_words = false;
  bool plain_int = false;  // digits only
  int int_digits = 0;
  bool reject = false;  // ordinal, time, decade, id...
  bool too_long = false;
  bool only_one = false;  // the bare word "one"
  bool dot_lead = false;
  bool bare_half = false;  // "half" alone (no ranges, no units)  // written
                           // ".5": the number starts one token early
};

class NumberParser {
 public:
  NumberParser(const ClaimsOptions& options, const TokenWindow& window)
      : opt_(options), win_(window) {}

  // Any number at token i, followed by scale words ("3.5 million").
  // False when there is none; a parsed but rejected number sets
  // n->reject.
  bool ParseNumber(uint32_t i, Number* n) { return ParseNumber(i, 0, n); }
  // The same, reading the digits of token i from byte `skip` on ("USD115"
  // with skip 3).
  bool ParseNumber(uint32_t i, size_t skip, Number* n);

  // "half" read alone as 0.5: "half of the votes", "more than half".
  bool BareHalf(uint32_t i) const;

  // A fraction word at token i ("thirds"; "third" too when singular_ok).
  bool FractionAt(uint32_t i, bool singular_ok) const;

  // Multiplies the number (and its range high end) by f.
  static void Scale(Number* n, double f);

  // Numbers skipped as too long or out of range so far.
  size_t too_long() const { return too_long_; }

 private:
  // Parses the digits of `s` (one token's text, possibly with a sign) into
  // *v; returns the number of bytes consumed, 0 on failure.
  size_t ParseDigits(std::string_view s, double* v, Number* n);
  // A number starting at a kNumber token.
  bool ParseDigitToken(uint32_t i, size_t skip, Number* n);
  // Digit groups written with spaces: "40 000", "1 234 567".
  void SpacedGroups(Number* n);
  void LeadingDot(uint32_t i, Number* n) const;
  // A number written in words, starting at token i.
  bool ParseWordNumber(uint32_t i, Number* n);
  // "and a half" / "and three quarters" after a scale word at token t: adds
  // the fraction of `scale` to n; returns the tokens read (0 when none).
  uint32_t AndFraction(uint32_t t, double scale, Number* n);
  // "4 thousand 3 hundred and 21": digit groups after a scale word at t,
  // added to n; returns the token after them.
  uint32_t DigitRemainder(uint32_t t, double scale, Number* n);

  const ClaimsOptions& opt_;
  const TokenWindow& win_;
  size_t too_long_ = 0;
};

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_NUMBER_PARSER_H_
