// train_ner: trains the NER model (models/ner.bin) from CoNLL-2003 train.
//
// Reads CoNLL files, rebuilds each document's text the way score_ner.py does
// (tokens joined by spaces, sentences by "\n"), segments it with the
// engine's own Segment() and projects the gold entities onto our tokens as
// BILOU labels. The gazetteer is built from train entity spans (2-fold
// jack-knifed while training, so the model does not learn to trust it
// blindly). Averaged perceptron, deterministic shuffling. Single-threaded.
//
//   train_ner --train eng.train [--dev eng.testa] --out models/ner.bin
//             [--epochs 12] [--bits 20]
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/segment/segment.h"
#include "src/segment/tokenizer.h"

namespace whosaid::ner {
namespace {

struct GoldSpan {
  uint32_t begin, end;  // bytes
  int type;
};

struct TrainDoc {
  Document doc;
  std::vector<GoldSpan> gold;
  std::vector<int> labels;       // BILOU per our token
  std::vector<TokenSpan> spans;  // gold spans on our tokens (aligned only)
  std::vector<TokenInfo> info;   // features' token info (jack-knifed gaz)
  std::vector<int> labels1;      // out-of-fold stage-1 labels
  int fold = 0;
};

int TypeId(std::string_view t) {
  if (t == "PER") return 0;
  if (t == "ORG") return 1;
  if (t == "LOC") return 2;
  if (t == "MISC") return 3;
  return -1;
}

// conlleval chunking on one sentence's tags.
void Chunks(const std::vector<std::string>& tags,
            std::vector<std::tuple<int, int, std::string>>* out) {
  auto split = [](const std::string& tag, char* p, std::string* typ) {
    if (tag == "O" || tag.empty()) {
      *p = 'O';
      typ->clear();
      return;
    }
    if (tag.size() > 2 && (tag[1] == '-' || tag[1] == '_')) {
      char c = tag[0];
      if (c == 'L') c = 'E';
      if (c == 'U') c = 'S';
      *p = c;
      *typ = tag.substr(2);
      return;
    }
    *p = 'I';
    *typ = tag;
  };
  int start = -1;
  std::string ctype, prev_type;
  char prev = 'O';
  for (size_t i = 0; i <= tags.size(); ++i) {
    char tag;
    std::string typ;
    split(i < tags.size() ? tags[i] : "O", &tag, &typ);
    bool end_chunk = ((prev == 'B' || prev == 'I') &&
                      (tag == 'B' || tag == 'S' || tag == 'O')) ||
                     prev == 'E' || prev == 'S' ||
                     (prev != 'O' && prev_type != typ);
    if (start >= 0 && end_chunk) {
      out->emplace_back(start, static_cast<int>(i) - 1, ctype);
      start = -1;
    }
    bool start_chunk = tag == 'B' || tag == 'S' ||
                       ((prev == 'E' || prev == 'S' || prev == 'O') &&
                        (tag == 'E' || tag == 'I')) ||
                       (tag != 'O' && prev_type != typ);
    if (start_chunk) {
      start = static_cast<int>(i);
      ctype = typ;
    }
    prev = tag;
    prev_type = typ;
  }
}

// Reads a CoNLL file into documents. `strip_lang_prefix` drops WikiANN's
// "en:" token prefix.
// Entity types of other NER sets, for the external gazetteer: GUM's
// person/place/organization, WNUT-17's person/location/corporation/group
// (ORG) and product/creative-work (MISC), and CoNLL's own names (WikiANN).
int ExternalTypeId(std::string_view t) {
  if (t == "person") return 0;
  if (t == "organization" || t == "corporation" || t == "group") return 1;
  if (t == "place" || t == "location") return 2;
  if (t == "product" || t == "creative-work") return 3;
  return TypeId(t);
}

bool ReadConll(const std::string& path, std::vector<TrainDoc>* docs,
               bool strip_lang_prefix = false,
               int (*type_of)(std::string_view) = TypeId) {
  std::ifstream f(path);
  if (!f) return false;
  std::string line;
  std::vector<std::vector<std::pair<std::string, std::string>>> sents;
  std::vector<std::pair<std::string, std::string>> sent;
  auto flush_doc = [&]() {
    if (!sent.empty()) sents.push_back(std::move(sent));
    sent.clear();
    if (sents.empty()) return;
    TrainDoc td;
    std::string& text = td.doc.text;
    for (size_t si = 0; si < sents.size(); ++si) {
      if (si) text += '\n';
      std::vector<uint32_t> begins, ends;
      std::vector<std::string> tags;
      for (size_t ti = 0; ti < sents[si].size(); ++ti) {
        if (ti) text += ' ';
        begins.push_back(static_cast<uint32_t>(text.size()));
        text += sents[si][ti].first;
        ends.push_back(static_cast<uint32_t>(text.size()));
        tags.push_back(sents[si][ti].second);
      }
      std::vector<std::tuple<int, int, std::string>> chunks;
      Chunks(tags, &chunks);
      for (auto& [a, b, typ] : chunks) {
        int t = type_of(typ);
        if (t >= 0) td.gold.push_back({begins[a], ends[b], t});
      }
    }
    docs->push_back(std::move(td));
    sents.clear();
  };
  while (std::getline(f, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!sent.empty()) sents.push_back(std::move(sent));
      sent.clear();
      continue;
    }
    std::vector<std::string> parts;
    char sep = line.find('\t') != std::string::npos ? '\t' : ' ';
    size_t p = 0;
    while (p <= line.size()) {
      size_t q = line.find(sep, p);
      if (q == std::string::npos) q = line.size();
      if (q > p) parts.push_back(line.substr(p, q - p));
      p = q + 1;
    }
    if (parts.empty()) continue;
    if (parts[0] == "-DOCSTART-") {
      flush_doc();
      continue;
    }
    std::string tok = parts[0];
    if (strip_lang_prefix && tok.size() > 3 && tok.compare(0, 3, "en:") == 0) {
      tok = tok.substr(3);
    }
    sent.emplace_back(tok, parts.size() > 1 ? parts.back() : "O");
  }
  flush_doc();
  return true;
}

// Segments the text and projects gold spans onto our tokens.
void Prepare(TrainDoc* td, int* misaligned) {
  Segment(SegmentOptions(), &td->doc);
  const auto& toks = td->doc.tokens;
  td->labels.assign(toks.size(), 0);
  for (const GoldSpan& g : td->gold) {
    int first = -1, last = -1;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].span.begin == g.begin) first = static_cast<int>(i);
      if (toks[i].span.end == g.end) {
        last = static_cast<int>(i);
        break;
      }
    }
    if (first < 0 || last < first) {
      ++*misaligned;
      continue;
    }
    td->spans.push_back(
        {static_cast<uint32_t>(first), static_cast<uint32_t>(last), g.type});
    if (first == last) {
      td->labels[first] = LabelOf(g.type, 3);
    } else {
      td->labels[first] = LabelOf(g.type, 0);
      for (int i = first + 1; i < last; ++i) td->labels[i] = LabelOf(g.type, 1);
      td->labels[last] = LabelOf(g.type, 2);
    }
  }
}

