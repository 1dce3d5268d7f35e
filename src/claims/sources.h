// Sources of numeric claims: a claim inside a quote (or one of its parts)
// takes the quote's speaker; otherwise an "according to X" phrase of the
// same sentence gives X (the name after an appositive comma, or after "by"
// in "statements by X"). Pure function of the Document; safe from any thread
// on distinct Documents.
#ifndef WHOSAID_SRC_CLAIMS_SOURCES_H_
#define WHOSAID_SRC_CLAIMS_SOURCES_H_

#include "src/claims/claims.h"
#include "whosaid/document.h"

namespace whosaid::claims {

// Fills attribution, source and source_name of every doc->claims entry.
// REQUIRES: claims in text order; quotes, speakers and entities resolved.
void AssignSources(const ClaimsOptions& options, Document* doc);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_SOURCES_H_
