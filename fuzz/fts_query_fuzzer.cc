// libFuzzer target: search query handling. A small in-memory SQLite corpus
// (three documents written here) is searched with the input as an FTS5
// query (documents, quotes, claims), as words typed in the web search box
// (WordsToFts), and translated for PostgreSQL (Fts5ToTsquery). A bad FTS5
// query may fail with InvalidArgument; nothing may crash or hang, and a
// WordsToFts query must never be a syntax error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/store/postgres_query.h"
#include "web/api.h"
#include "whosaid/corpus.h"
#include "whosaid/extractor.h"

namespace {

constexpr const char* kTexts[] = {
    "The harbour board met on Tuesday. \"We will open the new pier in "
    "spring,\" said chair Ana Ruiz. About 40 boats use the harbour each day, "
    "and fees rose 12 percent last year, according to the port office.",
    "Teachers in the valley district said 300 pupils lacked books. \"Nobody "
    "told us the money was gone,\" said union head Tom Baker on Friday.",
    "The weather service warned of storms. Rain of up to 80 millimetres "
    "could fall overnight, forecaster Mia Chen said.",
};

whosaid::CorpusStore* Store() {
  static std::unique_ptr<whosaid::CorpusStore> store = [] {
    whosaid::StoreOptions so;
    so.path = ":memory:";
    auto opened = whosaid::OpenSqliteStore(so);
    if (!opened.ok()) __builtin_trap();
    auto extractor = whosaid::Extractor::Create(whosaid::Options());
    if (!extractor.ok()) __builtin_trap();
    std::vector<whosaid::IngestRecord> batch;
    int i = 0;
    for (const char* text : kTexts) {
      whosaid::RawDocument raw;
      raw.id = "doc" + std::to_string(i++);
      raw.body = text;
      raw.site = i % 2 ? "harbour.example" : "valley.example";
      whosaid::IngestRecord r;
      r.doc = extractor.value()->Extract(raw);
      r.features =
          whosaid::ComputeFeatures(r.doc, raw.body, whosaid::CorpusOptions());
      batch.push_back(std::move(r));
    }
    if (!opened.value()->Add(batch).ok()) __builtin_trap();
    return std::move(opened).value();
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 4096) return 0;
  std::string_view q(reinterpret_cast<const char*>(data) + 1, size - 1);
  whosaid::CorpusStore* store = Store();
  whosaid::SearchQuery query;
  query.max_ms = 2000;
  query.limit = 5;
  static constexpr whosaid::SearchQuery::Target kTargets[] = {
      whosaid::SearchQuery::Target::kDocuments,
      whosaid::SearchQuery::Target::kQuotes,
      whosaid::SearchQuery::Target::kClaims,
      whosaid::SearchQuery::Target::kAuto};
  query.target = kTargets[data[0] & 3];
  // --speaker filters quotes and claims only (documents: InvalidArgument).
  if ((data[0] & 4) &&
      query.target != whosaid::SearchQuery::Target::kDocuments) {
    query.speaker = std::string(q.substr(0, 8));
  }
  if (data[0] & 8) query.outlet = std::string(q.substr(0, 4));
  if (data[0] & 16) query.since = std::string(q.substr(0, 10));
  query.match = std::string(q);
  (void)store->Search(query);  // any Status is fine, a crash is not
  query.match = whosaid::web::WordsToFts(q);
  if (!query.match.empty()) {
    auto hits = store->Search(query);
    if (!hits.ok() &&
        hits.status().code() == whosaid::Status::Code::kInvalidArgument) {
      fprintf(stderr, "WordsToFts(%s) -> %s: %s\n", std::string(q).c_str(),
              query.match.c_str(), hits.status().message().c_str());
      __builtin_trap();  // the web box made a query SQLite rejects
    }
  }
  (void)whosaid::Fts5ToTsquery(q);
  return 0;
}