void AddToGazetteer(const TrainDoc& td, Gazetteer* gaz) {
  uint64_t hashes[kMaxGazLength];
  for (const TokenSpan& s : td.spans) {
    int len = static_cast<int>(s.last - s.first + 1);
    if (len > kMaxGazLength) continue;
    for (int k = 0; k < len; ++k) {
      hashes[k] = HashWord(td.doc.TokenText(s.first + k), true);
    }
    gaz->InsertSequence(hashes, len, static_cast<uint8_t>(1 << s.type));
  }
}

// Tokenizes a name as the engine does and hashes its words into `hashes`
// (room for kMaxGazLength); returns the number of words, or 0 when it has
// none or too many for the gazetteer.
int NameHashes(std::string_view text, std::vector<Token>* toks,
               uint64_t* hashes) {
  toks->clear();
  Tokenize(text, toks);
  if (toks->empty() || toks->size() > kMaxGazLength) return 0;
  for (size_t k = 0; k < toks->size(); ++k) {
    const Token& t = (*toks)[k];
    hashes[k] = HashWord(text.substr(t.span.begin, t.span.size()), true);
  }
  return static_cast<int>(toks->size());
}

// Adds the entity spans of the CoNLL-format file `path` (ExternalTypeId
// types; "en:" token prefixes stripped) to `gaz`, as the engine tokenizes
// them. Only names: spans whose first and last characters are an upper-case
// letter or a digit ("Hillary Clinton", not "my mother"). Returns the spans
// added, or -1 when the file cannot be read.
int AddExternalGazetteer(const std::string& path, Gazetteer* gaz,
                         Gazetteer* words, std::vector<Gazetteer>* parts) {
  std::vector<TrainDoc> extra;
  if (!ReadConll(path, &extra, /*strip_lang_prefix=*/true, ExternalTypeId)) {
    return -1;
  }
  auto named = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  std::vector<Token> toks;
  uint64_t hashes[kMaxGazLength];
  int added = 0;
  for (const TrainDoc& td : extra) {
    for (const GoldSpan& g : td.gold) {
      std::string_view text =
          std::string_view(td.doc.text).substr(g.begin, g.end - g.begin);
      if (text.empty() || !named(text.front())) continue;
      size_t last_word = text.find_last_of(' ');
      std::string_view tail = last_word == std::string_view::npos
                                  ? text
                                  : text.substr(last_word + 1);
      if (tail.empty() || !named(tail.front())) continue;
      int len = NameHashes(text, &toks, hashes);
      if (len == 0) continue;
      uint8_t bit = static_cast<uint8_t>(1 << g.type);
      gaz->InsertSequence(hashes, len, bit);
      // Table p of `parts` holds every entry but those of part p (by hash).
      if (parts != nullptr && !parts->empty()) {
        size_t skip = (SequenceKey(hashes, len) >> 40) % parts->size();
        for (size_t p = 0; p < parts->size(); ++p) {
          if (p != skip) (*parts)[p].InsertSequence(hashes, len, bit);
        }
      }
      for (size_t k = 0; words != nullptr && k < toks.size(); ++k) {
        char c = text[toks[k].span.begin];
        if (c >= 'A' && c <= 'Z') {
          words->Insert(SequenceKey(&hashes[k], 1),
                        static_cast<uint8_t>(1 << g.type));
        }
      }
      ++added;
    }
  }
  return added;
}

