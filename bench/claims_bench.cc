// Microbenchmark of the claims stage (ExtractClaims on a segmented
// Document) beside a raw byte scan of the same text (the baseline, in the
// same run). Reports bytes/s and, as a counter, ns per token.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "src/claims/claims.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

// News-like text written for this benchmark (no third-party text).
std::string MakeClaimsText(size_t bytes) {
  static const char* kSentences[] = {
      "The city spent $4.5 million on 12 new buses, up 8 percent from the "
      "year before, according to the transit office. ",
      "About 1,200 residents, nearly half of them retired, signed the "
      "petition on March 3, 2019 at 10:30 a.m. ",
      "Officials said the storm left between 300 and 400 homes without "
      "power for two days and cost three in 10 farmers their harvest. ",
      "The mayor, who took office in 2016, said the 45-year-old bridge "
      "carries 40,000 cars a day over 2.5 km of river.\n\n",
  };
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) text += kSentences[i % 4];
  return text;
}

void BM_ClaimsRawScan(benchmark::State& state) {
  std::string text = MakeClaimsText(1 << 20);
  for (auto _ : state) {
    size_t digits = 0;
    for (char c : text) digits += c >= '0' && c <= '9';
    benchmark::DoNotOptimize(digits);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_ClaimsRawScan);

void BM_ExtractClaims(benchmark::State& state) {
  Document doc;
  doc.text = MakeClaimsText(1 << 20);
  Segment(SegmentOptions(), &doc);
  for (auto _ : state) {
    ExtractClaims(&doc);
    benchmark::DoNotOptimize(doc.claims.data());
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
  state.counters["ns_per_token"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * doc.tokens.size(),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["claims"] = static_cast<double>(doc.claims.size());
}
BENCHMARK(BM_ExtractClaims);

// The same on real text: the file named by WHOSAID_CLAIMS_BENCH_TEXT holds
// documents (e.g. news articles dumped from ../shared/data/corpus)
// separated by form feeds; skipped when unset. Each document is segmented
// once; before it is scanned its tokens are touched outside the timer, as
// the pipeline has them in cache right after segmentation.
void BM_ExtractClaimsFile(benchmark::State& state) {
  const char* path = std::getenv("WHOSAID_CLAIMS_BENCH_TEXT");
  std::ifstream in(path ? path : "");
  if (!path || !in) {
    state.SkipWithError("set WHOSAID_CLAIMS_BENCH_TEXT to a text file");
    return;
  }
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  std::vector<Document> docs;
  size_t bytes = 0, tokens = 0, claims = 0;
  for (size_t b = 0; b < all.size();) {
    size_t e = all.find('\f', b);
    if (e == std::string::npos) e = all.size();
    Document doc;
    doc.text = all.substr(b, e - b);
    Segment(SegmentOptions(), &doc);
    bytes += doc.text.size();
    tokens += doc.tokens.size();
    docs.push_back(std::move(doc));
    b = e + 1;
  }
  for (auto _ : state) {
    claims = 0;
    for (Document& doc : docs) {
      state.PauseTiming();
      size_t touch = 0;
      for (const Token& t : doc.tokens) touch += t.span.end;
      for (char c : doc.text) touch += static_cast<unsigned char>(c);
      benchmark::DoNotOptimize(touch);
      state.ResumeTiming();
      ExtractClaims(&doc);
      claims += doc.claims.size();
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["ns_per_token"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * tokens,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_ExtractClaimsFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace whosaid
