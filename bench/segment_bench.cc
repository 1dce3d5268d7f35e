// Microbenchmarks of the hot paths that do not need models: tokenizer +
// sentence splitter, JSON writing, UTF-8 validation, each beside a raw byte
// scan of the same text (the baseline, in the same run).
#include <benchmark/benchmark.h>

#include <string>

#include "src/base/utf8.h"
#include "src/output/json_writer.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

// News-like text written for this benchmark (no third-party text).
std::string MakeText(size_t bytes) {
  static const char* kSentences[] = {
      "The council voted 7-2 on Tuesday to approve a $4.5 million budget "
      "for the new library, officials said. ",
      "“We have waited for this for a decade,” said Maria Lopez, who chairs "
      "the parks committee. ",
      "According to the county, some 12,000 residents use the old branch "
      "each month, up 8 percent from 2019. ",
      "Mr. Chen, a retired engineer, disagreed: he said the U.S. average "
      "was far lower.\n\n",
  };
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) text += kSentences[i % 4];
  return text;
}

void BM_RawScan(benchmark::State& state) {
  std::string text = MakeText(1 << 20);
  for (auto _ : state) {
    size_t words = 0;
    bool in_word = false;
    for (char c : text) {
      bool space = c == ' ' || c == '\n';
      words += !space && !in_word;
      in_word = !space;
    }
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_RawScan);

void BM_Utf8Validate(benchmark::State& state) {
  std::string text = MakeText(1 << 20);
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Utf8Validate);

void BM_Segment(benchmark::State& state) {
  Document doc;
  doc.text = MakeText(1 << 20);
  for (auto _ : state) {
    Segment(SegmentOptions(), &doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
  state.counters["tokens"] = static_cast<double>(doc.tokens.size());
}
BENCHMARK(BM_Segment);

void BM_WriteJson(benchmark::State& state) {
  Document doc;
  doc.text = MakeText(1 << 20);
  Segment(SegmentOptions(), &doc);
  std::string out;
  for (auto _ : state) {
    out.clear();
    WriteDocumentJson(doc, JsonOptions(), &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
}
BENCHMARK(BM_WriteJson);

}  // namespace
}  // namespace whosaid
