// Quantity: one numeric expression being parsed by the claims grammar
// (number, unit, modifiers, counted phrase), before it becomes a Claim.
// A plain value type; string_views point into static tables.
#ifndef WHOSAID_SRC_CLAIMS_QUANTITY_H_
#define WHOSAID_SRC_CLAIMS_QUANTITY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "src/claims/number_parser.h"
#include "whosaid/document.h"

namespace whosaid::claims {

struct Quantity {
  uint32_t tok_begin = 0;  // first token of the expression (with modifier)
  uint32_t num_begin = 0;  // first token of the number (with currency)
  uint32_t tok_end = 0;
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  bool is_range = false;
  double value = 0, low = 0, high = 0;
  std::string_view unit;  // normalised
  Span unit_span;
  bool noun_unit = false;
  std::string noun;       // noun unit text (with " per period")
  std::string_view rate;  // period word of a money rate ("an hour"), text
  bool currency = false;
  bool percent = false;
  std::string_view approx_symbol;
  Span approx_span;
  std::string_view change;
  Span counted;
  Number first;
};

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_QUANTITY_H_
