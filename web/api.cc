#include "web/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "web/json.h"

namespace whosaid::web {
namespace {

constexpr char kHlOpen[] = "\x01";
constexpr char kHlClose[] = "\x02";

ApiResponse Error(int status, std::string_view message) {
  return {status, ErrorJson(message)};
}

ApiResponse FromStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return Error(400, s.message());
    case Status::Code::kNotFound:
      return Error(404, s.message());
    case Status::Code::kLimitExceeded:
      return Error(503, "the query took too long; try a narrower one");
    default:
      // The detail may name the file: log it, never send it.
      fprintf(stderr, "whosaid serve: %s\n", s.ToString().c_str());
      return Error(500, "the corpus could not be read");
  }
}

std::string_view Param(const Params& p, std::string_view key) {
  auto it = p.find(key);
  return it == p.end() ? std::string_view() : std::string_view(it->second);
}

// Parses a non-negative integer parameter; `def` when absent.
Result<int64_t> IntParam(const Params& p, std::string_view key, int64_t def) {
  std::string_view v = Param(p, key);
  if (v.empty()) return def;
  int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < 0) {
    return Status::InvalidArgument(
        fmt::format("parameter '{}' must be a non-negative integer", key));
  }
  return out;
}

bool IsDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

void WriteSource(const PageSource& s, JsonOut* j) {
  j->FieldInt("doc_row", s.doc_row)
      .Field("doc_id", s.doc_id)
      .Field("title", s.title)
      .Field("url", s.url)
      .Field("published", s.published)
      .Field("outlet", s.outlet);
}

void OptionalSpan(JsonOut* j, std::string_view key, int64_t b, int64_t e) {
  j->Key(key);
  if (b < 0 || e < 0) {
    j->Null();
  } else {
    j->BeginArray().Int(b).Int(e).EndArray();
  }
}

void WriteQuote(const PageQuote& q, JsonOut* j) {
  j->FieldInt("id", q.id)
      .Field("content", q.content)
      .Field("cue", q.cue)
      .Field("mention", q.mention)
      .Field("speaker", q.speaker)
      .FieldInt("speaker_id", q.speaker_id)
      .Field("kind", q.kind)
      .FieldInt("cluster", q.cluster)
      .FieldDouble("score", q.score);
  OptionalSpan(j, "content_span", q.content_begin, q.content_end);
  OptionalSpan(j, "cue_span", q.cue_begin, q.cue_end);
  OptionalSpan(j, "speaker_span", q.speaker_begin, q.speaker_end);
}

// The spans of a quote in the document's original input (article page).
void WriteOriginalQuoteSpans(const PageQuote& q, JsonOut* j) {
  OptionalSpan(j, "orig_content_span", q.orig_content_begin,
               q.orig_content_end);
  OptionalSpan(j, "orig_cue_span", q.orig_cue_begin, q.orig_cue_end);
  OptionalSpan(j, "orig_speaker_span", q.orig_speaker_begin,
               q.orig_speaker_end);
}

