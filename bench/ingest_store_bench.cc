// Microbenchmarks of the corpus store's own cost, without extraction:
// ComputeFeatures (worker side) and CorpusStore::Add (writer side) on
// in-memory SQLite, with documents built here that carry quotes (a third of
// them repeated across documents, so clusters grow), speakers and claims, as
// the attribution and claims stages will fill them.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {
namespace {

const char* kWords[] = {
    "harbor", "council", "bridge", "river",    "market",  "budget",
    "school", "ferry",   "winter", "engineer", "mayor",   "vote",
    "repair", "station", "train",  "orchard",  "frost",   "crowd",
    "report", "tower",   "museum", "garden",   "library", "festival",
    "road",   "village", "coast",  "storm",    "harvest", "factory",
    "worker", "union",   "strike", "court",    "judge",   "hospital",
    "nurse",  "doctor",  "clinic", "teacher",  "student", "park",
    "will",   "not",     "we",     "the",      "a",       "of"};

std::string Words(std::mt19937* rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s.push_back(' ');
    s += kWords[(*rng)() % (sizeof(kWords) / sizeof(kWords[0]))];
  }
  return s;
}

// A ~4 KB document with 8 quotes and 4 claims.
Document MakeDoc(int i, std::mt19937* rng,
                 const std::vector<std::string>& shared_quotes) {
  Document d;
  d.id = "doc" + std::to_string(i);
  d.site = "Outlet " + std::to_string(i % 50);
  d.published = "2024-01-01";
  d.title = Words(rng, 8);
  std::string text;
  for (int q = 0; q < 8; ++q) {
    text += Words(rng, 40) + ". \"";
    std::string content = (q % 3 == 0)
                              ? shared_quotes[(*rng)() % shared_quotes.size()]
                              : Words(rng, 18);
    uint32_t begin = static_cast<uint32_t>(text.size());
    text += content;
    uint32_t end = static_cast<uint32_t>(text.size());
    text += ",\" said ";
    uint32_t sb = static_cast<uint32_t>(text.size());
    std::string speaker = "Speaker " + std::to_string((*rng)() % 2000);
    text += speaker;
    Attribution a;
    a.content = {begin, end};
    a.speaker = {sb, static_cast<uint32_t>(text.size())};
    a.speaker_name = speaker;
    a.kind = QuoteKind::kDirect;
    d.quotes.push_back(a);
    text += ". ";
    if (q % 2 == 0) {
      uint32_t cb = static_cast<uint32_t>(text.size());
      int value = static_cast<int>((*rng)() % 100);
      text += std::to_string(value) + " workers";
      Claim c;
      c.span = {cb, static_cast<uint32_t>(text.size())};
      c.counted = {static_cast<uint32_t>(text.size() - 7),
                   static_cast<uint32_t>(text.size())};
      c.value = value;
      c.source_name = speaker;
      d.claims.push_back(c);
      text += " were counted. ";
    }
  }
  d.text = std::move(text);
  return d;
}

std::vector<IngestRecord> MakeBatch(int start, int n, std::mt19937* rng,
                                    const std::vector<std::string>& shared) {
  std::vector<IngestRecord> batch(n);
  for (int i = 0; i < n; ++i) {
    batch[i].doc = MakeDoc(start + i, rng, shared);
    batch[i].features =
        ComputeFeatures(batch[i].doc, batch[i].doc.text, CorpusOptions());
  }
  return batch;
}

void BM_ComputeFeatures(benchmark::State& state) {
  std::mt19937 rng(1);
  std::vector<std::string> shared;
  for (int i = 0; i < 500; ++i) shared.push_back(Words(&rng, 20));
  Document d = MakeDoc(0, &rng, shared);
  for (auto _ : state) {
    DocumentFeatures f = ComputeFeatures(d, d.text, CorpusOptions());
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(state.iterations() * d.text.size());
}
BENCHMARK(BM_ComputeFeatures);

// Writes batches of 500 documents (4,000 quotes, 2,000 claims) into one
// growing in-memory store; reports documents per second.
void BM_StoreAdd(benchmark::State& state) {
  StoreOptions o;
  o.path = ":memory:";
  auto store = OpenSqliteStore(o);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  std::mt19937 rng(2);
  std::vector<std::string> shared;
  for (int i = 0; i < 500; ++i) shared.push_back(Words(&rng, 20));
  int next = 0;
  size_t docs = 0, quotes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<IngestRecord> batch = MakeBatch(next, 500, &rng, shared);
    next += 500;
    state.ResumeTiming();
    auto c = store.value()->Add(batch);
    if (!c.ok()) {
      state.SkipWithError(c.status().ToString().c_str());
      return;
    }
    docs += c.value().added;
    quotes += c.value().quotes;
  }
  state.SetItemsProcessed(docs);
  auto stats = store.value()->Stats();
  if (stats.ok()) {
    state.counters["clusters"] = static_cast<double>(stats.value().clusters);
    state.counters["quotes"] = static_cast<double>(quotes);
  }
}
BENCHMARK(BM_StoreAdd)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
}  // namespace whosaid