struct Prf {
  int tp = 0, pred = 0, gold = 0;
  double F1() const {
    double p = pred ? 1.0 * tp / pred : 0, r = gold ? 1.0 * tp / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void Evaluate(const NerModel& model, const std::vector<TrainDoc>& docs,
              int misaligned) {
  Prf all, per[kNumTypes];
  std::vector<int> labels;
  std::vector<TokenSpan> pred;
  for (const TrainDoc& td : docs) {
    model.Decode(td.doc, &labels);
    LabelsToSpans(td.doc, labels, &pred);
    for (const TokenSpan& p : pred) {
      ++all.pred;
      ++per[p.type].pred;
      for (const TokenSpan& g : td.spans) {
        if (g.first == p.first && g.last == p.last && g.type == p.type) {
          ++all.tp;
          ++per[p.type].tp;
          break;
        }
      }
    }
    for (const GoldSpan& g : td.gold) {
      ++all.gold;
      ++per[g.type].gold;
    }
  }
  fmt::print(
      "  dev F1 {:.2f} (PER {:.2f} ORG {:.2f} LOC {:.2f} MISC {:.2f}); "
      "{} gold spans not on token edges\n",
      100 * all.F1(), 100 * per[0].F1(), 100 * per[1].F1(), 100 * per[2].F1(),
      100 * per[3].F1(), misaligned);
}

// Appends the word hashes of `text` (as ComputeTokenInfo computes them) to
// `stream`, then a 0 boundary.
void AppendWords(std::string_view text, std::vector<Token>* toks,
                 std::vector<uint64_t>* stream) {
  toks->clear();
  Tokenize(text, toks);
  for (const Token& t : *toks) {
    std::string_view w = text.substr(t.span.begin, t.span.size());
    if (t.kind == TokenKind::kQuote) w = t.double_quote ? "\"" : "'";
    stream->push_back(HashWord(w, false) | 1);
  }
  stream->push_back(0);
}

// Distributional word clusters: words of the unlabeled corpus (JSONL with a
// "content" field; "-" = stdin) plus the train text; each of the `vocab`
// most frequent words is represented by the PPMI of its left and right
// neighbours among the `contexts` most frequent words, randomly projected
// to `dims` dimensions, and clustered by spherical k-means at each size in
// `sizes`. Deterministic.
bool BuildClusters(const std::string& corpus,
                   const std::vector<TrainDoc>& train, size_t vocab,
                   size_t contexts, int dims, const std::vector<int>& sizes,
                   WordClusters* out) {
  std::vector<uint64_t> stream;
  std::vector<Token> toks;
  size_t docs = 0;
  {
    std::istream* in = &std::cin;
    std::ifstream file;
    if (corpus != "-") {
      file.open(corpus);
      if (!file) return false;
      in = &file;
    }
    simdjson::ondemand::parser parser;
    std::string line;
    while (std::getline(*in, line)) {
      simdjson::padded_string padded(line);
      simdjson::ondemand::document doc;
      if (parser.iterate(padded).get(doc)) continue;
      std::string_view content;
      if (doc["content"].get_string().get(content)) continue;
      AppendWords(content, &toks, &stream);
      ++docs;
    }
  }
  for (const TrainDoc& td : train) AppendWords(td.doc.text, &toks, &stream);
  fmt::print("clusters: {} corpus docs, {} tokens\n", docs, stream.size());
  std::unordered_map<uint64_t, uint32_t> freq;
  freq.reserve(4 << 20);
  for (uint64_t w : stream) {
    if (w) ++freq[w];
  }
  std::vector<std::pair<uint32_t, uint64_t>> ranked;
  for (const auto& [w, n] : freq) {
    if (n >= 3) ranked.emplace_back(n, w);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  size_t V = std::min(vocab, ranked.size());
  size_t C = std::min(contexts, ranked.size());
  std::unordered_map<uint64_t, uint32_t> vid, cid;
  for (size_t i = 0; i < V; ++i) vid[ranked[i].second] = i;
  for (size_t i = 0; i < C; ++i) cid[ranked[i].second] = i;
  // Co-occurrence counts, sparse per word: one block of C dimensions per
  // relative position -2, -1, +1, +2.
  constexpr int kOffsets[4] = {-2, -1, 1, 2};
  std::vector<std::unordered_map<uint32_t, uint32_t>> co(V);
  std::vector<double> col(4 * C, 0);
  double total = 0;
  for (size_t i = 0; i < stream.size(); ++i) {
    if (!stream[i]) continue;
    auto v = vid.find(stream[i]);
    if (v == vid.end()) continue;
    for (int o = 0; o < 4; ++o) {
      int64_t j = static_cast<int64_t>(i) + kOffsets[o];
      if (j < 0 || j >= static_cast<int64_t>(stream.size())) continue;
      // Do not look across a document boundary.
      bool crosses = false;
      for (int64_t k = std::min<int64_t>(i, j); k <= std::max<int64_t>(i, j);
           ++k) {
        crosses |= stream[k] == 0;
      }
      if (crosses) continue;
      auto c = cid.find(stream[j]);
      if (c == cid.end()) continue;
      uint32_t dim = static_cast<uint32_t>(o * C + c->second);
      ++co[v->second][dim];
      ++col[dim];
      ++total;
    }
  }
  // Random projection matrix (deterministic).
  std::vector<float> R(4 * C * dims);
  uint64_t rng = 12345;
  for (float& r : R) {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    r = ((rng >> 40) & 1) ? 1.0f : -1.0f;
  }
  std::vector<float> X(V * dims, 0);
  for (size_t v = 0; v < V; ++v) {
    double row = 0;
    for (const auto& [c, n] : co[v]) row += n;
    if (row == 0) continue;
    std::vector<std::pair<uint32_t, uint32_t>> cells(co[v].begin(),
                                                     co[v].end());
    std::sort(cells.begin(), cells.end());
    float* x = &X[v * dims];
    for (const auto& [c, n] : cells) {
      double pmi = std::log(n * total / (row * col[c]));
      if (pmi <= 0) continue;
      const float* r = &R[static_cast<size_t>(c) * dims];
      for (int d = 0; d < dims; ++d) x[d] += static_cast<float>(pmi) * r[d];
    }
    double norm = 0;
    for (int d = 0; d < dims; ++d) norm += x[d] * x[d];
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (int d = 0; d < dims; ++d) x[d] /= static_cast<float>(norm);
    }
  }
  co.clear();
  std::vector<std::vector<uint16_t>> assign(sizes.size(),
                                            std::vector<uint16_t>(V, 0));
  for (size_t level = 0; level < sizes.size(); ++level) {
    size_t K = std::min<size_t>(sizes[level], V);
    std::vector<float> cent(K * dims);
    for (size_t k = 0; k < K; ++k) {
      std::copy_n(&X[(k * V / K) * dims], dims, &cent[k * dims]);
    }
    std::vector<uint16_t>& a = assign[level];
    for (int iter = 0; iter < 10; ++iter) {
      for (size_t v = 0; v < V; ++v) {
        const float* x = &X[v * dims];
        float best = -2;
        size_t bk = 0;
        for (size_t k = 0; k < K; ++k) {
          const float* c = &cent[k * dims];
          float dot = 0;
          for (int d = 0; d < dims; ++d) dot += x[d] * c[d];
          if (dot > best) {
            best = dot;
            bk = k;
          }
        }
        a[v] = static_cast<uint16_t>(bk);
      }
      std::vector<float> sum(K * dims, 0);
      std::vector<size_t> count(K, 0);
      for (size_t v = 0; v < V; ++v) {
        ++count[a[v]];
        for (int d = 0; d < dims; ++d) sum[a[v] * dims + d] += X[v * dims + d];
      }
      for (size_t k = 0; k < K; ++k) {
        if (!count[k]) continue;
        double norm = 0;
        for (int d = 0; d < dims; ++d)
          norm += sum[k * dims + d] * sum[k * dims + d];
        norm = std::sqrt(norm);
        if (norm == 0) continue;
        for (int d = 0; d < dims; ++d) {
          cent[k * dims + d] = static_cast<float>(sum[k * dims + d] / norm);
        }
      }
    }
    fmt::print("clusters: k-means {} done\n", K);
    std::fflush(stdout);
  }
  uint16_t ids[kClusterLevels] = {0, 0, 0};
  for (size_t v = 0; v < V; ++v) {
    for (size_t level = 0; level < sizes.size() && level < kClusterLevels;
         ++level) {
      ids[level] = static_cast<uint16_t>(assign[level][v] + 1);
    }
    out->Insert(ranked[v].second, ids);
  }
  fmt::print("clusters: {} words\n", out->size());
  return true;
}

// Averaged-perceptron training of one stage's weights on the documents of
// the folds in `fold_mask` (bit k = fold k). Stage 1 (index 1) reads each
// document's `labels1`. Deterministic shuffling.
void TrainStage(NerModel* model, const std::vector<TrainDoc>& train, int stage,
                int fold_mask, int epochs, uint64_t seed,
                std::vector<float>* weights) {
  size_t rows = size_t{1} << model->bucket_bits();
  std::vector<float>& w = *weights;
  w.assign(rows * kNumLabels, 0);
  std::vector<float> acc(rows * kNumLabels, 0);
  double c = 1;
  std::vector<size_t> order;
  for (size_t i = 0; i < train.size(); ++i) {
    if (fold_mask & (1 << train[i].fold)) order.push_back(i);
  }
  uint64_t rng =
      0x9E3779B97F4A7C15ULL + stage * 7919 + fold_mask + seed * 1000003;
  uint32_t feats[kMaxFeatures];
  float scores[kNumLabels];
  History hist;
  History agg(14);
  std::vector<uint8_t> scored;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
      std::swap(order[i - 1], order[(rng >> 33) % i]);
    }
    size_t errors = 0, total = 0;
    for (size_t d : order) {
      const TrainDoc& td = train[d];
      hist.Clear();
      NerModel::Stage2 s2{&td.labels1, &agg};
      if (stage == 1) NerModel::Aggregate(td.info, td.labels1, &agg);
      model->ScoredMask(td.doc, td.info, &scored);
      for (const Sentence& s : td.doc.sentences) {
        int prev1 = -1, prev2 = -1;
        for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
          if (!scored[i]) {  // gated: O without scoring, as in decoding
            ++total;
            if (td.labels[i] != 0) ++errors;
            if (td.info[i].flags & kCap) hist.Add(td.info[i].lower, -1);
            prev2 = prev1;
            prev1 = 0;
            continue;
          }
          int n =
              model->Features(td.info, s.token_begin, s.token_end, i, prev1,
                              prev2, hist, stage == 1 ? &s2 : nullptr, feats);
          for (int l = 0; l < kNumLabels; ++l) scores[l] = 0;
          for (int f = 0; f < n; ++f) {
            const float* row = &w[static_cast<size_t>(feats[f]) * kNumLabels];
            for (int l = 0; l < kNumLabels; ++l) scores[l] += row[l];
          }
          int best = -1;
          for (int l = 0; l < kNumLabels; ++l) {
            if (!ValidTransition(prev1, l)) continue;
            if (i + 1 == s.token_end && (PosOf(l) == 0 || PosOf(l) == 1)) {
              continue;
            }
            if (best < 0 || scores[l] > scores[best]) best = l;
          }
          int gold = td.labels[i];
          ++total;
          if (best != gold) {
            ++errors;
            for (int f = 0; f < n; ++f) {
              size_t r = static_cast<size_t>(feats[f]) * kNumLabels;
              w[r + gold] += 1;
              acc[r + gold] += static_cast<float>(c);
              w[r + best] -= 1;
              acc[r + best] -= static_cast<float>(c);
            }
          }
          c += 1;
          if (best != 0 || (td.info[i].flags & kCap)) {
            hist.Add(td.info[i].lower, TypeOf(best), PosOf(best));
          }
          prev2 = prev1;
          prev1 = best;
        }
      }
    }
    fmt::print("stage {} folds {} epoch {}: train token error {:.3f}%\n",
               stage + 1, fold_mask, epoch,
               100.0 * errors / std::max<size_t>(total, 1));
    std::fflush(stdout);
  }
  for (size_t k = 0; k < w.size(); ++k) w[k] -= acc[k] / static_cast<float>(c);
}

