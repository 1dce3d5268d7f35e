// The web app's JSON API (doc/web_api.md), independent of the HTTP library:
// HandleApi() maps a path under /api/ and its query parameters to a status
// and a JSON body, using one Connection (a read-only CorpusStore and a
// PageReader on the same file). Errors never carry file paths or internal
// detail: InvalidArgument -> 400 with the message, NotFound -> 404,
// LimitExceeded -> 503, anything else -> 500 "the corpus could not be read"
// (the detail goes to stderr).
//
// ConnectionPool hands out one Connection per concurrent request; it is
// safe to call from any thread. A Connection is used by one thread at a
// time (the lease's holder).
//
// The code: api.cc (routing, errors, parameters, the pool and the side
// workers), api_search.cc (/api/search, /api/facets, WordsToFts) and
// api_browse.cc (the other endpoints); api_internal.h joins them.
#ifndef WHOSAID_WEB_API_H_
#define WHOSAID_WEB_API_H_

#include <condition_variable>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "src/store/page_reader.h"
#include "whosaid/corpus.h"
#include "whosaid/status.h"

namespace whosaid::web {

struct ApiOptions {
  std::string db;
  int max_query_ms = 2000;  // each search and page query
  // /api/facets counts every match of a search within this long (and
  // max_query_ms); past it, it answers "scope": "none" and the page keeps
  // the facets of the hits shown. It runs beside the search, not before
  // the hits: on AllSides the grouped counts of a common word take ~100 ms.
  // 0: never count.
  int max_facet_ms = 300;
  // Ranking bound per kind (SearchQuery::max_ranked): past it, bm25 ranks
  // the newest max_ranked matches. 0: rank every match.
  size_t max_ranked = 2000;
  size_t max_search_hits = 100;  // per kind
  size_t max_speakers = 200;
  size_t max_claim_groups = 100;
  size_t max_query_bytes = 512;  // the search box
  size_t max_connections = 8;    // open corpus connections at most
};

struct Connection {
  std::unique_ptr<CorpusStore> store;
  std::unique_ptr<PageReader> reader;
};

class ConnectionPool {
 public:
  explicit ConnectionPool(const ApiOptions& options) : options_(options) {}

  // A borrowed connection, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> c)
        : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (conn_) pool_->Release(std::move(conn_));
    }
    Connection* get() { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Opens a connection now (to fail fast at start-up) and keeps it.
  Status Warm();
  // Waits while max_connections are out; opens a new one when none is idle.
  Result<Lease> Acquire();
  // An idle connection, or a new one while fewer than max_connections are
  // out; nullopt at once otherwise (a request that already holds one must
  // never wait for a second: that could deadlock the workers).
  std::optional<Lease> TryAcquire();

 private:
  Result<std::unique_ptr<Connection>> OpenOne();
  // With `lock` held on mu_ and a connection free (idle, or fewer than
  // max_connections open): takes the idle one or opens a new one.
  Result<Lease> TakeOrOpen(std::unique_lock<std::mutex>& lock);
  void Release(std::unique_ptr<Connection> c);

  ApiOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;
};

// Persistent threads that run part of a search beside the request's own
// thread (threads that live as long as the server: no thread start per
// request, and their CPU time stays visible to /proc-based benchmarks).
// Any thread may call TryRun().
class SideWorkers {
 public:
  explicit SideWorkers(size_t threads);
  ~SideWorkers();  // finishes the running tasks, then joins
  SideWorkers(const SideWorkers&) = delete;
  SideWorkers& operator=(const SideWorkers&) = delete;

  // Starts `task` on an idle worker and returns a future that is ready
  // when it has run; nullopt at once (task not run) when none is idle.
  std::optional<std::future<void>> TryRun(std::function<void()> task);

 private:
  void Loop();
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::packaged_task<void()>> queue_;
  size_t idle_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// What a request may borrow beyond its own connection to search two kinds
// at once: a second connection and a thread. Either may be null.
struct SearchHelpers {
  ConnectionPool* pool = nullptr;
  SideWorkers* workers = nullptr;
};

using Params = std::map<std::string, std::string, std::less<>>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// `path` starts with "/api/". `helpers`, when free, let a search run its
// kinds on two cores.
ApiResponse HandleApi(std::string_view path, const Params& params,
                      const ApiOptions& options, Connection* conn,
                      SearchHelpers helpers = {});

// A JSON error body {"error": message}.
std::string ErrorJson(std::string_view message);

// Turns what a person typed into a safe FTS5 query: every word quoted
// literally, the last one a prefix unless the text ends in a space or the
// word is shorter than 3 bytes. Empty when there is no word.
std::string WordsToFts(std::string_view typed);

}  // namespace whosaid::web

#endif  // WHOSAID_WEB_API_H_
