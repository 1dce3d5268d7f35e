// What a claim counts: the phrase after its number and unit ("terrorists
// killed", "sorties a day", "square kilometers of Syrian territory", "a
// two-year operation" -> operation, "a 12-percentage-point lead" -> lead).
// Pure functions of the token window; safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_COUNTED_H_
#define WHOSAID_SRC_CLAIMS_COUNTED_H_

#include <cstdint>

#include "src/claims/number_parser.h"
#include "src/claims/quantity.h"
#include "src/claims/token_window.h"

namespace whosaid::claims {

// Reads the noun unit when the quantity has no unit yet ("13,000
// workers") and sets q->counted. `n1` is the quantity's first number, `t`
// the token after its number, unit, range and rate; at most
// `max_counted_tokens` tokens are read. Returns the token after what the
// quantity now covers (t, or past the noun unit).
uint32_t ReadCounted(const TokenWindow& win, uint32_t max_counted_tokens,
                     const Number& n1, uint32_t t, Quantity* q);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_COUNTED_H_
