// Microbenchmarks of the rule stages around the learned models: entity
// titles and groups (AttachTitlesAndGroups, on the tagger's raw name
// mentions), speaker resolution (ResolveSpeakers, on attributed quotes) and
// the word-list lookups both use (src/entities/lexicon.h). Counter
// "ns_per_token" is CPU ns per token. Documents: the first
// RULES_BENCH_DOCS (default 300) of the JSONL file named by
// RULES_BENCH_JSONL (e.g. a slice of ../shared/data/corpus), run through
// the whole extractor once at start-up; skipped when it is not set.
// Run from the repo root or from build/ (the models are found in either).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/input/reader.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

struct RulesInput {
  std::vector<Document> docs;              // fully extracted
  std::vector<std::vector<Entity>> names;  // the tagger's raw mentions
  size_t tokens = 0;
};

const RulesInput* Input() {
  static const RulesInput* input = []() -> RulesInput* {
    const char* path = std::getenv("RULES_BENCH_JSONL");
    if (path == nullptr) return nullptr;
    std::string models;
    for (const char* dir : {"models", "../models"}) {
      if (std::filesystem::exists(std::string(dir) + "/ner.bin")) models = dir;
    }
    if (models.empty()) return nullptr;
    Options options;
    options.model_dir = models;
    auto extractor = Extractor::Create(options);
    auto tagger = EntityTagger::Load(models);
    if (!extractor.ok() || !tagger.ok()) return nullptr;
    size_t limit = 300;
    if (const char* n = std::getenv("RULES_BENCH_DOCS")) {
      limit = std::strtoul(n, nullptr, 10);
    }
    auto* out = new RulesInput();
    DocumentReader reader({path}, InputFormat::kJsonl, size_t{1} << 26);
    RawDocument raw;
    while (out->docs.size() < limit && reader.Next(&raw)) {
      Document doc = extractor.value()->Extract(raw);
      if (!doc.error.ok()) continue;
      std::vector<Entity> names;
      tagger.value()->TagNames(doc, &names);
      out->tokens += doc.tokens.size();
      out->docs.push_back(std::move(doc));
      out->names.push_back(std::move(names));
    }
    return out;
  }();
  return input;
}

void SetCounters(benchmark::State& state, size_t tokens) {
  state.counters["ns_per_token"] = benchmark::Counter(
      static_cast<double>(tokens) * state.iterations(),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_AttachTitlesAndGroups(benchmark::State& state) {
  const RulesInput* in = Input();
  if (in == nullptr) {
    state.SkipWithError("RULES_BENCH_JSONL not set or models not found");
    return;
  }
  std::vector<Document> docs = in->docs;
  for (auto _ : state) {
    for (size_t d = 0; d < docs.size(); ++d) {
      docs[d].entities = in->names[d];  // a copy: the rules edit the list
      AttachTitlesAndGroups(&docs[d]);
    }
    benchmark::DoNotOptimize(docs.data());
  }
  SetCounters(state, in->tokens);
}
BENCHMARK(BM_AttachTitlesAndGroups)->Unit(benchmark::kMillisecond);

void BM_ResolveSpeakers(benchmark::State& state) {
  const RulesInput* in = Input();
  if (in == nullptr) {
    state.SkipWithError("RULES_BENCH_JSONL not set or models not found");
    return;
  }
  std::vector<Document> docs = in->docs;
  for (auto _ : state) {
    for (Document& doc : docs) {
      for (Attribution& q : doc.quotes) {
        q.speaker_name.clear();
        q.speaker_group = -1;
      }
      ResolveSpeakers(&doc);
    }
    benchmark::DoNotOptimize(docs.data());
  }
  SetCounters(state, in->tokens);
}
BENCHMARK(BM_ResolveSpeakers)->Unit(benchmark::kMillisecond);

// Every word token, lower-cased, looked up in every list (the pattern of
// IsTitleWord, the most frequent call of the rules).
void BM_LexiconLookup(benchmark::State& state) {
  const RulesInput* in = Input();
  if (in == nullptr) {
    state.SkipWithError("RULES_BENCH_JSONL not set or models not found");
    return;
  }
  std::vector<std::string> words;
  for (const Document& doc : in->docs) {
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      words.push_back(mention::LowerToken(doc, i));
    }
  }
  for (auto _ : state) {
    size_t hits = 0;
    for (const std::string& w : words) {
      hits += mention::IsTitleWord(w) + lex::IsOrgWord(w) +
              (lex::PronounOf(w) != lex::PronounKind::kNone);
    }
    benchmark::DoNotOptimize(hits);
  }
  SetCounters(state, words.size());
}
BENCHMARK(BM_LexiconLookup)->Unit(benchmark::kMillisecond);

// The token lookups of the rules: the token range of every tagged name
// (TokenRange, a binary search by byte), and every token tested against
// "the" (TokenIs / EqualsLower, mostly a mismatch at the first byte).
void BM_TokenLookups(benchmark::State& state) {
  const RulesInput* in = Input();
  if (in == nullptr) {
    state.SkipWithError("RULES_BENCH_JSONL not set or models not found");
    return;
  }
  for (auto _ : state) {
    size_t sum = 0;
    for (size_t d = 0; d < in->docs.size(); ++d) {
      const Document& doc = in->docs[d];
      for (const Entity& e : in->names[d]) {
        uint32_t f, l;
        mention::TokenRange(doc, e.span, &f, &l);
        sum += l - f;
      }
      for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
        sum += mention::TokenIs(doc, i, "the");
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  SetCounters(state, in->tokens);
}
BENCHMARK(BM_TokenLookups)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace whosaid
