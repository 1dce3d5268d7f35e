// Elliptical amounts: "Russian warplanes flew 60-70 sorties a day, while the
// coalition contributed some 8 to 10." The second amount leaves out what it
// counts, which is the first one's. Pure functions over
// one sentence's claims; any thread, on claims it owns.
#ifndef WHOSAID_SRC_CLAIMS_ELLIPSIS_H_
#define WHOSAID_SRC_CLAIMS_ELLIPSIS_H_

#include <cstddef>
#include <vector>

#include "src/claims/token_window.h"
#include "whosaid/document.h"

namespace whosaid::claims {

// A bare amount after claim `first_claim` of `claims` (all in the sentence
// of `win`): no unit, no counted phrase, closing its clause (a comma, a
// period, a semicolon or the sentence's end follows), with a contrast word
// ("while", "whereas", "compared", "versus", "than") between it and the
// nearest amount before it in the sentence that has a unit other than
// percent and a counted phrase after it. The bare amount shares that
// counted phrase; its unit stays as written (none).
void UnitOfTheAmountContrasted(const TokenWindow& win, size_t first_claim,
                               std::vector<Claim>* claims);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_ELLIPSIS_H_
