// The NER trainer's word clusters (tools/ner_train/clusters.h): PPMI
// context vectors, a random projection and spherical k-means.
#include "tools/ner_train/clusters.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/segment/tokenizer.h"

namespace whosaid::ner::train {
namespace {

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

}  // namespace

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

}  // namespace whosaid::ner::train
