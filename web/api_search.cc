// The search endpoints of the JSON API (doc/web_api.md): /api/search (the
// hits of each kind and the facets of the hits shown) and /api/facets
// (facets over every match), which parse their parameters the same way
// (ParseSearch), and WordsToFts (api.h). See api_internal.h for who owns
// what and which threads may call these.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>
#include <unordered_map>
#include <utility>

#include "web/api.h"
#include "web/api_internal.h"
#include "web/json.h"

namespace whosaid::web {
namespace api_internal {
namespace {

constexpr char kHlOpen[] = "\x01";
constexpr char kHlClose[] = "\x02";

bool IsDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

// A snippet with \x01..\x02 highlight markers as [{"text","hl"}...].
void WriteSnippet(std::string_view s, JsonOut* j) {
  j->BeginArray();
  bool hl = false;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool end = i == s.size();
    if (end || s[i] == kHlOpen[0] || s[i] == kHlClose[0]) {
      if (i > start) {
        j->BeginObject()
            .Field("text", s.substr(start, i - start))
            .FieldBool("hl", hl)
            .EndObject();
      }
      if (!end) hl = s[i] == kHlOpen[0];
      start = i + 1;
    }
  }
  j->EndArray();
}

class Facet {
 public:
  void Add(const std::string& key, int64_t n) {
    if (key.empty()) return;
    auto [it, added] = index_.emplace(key, counts_.size());
    if (added) counts_.push_back({key, 0});
    counts_[it->second].second += n;
  }
  void Write(JsonOut* j, size_t limit = 12) {
    std::stable_sort(
        counts_.begin(), counts_.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; });
    j->BeginArray();
    for (size_t i = 0; i < counts_.size() && i < limit; ++i) {
      j->BeginObject()
          .Field("key", counts_[i].first)
          .FieldInt("n", counts_[i].second)
          .EndObject();
    }
    j->EndArray();
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::pair<std::string, int64_t>> counts_;
};

// The four facet lists of a search answer (both /api/search and
// /api/facets), most frequent first; 36 months, 12 of the others.
void WriteFacetLists(Facet& speakers, Facet& outlets, Facet& kinds,
                     Facet& months, JsonOut* j) {
  j->Key("speaker");
  speakers.Write(j);
  j->Key("outlet");
  outlets.Write(j);
  j->Key("kind");
  kinds.Write(j);
  j->Key("month");
  months.Write(j, 36);
}

// A search request as parsed from its parameters: the store query and
// the kinds it runs over, in answer order. Shared by /api/search and
// /api/facets so that the two count the same matches.
struct SearchRequest {
  std::string_view typed;
  SearchQuery query;
  std::vector<std::pair<std::string_view, SearchQuery::Target>> targets;
};

Result<SearchRequest> ParseSearch(const Params& p, const ApiOptions& options) {
  SearchRequest r;
  r.typed = Param(p, "q");
  if (r.typed.size() > options.max_query_bytes) {
    return Status::InvalidArgument(fmt::format(
        "the query is longer than {} bytes", options.max_query_bytes));
  }
  std::string_view syntax = Param(p, "syntax");
  if (!syntax.empty() && syntax != "fts" && syntax != "words") {
    return Status::InvalidArgument("syntax must be 'fts' or 'words'");
  }
  auto limit = IntParam(p, "limit", 20);
  if (!limit.ok()) return limit.status();
  SearchQuery& q = r.query;
  q.match = syntax == "words" ? WordsToFts(r.typed) : std::string(r.typed);
  q.limit = std::clamp<size_t>(limit.value(), 1, options.max_search_hits);
  q.max_ranked = options.max_ranked;
  q.speaker = Param(p, "speaker");
  q.outlet = Param(p, "outlet");
  q.since = Param(p, "since");
  q.until = Param(p, "until");
  q.kind = Param(p, "kind");
  q.highlight_open = kHlOpen;
  q.highlight_close = kHlClose;
  if ((!q.since.empty() && !IsDate(q.since)) ||
      (!q.until.empty() && !IsDate(q.until))) {
    return Status::InvalidArgument("since and until are dates: YYYY-MM-DD");
  }
  std::string_view in = Param(p, "in");
  if (in.empty()) in = "all";
  bool quote_only_filter = !q.speaker.empty() || !q.kind.empty();
  if (in == "all" || in == "quotes") {
    r.targets.emplace_back("quotes", SearchQuery::Target::kQuotes);
  }
  if ((in == "all" && q.kind.empty()) || in == "claims") {
    r.targets.emplace_back("claims", SearchQuery::Target::kClaims);
  }
  if ((in == "all" && !quote_only_filter) || in == "documents") {
    r.targets.emplace_back("documents", SearchQuery::Target::kDocuments);
  }
  if (r.targets.empty()) {
    return Status::InvalidArgument(
        "in must be all, quotes, claims or documents");
  }
  return r;
}

// Milliseconds left of `budget_ms` since `start`.
int RemainingMs(std::chrono::steady_clock::time_point start, int budget_ms) {
  return budget_ms -
         static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - start)
                              .count());
}

}  // namespace

