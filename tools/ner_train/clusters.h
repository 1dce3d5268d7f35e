// The NER trainer's distributional word clusters (tools/train_ner.cc),
// built from an unlabeled JSONL corpus and the train text into the model's
// WordClusters, which the caller owns. Single-threaded, like the trainer.
#ifndef WHOSAID_TOOLS_NER_TRAIN_CLUSTERS_H_
#define WHOSAID_TOOLS_NER_TRAIN_CLUSTERS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "src/entities/ner_model.h"
#include "tools/ner_train/conll.h"

namespace whosaid::ner::train {

// Distributional word clusters: words of the unlabeled corpus (JSONL with a
// "content" field; "-" = stdin) plus the train text; each of the `vocab`
// most frequent words is represented by the PPMI of its left and right
// neighbours among the `contexts` most frequent words, randomly projected
// to `dims` dimensions, and clustered by spherical k-means at each size in
// `sizes`. Deterministic.
bool BuildClusters(const std::string& corpus,
                   const std::vector<TrainDoc>& train, size_t vocab,
                   size_t contexts, int dims, const std::vector<int>& sizes,
                   WordClusters* out);

}  // namespace whosaid::ner::train

#endif  // WHOSAID_TOOLS_NER_TRAIN_CLUSTERS_H_
