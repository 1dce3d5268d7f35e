// Claims: every number that states a fact — value or range, unit,
// approximation, change, what is counted — linked to its source through the
// attribution layer. Dates, times, ordinals, phone numbers, list numbering
// and numbers inside names are recognised and not reported; ages and
// durations are quantities ("five years old", "a two-year operation").
//
// A deterministic number grammar over the Document's tokens, triggered only
// at tokens with digits, currency marks or number words. Pure function of the
// Document (no globals mutated); safe from any thread on distinct Documents.
#ifndef WHOSAID_SRC_CLAIMS_CLAIMS_H_
#define WHOSAID_SRC_CLAIMS_CLAIMS_H_

#include <cstddef>

#include "whosaid/document.h"

namespace whosaid {

struct ClaimsOptions {
  // Numbers with more digits than this are not parsed (a warning is added).
  size_t max_digits = 40;
  // Values whose magnitude exceeds this are dropped as absurd (warning).
  double max_abs_value = 1e18;
  // How many tokens the "counted" noun phrase may span.
  size_t max_counted_tokens = 8;
  // How many tokens an "according to X" source may span.
  size_t max_source_tokens = 16;
  // At most this many claims per document (the rest are dropped, warning).
  size_t max_claims = 100000;
};

// Fills doc->claims. REQUIRES: doc is segmented; quotes and speakers are
// resolved (for sources). Claim::change holds the change/bound symbol the
// scorers use: "~", ">", "<", "up", "down" ("" = exact).
void ExtractClaims(const ClaimsOptions& options, Document* doc);
void ExtractClaims(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CLAIMS_CLAIMS_H_
