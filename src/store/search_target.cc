#include "src/store/search_target.h"

#include <fmt/format.h>

namespace whosaid {

Result<SearchQuery::Target> ResolveSearchTarget(const SearchQuery& query) {
  using Target = SearchQuery::Target;
  Target target = query.target;
  if (target == Target::kAuto) {
    target = (!query.speaker.empty() || !query.kind.empty())
                 ? Target::kQuotes
                 : Target::kDocuments;
  }
  if (target == Target::kDocuments &&
      (!query.speaker.empty() || !query.kind.empty())) {
    return Status::InvalidArgument(
        "--speaker and --kind filter quotes or claims, not documents");
  }
  if (target == Target::kClaims && !query.kind.empty()) {
    return Status::InvalidArgument("--kind filters quotes, not claims");
  }
  if (!query.kind.empty() && query.kind != "direct" && query.kind != "mixed" &&
      query.kind != "indirect") {
    return Status::InvalidArgument(
        fmt::format("unknown --kind '{}' (expected direct, mixed or indirect)",
                    query.kind));
  }
  if (query.match.empty()) {
    return Status::InvalidArgument("the search query is empty");
  }
  return target;
}

}  // namespace whosaid
