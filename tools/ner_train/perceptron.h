// The NER trainer's learning (tools/train_ner.cc): averaged-perceptron
// training of a stage's weights, averaged over several document orders,
// and the pruning of small weight rows. The weights are vectors the caller
// owns; the model only lends its features. Deterministic; single-threaded.
#ifndef WHOSAID_TOOLS_NER_TRAIN_PERCEPTRON_H_
#define WHOSAID_TOOLS_NER_TRAIN_PERCEPTRON_H_

#include <cstdint>
#include <vector>

#include "src/entities/ner_model.h"
#include "tools/ner_train/conll.h"

namespace whosaid::ner::train {

// Averaged-perceptron training of one stage's weights on the documents of
// the folds in `fold_mask` (bit k = fold k), once per document order (seeds
// seed .. seed + runs - 1), the runs' weights averaged: one linear model of
// the same size class, less dependent on the order than any single run.
// Stage 1 (index 1) reads each document's `labels1`.
void TrainStageAveraged(NerModel* model, const std::vector<TrainDoc>& train,
                        int stage, int fold_mask, int epochs, uint64_t seed,
                        int runs, std::vector<float>* weights);

// Zeroes the rows (buckets) whose largest absolute weight is below
// `fraction` of the table's largest: they change few decisions, and a
// smaller table stays in cache. Prints how many rows are left.
void Prune(double fraction, std::vector<float>* weights);

}  // namespace whosaid::ner::train

#endif  // WHOSAID_TOOLS_NER_TRAIN_PERCEPTRON_H_
