// Microbenchmark of the Attributor (cue tagging, content and source
// decoding) on news-like text written for this benchmark, beside a raw byte
// scan of the same text in the same run. Reports ns per token (the counter
// prints it with an "s" suffix: read "358s" as 358 ns/token).
// Needs models/attribution.bin (run from the repo root or build/); skips
// with a message when the model is absent.
//
// BM_AttributeNews times the same on real news: the first
// $WHOSAID_ATTR_BENCH_DOCS (default 500) documents of the JSONL file
// $WHOSAID_ATTR_BENCH_JSONL (default out/bench/allsides-3000.jsonl, which
// bench/extract_throughput.py --docs 3000 writes), run once through the
// Extractor (untimed) and then through the Attributor alone (timed). Skips
// when the file is absent. BM_AttributeNewsEvicted times the same with the
// caches overwritten (untimed) before every document, as in the whole
// record; BM_DecodeContentSourceEvicted times the content and source
// decoders alone on the same documents' cues (and counts the source
// boundary scores they compute: src_tok/cue).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "src/attribution/attribution.h"
#include "src/attribution/model.h"
#include "src/input/reader.h"
#include "src/segment/segment.h"
#include "whosaid/document.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

// News-like text (no third-party text): quotes, reports and plain
// narrative in roughly the proportion of wire copy.
std::string MakeText(size_t bytes, size_t first = 0) {
  static const char* kParagraphs[] = {
      "The council voted 7-2 on Tuesday to approve a $4.5 million budget "
      "for the new library. The building will open next spring on the site "
      "of the old bus depot, which closed in 2015.\n\n",
      "“We have waited for this for a decade,” said Maria Lopez, who chairs "
      "the parks committee. “The children of this town deserve better.”\n\n",
      "According to the county, some 12,000 residents use the old branch "
      "each month, up 8 percent from 2019. Parking remains limited and the "
      "roof leaks in winter.\n\n",
      "Mr. Chen, a retired engineer, disagreed. He said the cost estimates "
      "were far too low and warned that the project could run two years "
      "late.\n\n",
      "The mayor told reporters on Wednesday that the city would seek state "
      "grants to cover part of the bill. Construction crews are expected to "
      "begin work in March, weather permitting, and the contractor has "
      "hired forty local workers for the first phase.\n\n",
      "Residents packed the hall for the three-hour meeting. Several "
      "brought signs, and a few left before the final vote was taken late "
      "in the evening.\n\n",
  };
  std::string text;
  for (size_t i = first; text.size() < bytes; ++i) text += kParagraphs[i % 6];
  return text;
}

// A batch of article-sized documents (~4 KB each, as news).
std::vector<Document> MakeDocs(size_t total_bytes, size_t* tokens) {
  std::vector<Document> docs;
  size_t bytes = 0;
  *tokens = 0;
  for (size_t k = 0; bytes < total_bytes; ++k) {
    Document d;
    d.text = MakeText(4096, k);
    Segment(SegmentOptions(), &d);
    bytes += d.text.size();
    *tokens += d.tokens.size();
    docs.push_back(std::move(d));
  }
  return docs;
}

std::unique_ptr<Attributor> LoadModel() {
  for (const char* dir : {"models", "../models"}) {
    auto r = Attributor::Load(dir);
    if (r.ok()) return std::move(r).value();
  }
  return nullptr;
}

