// Units of the claims grammar: currency marks and codes before the number
// ("$", "US$", "EUR"), unit words after it ("km2", "percent", "euros",
// "years old"), units glued or hyphenated to the digits ("300mm", "12-cent",
// "five-year-old"); noun units ("13,000 workers") are in nouns.h.
// Emits normalised unit names the quantity scorer canonicalises. Tables are
// constexpr data in units.cc; functions are pure and safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_UNITS_H_
#define WHOSAID_SRC_CLAIMS_UNITS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "src/claims/nouns.h"
#include "src/claims/quantity.h"
#include "src/claims/token_window.h"

namespace whosaid::claims {

struct UnitWord {
  std::string_view surface;  // lowercase tokens separated by single spaces
  std::string_view norm;     // what we emit (canonicalises in the scorer)
};

// The currency marks and codes read before a number, and the codes read
// glued to digits (for trigger pre-filters).
std::span<const UnitWord> CurrencyPrefixTable();
std::span<const UnitWord> GluedCurrencyCodeTable();

// A multi-letter currency code or mark phrase starts at token i ("USD",
// "US $").
bool CurrencyCodeAt(const TokenWindow& win, uint32_t i);

// A currency code glued to digits ("USD115", "EUR20"): returns the code's
// length and sets *norm (when not null), 0 when none.
size_t GluedCurrencyCode(std::string_view w, std::string_view* norm);

// A currency code for millions, as in finance reports: "MUSD", "MEUR"
// (upper case only). Sets *norm to the currency when not null.
bool MillionCurrencyCode(std::string_view w, std::string_view* norm);

// Currency marks before the number at token i; sets *norm and returns the
// tokens matched (0 when none, or no number follows).
uint32_t CurrencyPrefix(const TokenWindow& win, uint32_t i,
                        std::string_view* norm);

// Unit words right after a number at token t. Sets q's unit fields;
// returns the token after the unit (t when none).
uint32_t LexiconUnit(const TokenWindow& win, uint32_t t, Quantity* q);

// Units glued to the digits ("300mm", "115.5USD") or hyphenated ("12-cent",
// "two-year", "five-year-old", "45-acre"). False when the suffix makes the
// number an identifier ("737MAX", "5G").
bool SuffixUnit(const TokenWindow& win, const Number& n, Quantity* q);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_UNITS_H_
