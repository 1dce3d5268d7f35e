#include "src/claims/claims.h"

namespace whosaid {

void ExtractClaims(Document* doc) {}

}  // namespace whosaid
