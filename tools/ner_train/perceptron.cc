// The NER trainer's averaged perceptron and weight pruning
// (tools/ner_train/perceptron.h).
#include "tools/ner_train/perceptron.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace whosaid::ner::train {
namespace {

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

}  // namespace

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

}  // namespace whosaid::ner::train