// The hits and the facets of the hits shown. Counting every match is
// /api/facets' job: it costs up to a row visit per match, so the search
// box does not wait for it.
ApiResponse Search(const Params& p, const ApiOptions& options, Connection* conn,
                   SearchHelpers helpers) {
  const auto start = std::chrono::steady_clock::now();
  auto parsed = ParseSearch(p, options);
  if (!parsed.ok()) return FromStatus(parsed.status());
  SearchRequest& r = parsed.value();
  const SearchQuery& q = r.query;
  // One time limit for the whole request, shared by its searches.
  auto run = [&](size_t i, Connection* c) -> Result<std::vector<SearchHit>> {
    SearchQuery one = q;
    one.target = r.targets[i].second;
    one.max_ms = RemainingMs(start, options.max_query_ms);
    if (one.max_ms <= 0) return Status::LimitExceeded("search time limit");
    return c->store->Search(one);
  };
  std::vector<Result<std::vector<SearchHit>>> found(r.targets.size(),
                                                    std::vector<SearchHit>());
  if (!q.match.empty()) {
    // The last kind (articles, when searched: the longest texts) on a
    // second connection and side thread when both are free.
    const size_t last = r.targets.size() - 1;
    std::optional<ConnectionPool::Lease> second =
        helpers.pool != nullptr && helpers.workers != nullptr && last > 0
            ? helpers.pool->TryAcquire()
            : std::nullopt;
    std::optional<std::future<void>> side;
    if (second.has_value()) {
      side = helpers.workers->TryRun(
          [&] { found[last] = run(last, second->get()); });
    }
    for (size_t i = 0; i < r.targets.size(); ++i) {
      if (i == last && side.has_value()) break;
      found[i] = run(i, conn);
    }
    if (side.has_value()) side->wait();
  }
  JsonOut j;
  j.BeginObject().Field("query", r.typed).Field("fts", q.match);
  Facet speakers, outlets, kinds, months;
  std::vector<std::pair<std::string_view, size_t>> ranked_among;
  j.Key("results").BeginObject();
  for (size_t i = 0; i < r.targets.size(); ++i) {
    const std::string_view name = r.targets[i].first;
    if (!found[i].ok()) return FromStatus(found[i].status());
    const std::vector<SearchHit>& hits = found[i].value();
    j.Key(name).BeginArray();
    if (!hits.empty() && hits[0].ranked_among > 0) {
      ranked_among.emplace_back(name, hits[0].ranked_among);
    }
    for (const SearchHit& h : hits) {
      j.BeginObject()
          .Field("target", h.target)
          .FieldInt("doc_row", h.doc_row)
          .Field("doc_id", h.doc_id)
          .Field("title", h.title)
          .Field("url", h.url)
          .Field("published", h.published)
          .Field("outlet", h.outlet)
          .Field("speaker", h.speaker)
          .Field("kind", h.kind)
          .FieldInt("cluster", h.cluster)
          .FieldDouble("score", h.score)
          .Key("snippet");
      WriteSnippet(h.snippet, &j);
      j.EndObject();
      speakers.Add(h.speaker, 1);
      outlets.Add(h.outlet, 1);
      kinds.Add(h.kind, 1);
      months.Add(h.published.substr(0, std::min<size_t>(7, h.published.size())),
                 1);
    }
    j.EndArray();
  }
  j.EndObject();
  // Kinds whose matches were too many to rank all: how many were ranked.
  j.Key("ranked_among").BeginObject();
  for (const auto& [name, n] : ranked_among) j.FieldInt(name, n);
  j.EndObject();
  j.Key("facets").BeginObject().Field("scope", "page");
  WriteFacetLists(speakers, outlets, kinds, months, &j);
  j.EndObject().EndObject();
  return {200, j.Take()};
}