// TrainStage() with `runs` document orders (seeds seed .. seed + runs - 1),
// the weights averaged: one linear model of the same size class, less
// dependent on the order than any single run.
void TrainStageAveraged(NerModel* model, const std::vector<TrainDoc>& train,
                        int stage, int fold_mask, int epochs, uint64_t seed,
                        int runs, std::vector<float>* weights) {
  TrainStage(model, train, stage, fold_mask, epochs, seed, weights);
  if (runs <= 1) return;
  std::vector<float> one;
  for (int r = 1; r < runs; ++r) {
    TrainStage(model, train, stage, fold_mask, epochs, seed + r, &one);
    for (size_t k = 0; k < weights->size(); ++k) (*weights)[k] += one[k];
  }
  for (float& x : *weights) x /= static_cast<float>(runs);
}

// Zeroes the rows (buckets) whose largest absolute weight is below
// `fraction` of the table's largest: they change few decisions, and a
// smaller table stays in cache. Prints how many rows are left.
void Prune(double fraction, std::vector<float>* weights) {
  std::vector<float>& w = *weights;
  float max_abs = 0;
  for (float x : w) max_abs = std::max(max_abs, std::abs(x));
  size_t rows = w.size() / kNumLabels, kept = 0, before = 0;
  const float cut = static_cast<float>(fraction) * max_abs;
  for (size_t r = 0; r < rows; ++r) {
    float* row = &w[r * kNumLabels];
    float m = 0;
    for (int l = 0; l < kNumLabels; ++l) m = std::max(m, std::abs(row[l]));
    if (m > 0) ++before;
    if (m > 0 && m < cut) std::fill(row, row + kNumLabels, 0.0f);
    if (m >= cut && m > 0) ++kept;
  }
  fmt::print("weights: {} non-zero rows, {} kept (prune {})\n", before, kept,
             fraction);
}

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path = "models/ner.bin";
  std::vector<std::string> gaz_paths, ext_gaz_paths;
  bool ext_words = false;  // also the word table of the external entries
  int ext_dropout = 0;     // N >= 2: each train document misses 1/N of it
  std::string corpus_path, clusters_from;
  size_t cluster_vocab = 50000;
  int epochs = 12, bits = 20, stages = 1;
  int gate_radius = -1;
  bool gate_initial = false;
  double prune = 0;
  uint32_t doc_features = 0;
  uint64_t seed = 0;  // 0: the shuffling of the shipped models
  int runs = 1;       // document orders averaged
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      return i + 1 < argc ? argv[++i] : std::string();
    };
    if (a == "--train") {
      train_path = next();
    } else if (a == "--dev") {
      dev_path = next();
    } else if (a == "--clusters-from") {
      clusters_from = next();
    } else if (a == "--corpus") {
      corpus_path = next();
    } else if (a == "--cluster-vocab") {
      cluster_vocab = std::strtoul(next().c_str(), nullptr, 10);
    } else if (a == "--gaz") {
      gaz_paths.push_back(next());
    } else if (a == "--ext-gaz") {
      ext_gaz_paths.push_back(next());
    } else if (a == "--ext-dropout") {
      ext_dropout = std::atoi(next().c_str());
    } else if (a == "--ext-words") {
      ext_words = std::atoi(next().c_str()) != 0;
    } else if (a == "--out") {
      out_path = next();
    } else if (a == "--epochs") {
      epochs = std::atoi(next().c_str());
    } else if (a == "--stages") {
      stages = std::atoi(next().c_str());
    } else if (a == "--gate-radius") {
      gate_radius = std::atoi(next().c_str());
    } else if (a == "--prune") {
      prune = std::atof(next().c_str());
    } else if (a == "--gate-initial") {
      gate_initial = std::atoi(next().c_str()) != 0;
    } else if (a == "--runs") {
      runs = std::atoi(next().c_str());
    } else if (a == "--seed") {
      seed = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--doc-features") {
      doc_features = static_cast<uint32_t>(std::atoi(next().c_str()));
    } else if (a == "--bits") {
      bits = std::atoi(next().c_str());
    } else {
      fmt::print(stderr, "unknown argument {}\n", a);
      return 64;
    }
  }
  if (train_path.empty() || bits < 10 || bits > 24 || epochs < 1 ||
      doc_features > 31 || runs < 1 || runs > 16 || gate_radius < -1 ||
      gate_radius > 64) {
    fmt::print(
        stderr,
        "usage: train_ner --train FILE [--dev FILE] [--out FILE] "
        "[--epochs N] [--bits 10..24] [--stages 1|2] [--gaz FILE]\n"
        "       [--ext-gaz FILE]... [--ext-words 0|1] [--ext-dropout 0|N]\n"
        "       [--gate-radius -1|N] [--gate-initial 0|1] "
        "[--doc-features 0..31] [--seed N] [--runs 1..16]\n"
        "       [--corpus JSONL|- [--cluster-vocab N]] [--clusters-from "
        "MODEL]\n");
    return 64;
  }
  std::vector<TrainDoc> train, dev;
  if (!ReadConll(train_path, &train)) {
    fmt::print(stderr, "cannot read {}\n", train_path);
    return 66;
  }
  if (!dev_path.empty() && !ReadConll(dev_path, &dev)) {
    fmt::print(stderr, "cannot read {}\n", dev_path);
    return 66;
  }
  int mis_train = 0, mis_dev = 0;
  for (auto& td : train) Prepare(&td, &mis_train);
  for (auto& td : dev) Prepare(&td, &mis_dev);
  size_t ntok = 0;
  for (auto& td : train) ntok += td.doc.tokens.size();
  fmt::print("train: {} docs, {} tokens, {} gold spans not on token edges\n",
             train.size(), ntok, mis_train);

  // Gazetteers: full (for the model) and one per fold (for training).
  NerModel model(bits);
  model.set_gate(gate_radius, gate_initial);
  model.set_doc_features(doc_features);
  fmt::print("candidate gate: radius {}, initial {}\n", gate_radius,
             gate_initial ? 1 : 0);
  Gazetteer fold_gaz[2];
  for (size_t d = 0; d < train.size(); ++d) {
    train[d].fold = static_cast<int>(d % 2);
    AddToGazetteer(train[d], &model.gazetteer());
    AddToGazetteer(train[d], &fold_gaz[d % 2]);
  }
  // Extra gazetteer sources (entity spans of other CoNLL-format files; their
  // text is never trained on).
  for (const std::string& path : gaz_paths) {
    std::vector<TrainDoc> extra;
    if (!ReadConll(path, &extra, /*strip_lang_prefix=*/true)) {
      fmt::print(stderr, "cannot read {}\n", path);
      return 66;
    }
    std::vector<Token> toks;
    uint64_t hashes[kMaxGazLength];
    for (const TrainDoc& td : extra) {
      for (const GoldSpan& g : td.gold) {
        std::string_view text =
            std::string_view(td.doc.text).substr(g.begin, g.end - g.begin);
        int len = NameHashes(text, &toks, hashes);
        if (len == 0) continue;
        uint8_t bit = static_cast<uint8_t>(1 << g.type);
        model.gazetteer().InsertSequence(hashes, len, bit);
        fold_gaz[0].InsertSequence(hashes, len, bit);
        fold_gaz[1].InsertSequence(hashes, len, bit);
      }
    }
    fmt::print("gazetteer source {}: {} docs\n", path, extra.size());
  }
  fmt::print("gazetteer: {} entries\n", model.gazetteer().size());
  // The external gazetteer: named entity spans of other NER sets (their
  // text is never trained on), features of their own. With ext_dropout N,
  // training document d misses part d % N of its entries (1/N of them, by
  // hash), so the model does not learn that a name missing from the
  // gazetteer is no name.
  std::vector<Gazetteer> ext_parts(ext_dropout >= 2 ? ext_dropout : 0);
  for (const std::string& path : ext_gaz_paths) {
    int added = AddExternalGazetteer(
        path, &model.external_gazetteer(),
        ext_words ? &model.external_words() : nullptr, &ext_parts);
    if (added < 0) {
      fmt::print(stderr, "cannot read {}\n", path);
      return 66;
    }
    fmt::print("external gazetteer source {}: {} spans\n", path, added);
  }
  if (model.external_gazetteer().size() > 0) {
    fmt::print("external gazetteer: {} entries (prefixes included), {} words\n",
               model.external_gazetteer().size(),
               model.external_words().size());
  }
  if (!corpus_path.empty() &&
      !BuildClusters(corpus_path, train, cluster_vocab, 1000, 96,
                     {64, 256, 1024}, &model.clusters())) {
    fmt::print(stderr, "cannot read corpus {}\n", corpus_path);
    return 66;
  }
  if (!clusters_from.empty()) {  // reuse the clusters of a model (tuning)
    auto other = NerModel::LoadFile(clusters_from);
    if (!other.ok()) {
      fmt::print(stderr, "{}\n", other.status().ToString());
      return 66;
    }
    model.clusters() = other.value().clusters();
  }
  for (auto& td : train) {
    model.ComputeTokenInfo(
        td.doc, &td.info, &fold_gaz[1 - td.fold],
        ext_parts.empty() ? nullptr
                          : &ext_parts[static_cast<size_t>(&td - train.data()) %
                                       ext_parts.size()]);
  }

  // Stage 1 on all of train; then, for stage 2, stage-1 labels of each
  // half predicted by a stage-1 model trained on the other half (so stage 2
  // sees first-pass errors as they occur on unseen text).
  TrainStageAveraged(&model, train, 0, 3, epochs, seed, runs,
                     &model.float_weights(0));
  Prune(prune, &model.float_weights(0));
  model.set_stages(1);
  model.Finalize();
  if (!dev.empty()) {
    fmt::print("stage 1 alone:\n");
    Evaluate(model, dev, mis_dev);
  }
  if (stages >= 2) {
    for (int fold = 0; fold < 2; ++fold) {
      NerModel half(bits);
      half.set_gate(gate_radius, gate_initial);
      half.set_doc_features(doc_features);
      half.clusters() = model.clusters();  // stage 1 as the full model has it
      TrainStageAveraged(&half, train, 0, 1 << fold, epochs, seed, runs,
                         &half.float_weights(0));
      half.Finalize();
      for (TrainDoc& td : train) {
        if (td.fold != fold)
          half.Pass(td.doc, td.info, 0, nullptr, &td.labels1);
      }
    }
    TrainStageAveraged(&model, train, 1, 3, epochs, seed, runs,
                       &model.float_weights(1));
    model.set_stages(2);
    model.Finalize();
    if (!dev.empty()) {
      fmt::print("stage 1 + 2:\n");
      Evaluate(model, dev, mis_dev);
    }
  }
  Status st = model.Save(out_path);
  if (!st.ok()) {
    fmt::print(stderr, "{}\n", st.ToString());
    return 74;
  }
  fmt::print("wrote {}\n", out_path);
  return 0;
}

}  // namespace
}  // namespace whosaid::ner

int main(int argc, char** argv) { return whosaid::ner::Main(argc, argv); }
