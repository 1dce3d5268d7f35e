// Claims: every number that states a fact — value or range, unit,
// approximation, change, what is counted — linked to its source through the
// attribution layer. Dates, times, ages, ordinals, phone numbers and numbers
// inside names are recognised and not reported. Pure function; safe from any
// thread.
#ifndef WHOSAID_SRC_CLAIMS_CLAIMS_H_
#define WHOSAID_SRC_CLAIMS_CLAIMS_H_

#include "whosaid/document.h"

namespace whosaid {

// Fills doc->claims. REQUIRES: doc is segmented; quotes and speakers are
// resolved (for sources).
void ExtractClaims(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CLAIMS_CLAIMS_H_