void WriteClaim(const PageClaim& c, JsonOut* j) {
  j->FieldInt("id", c.id)
      .Field("text", c.text)
      .FieldDouble("value", c.value)
      .FieldDouble("low", c.low)
      .FieldDouble("high", c.high)
      .FieldBool("is_range", c.is_range)
      .Field("unit", c.unit)
      .Field("counted", c.counted)
      .Field("source", c.source)
      .Field("approx", c.approx)
      .Field("change", c.change)
      .Field("group", c.group_key)
      .FieldInt("quote_id", c.quote_id);
  OptionalSpan(j, "span", c.begin, c.end);
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

ApiResponse Stats(Connection* conn) {
  auto s = conn->store->Stats();
  if (!s.ok()) return FromStatus(s.status());
  const CorpusStats& c = s.value();
  JsonOut j;
  j.BeginObject()
      .FieldInt("documents", c.documents)
      .FieldInt("duplicates", c.duplicates)
      .FieldInt("outlets", c.outlets)
      .FieldInt("quotes", c.quotes)
      .FieldInt("clusters", c.clusters)
      .FieldInt("multi_outlet_clusters", c.multi_outlet_clusters)
      .FieldInt("speakers", c.speakers)
      .FieldInt("linked_speakers", c.linked_speakers)
      .FieldInt("linked_quotes", c.linked_quotes)
      .FieldInt("claims", c.claims)
      .FieldInt("conflicting_claim_groups", c.conflicting_claim_groups)
      .EndObject();
  return {200, j.Take()};
}

ApiResponse Speakers(const Params& p, const ApiOptions& options,
                     Connection* conn) {
  auto limit = IntParam(p, "limit", 50);
  if (!limit.ok()) return FromStatus(limit.status());
  auto s = conn->store->TopSpeakers(
      std::clamp<size_t>(limit.value(), 1, options.max_speakers));
  if (!s.ok()) return FromStatus(s.status());
  JsonOut j;
  j.BeginObject().Key("speakers").BeginArray();
  for (const SpeakerSummary& sp : s.value()) {
    j.BeginObject()
        .FieldInt("id", sp.id)
        .Field("name", sp.name)
        .FieldInt("quotes", sp.quotes)
        .FieldInt("documents", sp.documents)
        .FieldInt("outlets", sp.outlets)
        .Key("roles")
        .BeginArray();
    for (const auto& r : sp.roles) j.String(r);
    j.EndArray().EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse Speaker(const Params& p, Connection* conn) {
  auto id = IntParam(p, "id", 0);
  if (!id.ok()) return FromStatus(id.status());
  std::string_view name = Param(p, "name");
  if (id.value() == 0 && name.empty()) {
    return Error(400, "give a speaker id or name");
  }
  auto s = conn->reader->Speaker(id.value(), name);
  if (!s.ok()) return FromStatus(s.status());
  const SpeakerPage& sp = s.value();
  JsonOut j;
  j.BeginObject()
      .FieldInt("id", sp.id)
      .Field("name", sp.name)
      .FieldInt("total_quotes", sp.total_quotes)
      .FieldInt("documents", sp.documents)
      .Key("roles")
      .BeginArray();
  for (const auto& r : sp.roles) j.String(r);
  j.EndArray().Key("timeline").BeginArray();
  for (const Count& c : sp.timeline) {
    j.BeginObject().Field("month", c.key).FieldInt("n", c.n).EndObject();
  }
  j.EndArray().Key("outlets").BeginArray();
  for (const Count& c : sp.outlets) {
    j.BeginObject().Field("outlet", c.key).FieldInt("n", c.n).EndObject();
  }
  j.EndArray().Key("quotes").BeginArray();
  for (const SourcedQuote& q : sp.quotes) {
    j.BeginObject();
    WriteQuote(q.quote, &j);
    WriteSource(q.source, &j);
    j.FieldInt("cluster_outlets", q.cluster_outlets).EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse DocumentById(std::string_view rest, const Params& p,
                         Connection* conn) {
  int64_t row = 0;
  if (!rest.empty()) {
    auto [ptr, ec] =
        std::from_chars(rest.data(), rest.data() + rest.size(), row);
    if (ec != std::errc() || ptr != rest.data() + rest.size() || row <= 0) {
      return Error(404, "no such document");
    }
  } else {
    std::string_view ext = Param(p, "id");
    if (ext.empty()) return Error(400, "give a document row or ?id=");
    auto r = conn->reader->DocumentRow(ext);
    if (!r.ok()) return FromStatus(r.status());
    row = r.value();
  }
  auto d = conn->reader->Document(row);
  if (!d.ok()) return FromStatus(d.status());
  const DocumentPage& doc = d.value();
  JsonOut j;
  j.BeginObject();
  WriteSource(doc.source, &j);
  j.Field("author", doc.author).Field("text", doc.text).Key("original");
  if (doc.has_original) {
    j.String(doc.original);
  } else {
    j.Null();
  }
  j.FieldInt("duplicate_of", doc.duplicate_of)
      .Field("duplicate_kind", doc.duplicate_kind)
      .Key("quotes")
      .BeginArray();
  for (const PageQuote& q : doc.quotes) {
    j.BeginObject();
    WriteQuote(q, &j);
    if (doc.has_original) WriteOriginalQuoteSpans(q, &j);
    j.EndObject();
  }
  j.EndArray().Key("claims").BeginArray();
  for (const PageClaim& c : doc.claims) {
    j.BeginObject();
    WriteClaim(c, &j);
    if (doc.has_original)
      OptionalSpan(&j, "orig_span", c.orig_begin, c.orig_end);
    j.EndObject();
  }
  j.EndArray().Key("entities").BeginArray();
  for (const PageEntity& e : doc.entities) {
    j.BeginObject()
        .Field("label", e.label)
        .Field("name", e.name)
        .FieldInt("mentions", e.mentions)
        .EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse Cluster(std::string_view rest, Connection* conn) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  if (rest.empty() || ec != std::errc() || ptr != rest.data() + rest.size() ||
      id <= 0) {
    return Error(404, "no such quote cluster");
  }
  auto c = conn->reader->Cluster(id);
  if (!c.ok()) return FromStatus(c.status());
  JsonOut j;
  j.BeginObject()
      .FieldInt("id", c.value().id)
      .Field("representative", c.value().representative)
      .FieldInt("outlets", c.value().outlets)
      .Key("members")
      .BeginArray();
  for (const SourcedQuote& q : c.value().members) {
    j.BeginObject();
    WriteQuote(q.quote, &j);
    WriteSource(q.source, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

void WriteClaimRecordGroup(const ClaimGroupPage& g, JsonOut* j) {
  j->BeginObject()
      .Field("key", g.key)
      .Field("counted", g.counted)
      .Field("unit", g.unit)
      .Field("from", g.from)
      .Field("to", g.to)
      .Key("context")
      .BeginArray();
  for (const std::string& e : g.context) j->String(e);
  j->EndArray().Key("claims").BeginArray();
  for (const SourcedClaim& c : g.claims) {
    j->BeginObject();
    WriteClaim(c.claim, j);
    WriteSource(c.source, j);
    j->EndObject();
  }
  j->EndArray().EndObject();
}

ApiResponse Claims(const Params& p, const ApiOptions& options,
                   Connection* conn) {
  std::string_view key = Param(p, "key");
  JsonOut j;
  if (!key.empty()) {
    auto g = conn->reader->ClaimGroup(key);
    if (!g.ok()) return FromStatus(g.status());
    j.BeginObject().Key("groups").BeginArray();
    WriteClaimRecordGroup(g.value(), &j);
    j.EndArray().EndObject();
    return {200, j.Take()};
  }
  auto limit = IntParam(p, "limit", 20);
  if (!limit.ok()) return FromStatus(limit.status());
  auto groups = conn->store->CompareClaims(
      std::clamp<size_t>(limit.value(), 1, options.max_claim_groups));
  if (!groups.ok()) return FromStatus(groups.status());
  j.BeginObject().Key("groups").BeginArray();
  for (const ClaimGroup& cg : groups.value()) {
    // The page needs rows and offsets: read the group through the reader.
    auto g = conn->reader->ClaimGroup(cg.key);
    if (!g.ok()) return FromStatus(g.status());
    g.value().context = cg.context;  // every shared entity, not one
    WriteClaimRecordGroup(g.value(), &j);
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

}  // namespace

std::string ErrorJson(std::string_view message) {
  JsonOut j;
  j.BeginObject().Field("error", message).EndObject();
  return j.Take();
}

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

Status ConnectionPool::Warm() {
  auto c = OpenOne();
  if (!c.ok()) return c.status();
  std::lock_guard<std::mutex> lock(mu_);
  ++open_;
  idle_.push_back(std::move(c.value()));
  return Status::OK();
}

Result<std::unique_ptr<Connection>> ConnectionPool::OpenOne() {
  auto conn = std::make_unique<Connection>();
  StoreOptions so;
  so.path = options_.db;
  so.read_only = true;
  auto store = OpenCorpusStore(so);
  if (!store.ok()) return store.status();
  conn->store = std::move(store.value());
  PageReaderOptions po;
  po.path = options_.db;
  po.max_query_ms = options_.max_query_ms;
  auto reader = PageReader::Open(po);
  if (!reader.ok()) return reader.status();
  conn->reader = std::move(reader.value());
  return conn;
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock,
           [&] { return !idle_.empty() || open_ < options_.max_connections; });
  return TakeOrOpen(lock);
}

std::optional<ConnectionPool::Lease> ConnectionPool::TryAcquire() {
  std::unique_lock<std::mutex> lock(mu_);
  if (idle_.empty() && open_ >= options_.max_connections) return std::nullopt;
  auto lease = TakeOrOpen(lock);
  if (!lease.ok()) return std::nullopt;
  return std::move(lease.value());
}

Result<ConnectionPool::Lease> ConnectionPool::TakeOrOpen(
    std::unique_lock<std::mutex>& lock) {
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_;
  lock.unlock();  // opening reads the schema: do not hold up other requests
  auto c = OpenOne();
  if (!c.ok()) {
    lock.lock();
    --open_;
    cv_.notify_one();
    return c.status();
  }
  return Lease(this, std::move(c.value()));
}

SideWorkers::SideWorkers(size_t threads) {
  for (size_t i = 0; i < threads; ++i)
    threads_.emplace_back([this] { Loop(); });
}

SideWorkers::~SideWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::optional<std::future<void>> SideWorkers::TryRun(
    std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mu_);
  // Each queued task needs a worker of its own: never queue behind one.
  if (idle_ <= queue_.size() || stop_) return std::nullopt;
  std::packaged_task<void()> t(std::move(task));
  std::future<void> done = t.get_future();
  queue_.push_back(std::move(t));
  cv_.notify_one();
  return done;
}

void SideWorkers::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping, nothing left
    std::packaged_task<void()> t = std::move(queue_.back());
    queue_.pop_back();
    lock.unlock();
    t();
    lock.lock();
  }
}

void ConnectionPool::Release(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(c));
  cv_.notify_one();
}

ApiResponse HandleApi(std::string_view path, const Params& params,
                      const ApiOptions& options, Connection* conn,
                      SearchHelpers helpers) {
  constexpr std::string_view kApi = "/api/";
  if (path.substr(0, kApi.size()) != kApi) return Error(404, "not found");
  std::string_view rest = path.substr(kApi.size());
  auto starts = [&](std::string_view prefix) {
    return rest.substr(0, prefix.size()) == prefix;
  };
  if (rest == "search") return Search(params, options, conn, helpers);
  if (rest == "facets") return Facets(params, options, conn);
  if (rest == "stats") return Stats(conn);
  if (rest == "speakers") return Speakers(params, options, conn);
  if (rest == "speaker") return Speaker(params, conn);
  if (rest == "claims") return Claims(params, options, conn);
  if (rest == "document") return DocumentById({}, params, conn);
  if (starts("document/")) return DocumentById(rest.substr(9), params, conn);
  if (starts("cluster/")) return Cluster(rest.substr(8), conn);
  return Error(404, "no such API endpoint");
}

}  // namespace whosaid::web