// Facets over every match of a search (same parameters as /api/search),
// within max_facet_ms; past it the answer says "scope": "none" and the
// page keeps the facets of the hits it shows.
ApiResponse Facets(const Params& p, const ApiOptions& options,
                   Connection* conn) {
  const auto start = std::chrono::steady_clock::now();
  auto parsed = ParseSearch(p, options);
  if (!parsed.ok()) return FromStatus(parsed.status());
  SearchRequest& r = parsed.value();
  SearchQuery& q = r.query;
  Facet speakers, outlets, kinds, months;
  size_t total = 0;
  bool counted = !q.match.empty() && options.max_facet_ms > 0;
  for (const auto& [name, target] : r.targets) {
    if (!counted) break;
    q.target = target;
    q.max_ms = std::min(RemainingMs(start, options.max_facet_ms),
                        RemainingMs(start, options.max_query_ms));
    if (q.max_ms <= 0) {
      counted = false;
      break;
    }
    auto f = conn->store->Facets(q, 36);
    if (!f.ok()) {
      if (f.status().code() != Status::Code::kLimitExceeded) {
        return FromStatus(f.status());
      }
      counted = false;
      break;
    }
    total += f.value().total;
    for (const FacetCount& c : f.value().speaker) speakers.Add(c.key, c.n);
    for (const FacetCount& c : f.value().outlet) outlets.Add(c.key, c.n);
    for (const FacetCount& c : f.value().kind) kinds.Add(c.key, c.n);
    for (const FacetCount& c : f.value().month) months.Add(c.key, c.n);
  }
  JsonOut j;
  j.BeginObject().Field("query", r.typed).Field("fts", q.match);
  j.Key("facets").BeginObject();
  if (!counted) {
    j.Field("scope", "none")
        .Field("reason", q.match.empty()
                             ? "empty query"
                             : fmt::format("counting every match takes "
                                           "longer than {} ms",
                                           options.max_facet_ms));
    j.EndObject().EndObject();
    return {200, j.Take()};
  }
  j.Field("scope", "corpus").FieldInt("total", total);
  WriteFacetLists(speakers, outlets, kinds, months, &j);
  j.EndObject().EndObject();
  return {200, j.Take()};
}

}  // namespace api_internal

std::string WordsToFts(std::string_view typed) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (char c : typed) {
    // Control bytes separate words: SQLite reads the FTS5 query as a C
    // string, so a NUL inside a quoted word would cut its closing quote.
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') {
      flush();
    } else if (c != '"') {  // quotes would end the FTS string
      cur.push_back(c);
    }
  }
  flush();
  // A prefix of one or two letters matches most of the index (slow and
  // useless): those stay whole words until a third letter is typed.
  bool prefix = !typed.empty() && typed.back() != ' ' && !words.empty() &&
                words.back().size() >= 3;
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out.push_back(' ');
    out += '"' + words[i] + '"';
    if (prefix && i + 1 == words.size()) out.push_back('*');
  }
  return out;
}

}  // namespace whosaid::web