void BM_AttributionRawScan(benchmark::State& state) {
  Document doc;
  doc.text = MakeText(1 << 18);
  Segment(SegmentOptions(), &doc);
  for (auto _ : state) {
    size_t words = 0;
    bool in_word = false;
    for (char c : doc.text) {
      bool space = c == ' ' || c == '\n';
      words += !space && !in_word;
      in_word = !space;
    }
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
  state.counters["ns/token"] =
      benchmark::Counter(static_cast<double>(doc.tokens.size()) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}
BENCHMARK(BM_AttributionRawScan);

void BM_Attribute(benchmark::State& state) {
  std::unique_ptr<Attributor> a = LoadModel();
  if (a == nullptr) {
    state.SkipWithError("models/attribution.bin not found");
    return;
  }
  size_t tokens = 0;
  std::vector<Document> docs = MakeDocs(1 << 18, &tokens);
  for (auto _ : state) {
    for (Document& d : docs) {
      a->Attribute(&d);
      benchmark::DoNotOptimize(d.quotes.data());
    }
  }
  size_t bytes = 0, quotes = 0;
  for (const Document& d : docs) {
    bytes += d.text.size();
    quotes += d.quotes.size();
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["quotes"] = static_cast<double>(quotes);
  state.counters["ns/token"] =
      benchmark::Counter(static_cast<double>(tokens) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}
BENCHMARK(BM_Attribute);

// Real news documents, segmented by the Extractor (empty when the file or
// the models are absent).
std::vector<Document> LoadNews(size_t* tokens) {
  std::vector<Document> docs;
  *tokens = 0;
  const char* env_path = std::getenv("WHOSAID_ATTR_BENCH_JSONL");
  const char* env_docs = std::getenv("WHOSAID_ATTR_BENCH_DOCS");
  size_t max_docs =
      env_docs != nullptr ? std::strtoul(env_docs, nullptr, 10) : 500;
  std::vector<std::string> paths;
  if (env_path != nullptr) {
    paths.push_back(env_path);
  } else {
    paths = {"out/bench/allsides-3000.jsonl",
             "../out/bench/allsides-3000.jsonl"};
  }
  for (const std::string& path : paths) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      continue;
    }
    for (const char* dir : {"models", "../models"}) {
      Options opt;
      opt.model_dir = dir;
      auto ex = Extractor::Create(opt);
      if (!ex.ok()) continue;
      DocumentReader reader({path}, InputFormat::kJsonl,
                            opt.max_document_bytes);
      RawDocument raw;
      while (docs.size() < max_docs && reader.Next(&raw)) {
        Document d = ex.value()->Extract(raw);
        *tokens += d.tokens.size();
        docs.push_back(std::move(d));
      }
      return docs;
    }
  }
  return docs;
}

void BM_AttributeNews(benchmark::State& state) {
  std::unique_ptr<Attributor> a = LoadModel();
  size_t tokens = 0;
  std::vector<Document> docs;
  if (a != nullptr) docs = LoadNews(&tokens);
  if (docs.empty()) {
    state.SkipWithError(
        "news JSONL or models not found (set WHOSAID_ATTR_BENCH_JSONL)");
    return;
  }
  for (auto _ : state) {
    for (Document& d : docs) {
      a->Attribute(&d);
      benchmark::DoNotOptimize(d.quotes.data());
    }
  }
  size_t bytes = 0, quotes = 0;
  for (const Document& d : docs) {
    bytes += d.text.size();
    quotes += d.quotes.size();
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["quotes"] = static_cast<double>(quotes);
  state.counters["ns/token"] =
      benchmark::Counter(static_cast<double>(tokens) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}
BENCHMARK(BM_AttributeNews)->Unit(benchmark::kMillisecond);

// BM_AttributeNews with the caches overwritten before every document
// (untimed: 8 MB written, about what the NER decoder's type cache and
// weights touch between two attributions in `whosaid extract`). Run
// alone, the Attributor keeps its weight tables (about 2.3 MB) in the
// caches across documents; in the whole record they are mostly evicted,
// so this variant times the misses the decoders' prefetching is for.
void BM_AttributeNewsEvicted(benchmark::State& state) {
  std::unique_ptr<Attributor> a = LoadModel();
  size_t tokens = 0;
  std::vector<Document> docs;
  if (a != nullptr) docs = LoadNews(&tokens);
  if (docs.empty()) {
    state.SkipWithError(
        "news JSONL or models not found (set WHOSAID_ATTR_BENCH_JSONL)");
    return;
  }
  std::vector<uint64_t> evict(size_t{1} << 20);  // 8 MB
  uint64_t round = 0;
  for (auto _ : state) {
    for (Document& d : docs) {
      state.PauseTiming();
      ++round;
      for (uint64_t& x : evict) x += round;
      benchmark::DoNotOptimize(evict.data());
      state.ResumeTiming();
      a->Attribute(&d);
      benchmark::DoNotOptimize(d.quotes.data());
    }
  }
  size_t bytes = 0;
  for (const Document& d : docs) bytes += d.text.size();
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["ns/token"] =
      benchmark::Counter(static_cast<double>(tokens) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}
BENCHMARK(BM_AttributeNewsEvicted)->Unit(benchmark::kMillisecond);

// The content and source decoders alone (DecodeContentFast, PrepareSource,
// DecodeSourceFast for each content of the n-best) on every cue the
// Attributor's tagger finds in the news documents of BM_AttributeNews, with
// the caches overwritten (untimed) before every document as in
// BM_AttributeNewsEvicted: the table misses their prefetching overlaps.
void BM_DecodeContentSourceEvicted(benchmark::State& state) {
  attribution::AttributionModel m;
  size_t tokens = 0;
  std::vector<Document> docs;
  for (const char* dir : {"models", "../models"}) {
    if (m.Load(std::string(dir) + "/attribution.bin").ok()) {
      docs = LoadNews(&tokens);
      break;
    }
  }
  if (docs.empty()) {
    state.SkipWithError(
        "news JSONL or models not found (set WHOSAID_ATTR_BENCH_JSONL)");
    return;
  }
  const attribution::DecodeLimits lim;
  std::vector<std::vector<attribution::TSpan>> cues(docs.size());
  size_t ncues = 0;
  {
    attribution::DocView v;
    std::vector<float> margins;
    for (size_t k = 0; k < docs.size(); ++k) {
      v.Build(docs[k]);
      for (uint32_t s = 0; s < docs[k].sentences.size(); ++s) {
        m.TagCues(v, s, 0, &cues[k], &margins, lim.cue_rescue);
      }
      ncues += cues[k].size();
    }
  }
  std::vector<uint64_t> evict(size_t{1} << 20);  // 8 MB
  uint64_t round = 0;
  attribution::DocView v;
  std::vector<attribution::Scored> nb;
  size_t src_scores = 0;
  for (auto _ : state) {
    for (size_t k = 0; k < docs.size(); ++k) {
      state.PauseTiming();
      ++round;
      for (uint64_t& x : evict) x += round;
      benchmark::DoNotOptimize(evict.data());
      v.Build(docs[k]);  // fresh score caches, as for a new document
      state.ResumeTiming();
      for (const attribution::TSpan& cue : cues[k]) {
        attribution::TSpan c = m.DecodeContentFast(v, cue, lim, &nb);
        benchmark::DoNotOptimize(c);
        m.PrepareSource(v, cue, lim);
        for (const attribution::Scored& s : nb) {
          float score = 0;
          attribution::TSpan src =
              m.DecodeSourceFast(v, cue, s.span, lim, &score);
          benchmark::DoNotOptimize(src);
        }
      }
      state.PauseTiming();
      if (round <= docs.size()) {  // first pass: count, untimed
        for (const std::vector<float>* c : {&v.cache_ss, &v.cache_se}) {
          for (float x : *c) src_scores += !std::isnan(x);
        }
      }
      state.ResumeTiming();
    }
  }
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["cues"] = static_cast<double>(ncues);
  // Source boundary ("Tok") scores computed per cue: each is 4-5 hashed
  // table reads.
  state.counters["src_tok/cue"] =
      static_cast<double>(src_scores) / static_cast<double>(ncues);
  state.counters["ns/cue"] =
      benchmark::Counter(static_cast<double>(ncues) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}
BENCHMARK(BM_DecodeContentSourceEvicted)->Unit(benchmark::kMillisecond);

// DocView::Build alone (token hashes, classes, time words, prefix counts)
// on the news documents: the per-document setup of every decoder.
void BM_DocViewBuild(benchmark::State& state) {
  size_t tokens = 0;
  std::vector<Document> docs = LoadNews(&tokens);
  if (docs.empty()) {
    state.SkipWithError("news JSONL not found (set WHOSAID_ATTR_BENCH_JSONL)");
    return;
  }
  attribution::DocView v;
  for (auto _ : state) {
    for (const Document& d : docs) {
      v.Build(d);
      benchmark::DoNotOptimize(v.timec.data());
    }
  }
  state.counters["ns_per_token"] = benchmark::Counter(
      static_cast<double>(tokens) * state.iterations(),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DocViewBuild)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace whosaid
