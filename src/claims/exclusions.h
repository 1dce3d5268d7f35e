// Exclusions: numbers that state no quantity and are not reported — times
// ("5 p.m."), dates ("Dec. 11, 2017", "28 Dec"), bare years, list numbering,
// numbers inside names ("Boeing 737", "No. 1") and the pronoun "one". Pure
// functions of the token window; safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_EXCLUSIONS_H_
#define WHOSAID_SRC_CLAIMS_EXCLUSIONS_H_

#include "src/claims/quantity.h"
#include "src/claims/token_window.h"

namespace whosaid::claims {

// True when the parsed quantity `q` of the window's sentence is not a
// quantity claim.
bool Excluded(const TokenWindow& win, const Quantity& q);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_EXCLUSIONS_H_
