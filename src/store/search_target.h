// ResolveSearchTarget: what a SearchQuery searches (kAuto resolved) and
// whether its filters fit that target. Shared by the SQLite and PostgreSQL
// stores so that both accept and refuse the same queries with the same
// messages. A pure function; safe from any thread.
#ifndef WHOSAID_SRC_STORE_SEARCH_TARGET_H_
#define WHOSAID_SRC_STORE_SEARCH_TARGET_H_

#include "whosaid/corpus.h"
#include "whosaid/status.h"

namespace whosaid {

// The target `query` searches, or InvalidArgument when its filters do not
// fit it (--speaker/--kind on documents, --kind on claims, an unknown kind)
// or the match is empty.
Result<SearchQuery::Target> ResolveSearchTarget(const SearchQuery& query);

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SEARCH_TARGET_H_
