// Microbenchmark of the claims stage (ExtractClaims on a segmented
// Document) beside a raw byte scan of the same text (the baseline, in the
// same run). Reports bytes/s and, as a counter, ns per token.
#include <benchmark/benchmark.h>

#include <string>

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

}  // namespace
}  // namespace whosaid
