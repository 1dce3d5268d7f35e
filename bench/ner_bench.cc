// Microbenchmarks of the NER tagger (models/ner.bin): the fast Decode(), the
// feature-by-feature DecodeReference(), and a raw scan of the same tokens
// (the baseline, in the same run). Counter "ns_per_token" is CPU ns per
// token. Text: news-like sentences written for this benchmark with a
// pseudo-random vocabulary of names and numbers (so the word-type cache sees
// misses too), or the first documents of the JSONL file named by
// NER_BENCH_JSONL (e.g. a slice of ../shared/data/corpus) when set (the
// first NER_BENCH_DOCS of them, default 500).
// Run from the repo root or from build/ (the model is found in either).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/input/reader.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

const ner::NerModel* Model() {
  static const ner::NerModel* model = [] {
    for (const char* path : {"models/ner.bin", "../models/ner.bin"}) {
      auto m = ner::NerModel::LoadFile(path);
      if (m.ok()) return new ner::NerModel(std::move(m).value());
    }
    return static_cast<ner::NerModel*>(nullptr);
  }();
  return model;
}

std::string SyntheticText(size_t bytes) {
  static const char* kFirst[] = {"Maria", "Kaito", "Olaf",  "Amara", "Tomas",
                                 "Lena",  "Ravi",  "Sofia", "Jonah", "Ines"};
  static const char* kLast[] = {"Lopez", "Mori",   "Berg",  "Okafor", "Novak",
                                "Chen",  "Sharma", "Rossi", "Hale",   "Duarte"};
  static const char* kPlace[] = {"Vienna", "Lagos", "Osaka", "Lima",
                                 "Oslo",   "Porto", "Quito", "Perth"};
  uint64_t x = 0x2545F4914F6CDD1DULL;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::string text;
  while (text.size() < bytes) {
    std::string who =
        std::string(kFirst[next() % 10]) + " " + kLast[next() % 10];
    std::string where = kPlace[next() % 8];
    std::string num = std::to_string(next() % 100000);
    switch (next() % 4) {
      case 0:
        text += "The council in " + where + " voted on Tuesday to approve a $" +
                num + " budget for the new library, officials said. ";
        break;
      case 1:
        text += "\u201cWe have waited for this for a decade,\u201d said " +
                who + ", who chairs the parks committee of " + where + ". ";
        break;
      case 2:
        text += "According to the Ministry of Finance, some " + num +
                " residents of " + where + " use the branch each month. ";
        break;
      default:
        text += "Mr. " + std::string(kLast[next() % 10]) +
                ", a retired engineer, told Reuters the U.S. average was " +
                num + " dollars lower.\n\n";
    }
  }
  return text;
}

const std::vector<Document>& Docs() {
  static const std::vector<Document>* docs = [] {
    auto* out = new std::vector<Document>();
    if (const char* path = std::getenv("NER_BENCH_JSONL")) {
      DocumentReader reader({path}, InputFormat::kJsonl, size_t{1} << 26);
      // NER_BENCH_DOCS (default 500): more documents bring more word types
      // than the per-thread type cache holds (2^15), so its evictions and
      // cache misses are timed too.
      size_t limit = 500;
      if (const char* n = std::getenv("NER_BENCH_DOCS")) {
        limit = std::strtoul(n, nullptr, 10);
      }
      RawDocument raw;
      while (out->size() < limit && reader.Next(&raw)) {
        Document doc;
        doc.text = raw.body;
        Segment(SegmentOptions(), &doc);
        out->push_back(std::move(doc));
      }
    }
    if (out->empty()) {
      for (int i = 0; i < 50; ++i) {
        Document doc;
        doc.text = SyntheticText(8000 + 100 * i);
        Segment(SegmentOptions(), &doc);
        out->push_back(std::move(doc));
      }
    }
    return out;
  }();
  return *docs;
}

size_t CountTokens() {
  size_t n = 0;
  for (const Document& d : Docs()) n += d.tokens.size();
  return n;
}

void SetCounters(benchmark::State& state) {
  state.counters["ns_per_token"] = benchmark::Counter(
      static_cast<double>(CountTokens()) * state.iterations(),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Baseline: touch every byte of every token once.
void BM_NerRawScan(benchmark::State& state) {
  for (auto _ : state) {
    uint64_t h = 0;
    for (const Document& d : Docs()) {
      for (const Token& t : d.tokens) {
        for (char c : d.Text(t.span)) h = h * 31 + static_cast<uint8_t>(c);
      }
    }
    benchmark::DoNotOptimize(h);
  }
  SetCounters(state);
}
BENCHMARK(BM_NerRawScan)->Unit(benchmark::kMillisecond);

void BM_NerDecode(benchmark::State& state) {
  if (Model() == nullptr) {
    state.SkipWithError("models/ner.bin not found");
    return;
  }
  std::vector<int> labels;
  for (auto _ : state) {
    for (const Document& d : Docs()) {
      Model()->Decode(d, &labels);
      benchmark::DoNotOptimize(labels.data());
    }
  }
  SetCounters(state);
}
BENCHMARK(BM_NerDecode)->Unit(benchmark::kMillisecond);

void BM_NerDecodeReference(benchmark::State& state) {
  if (Model() == nullptr) {
    state.SkipWithError("models/ner.bin not found");
    return;
  }
  std::vector<int> labels;
  for (auto _ : state) {
    for (const Document& d : Docs()) {
      Model()->DecodeReference(d, &labels);
      benchmark::DoNotOptimize(labels.data());
    }
  }
  SetCounters(state);
}
BENCHMARK(BM_NerDecodeReference)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace whosaid
