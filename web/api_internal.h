// The endpoints behind HandleApi() (api.h) and the request helpers they
// share; internal to web/, included only by api.cc, api_search.cc and
// api_browse.cc. The file split:
//   api.cc         the helpers below (errors, parameters), ErrorJson,
//                  ConnectionPool, SideWorkers and HandleApi (the routing);
//   api_search.cc  Search and Facets (/api/search, /api/facets) and
//                  WordsToFts;
//   api_browse.cc  Stats, Speakers, Speaker, DocumentById, Cluster and
//                  Claims, with the JSON writers of quotes, claims and
//                  sources.
//
// Ownership: nothing here keeps state. An endpoint borrows the request's
// Connection (and, for Search, the SearchHelpers) for the call only and
// returns the whole answer by value. Threads: any thread may call these,
// as long as it holds the Connection's lease (one thread per Connection at
// a time); Search may run one of its kinds on a SideWorkers thread with a
// second leased Connection, and waits for it before returning.
#ifndef WHOSAID_WEB_API_INTERNAL_H_
#define WHOSAID_WEB_API_INTERNAL_H_

#include <cstdint>
#include <string_view>

#include "web/api.h"
#include "whosaid/status.h"

namespace whosaid::web::api_internal {

// An error answer {"error": message} with `status`.
ApiResponse Error(int status, std::string_view message);

// The answer for a failed Status: InvalidArgument -> 400 with the message,
// NotFound -> 404, LimitExceeded -> 503, anything else -> 500 with no
// detail (the detail goes to stderr).
ApiResponse FromStatus(const Status& s);

// The value of `key`; empty when absent.
std::string_view Param(const Params& p, std::string_view key);

// Parses a non-negative integer parameter; `def` when absent.
Result<int64_t> IntParam(const Params& p, std::string_view key, int64_t def);

// api_search.cc
ApiResponse Search(const Params& p, const ApiOptions& options, Connection* conn,
                   SearchHelpers helpers);
ApiResponse Facets(const Params& p, const ApiOptions& options,
                   Connection* conn);

// api_browse.cc. `rest` is the path after "/api/document/" or
// "/api/cluster/" (empty for /api/document?id=).
ApiResponse Stats(Connection* conn);
ApiResponse Speakers(const Params& p, const ApiOptions& options,
                     Connection* conn);
ApiResponse Speaker(const Params& p, Connection* conn);
ApiResponse DocumentById(std::string_view rest, const Params& p,
                         Connection* conn);
ApiResponse Cluster(std::string_view rest, Connection* conn);
ApiResponse Claims(const Params& p, const ApiOptions& options,
                   Connection* conn);

}  // namespace whosaid::web::api_internal

#endif  // WHOSAID_WEB_API_INTERNAL_H_
