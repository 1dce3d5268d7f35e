// The NER trainer's data (tools/train_ner.cc): documents read from
// CoNLL-format files with their gold entity spans, segmented by the engine
// and projected onto its tokens as BILOU labels, and the dev-set score the
// trainer prints. A TrainDoc owns its Document and labels; the functions
// keep no state. Single-threaded, like the trainer.
#ifndef WHOSAID_TOOLS_NER_TRAIN_CONLL_H_
#define WHOSAID_TOOLS_NER_TRAIN_CONLL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/entities/ner_model.h"

namespace whosaid::ner::train {

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

// CoNLL's entity types (PER, ORG, LOC, MISC) as type ids 0..3; -1 for any
// other.
int TypeId(std::string_view t);

// Entity types of other NER sets, for the external gazetteer: GUM's
// person/place/organization, WNUT-17's person/location/corporation/group
// (ORG) and product/creative-work (MISC), and CoNLL's own names (WikiANN).
int ExternalTypeId(std::string_view t);

// Reads a CoNLL file into documents. `strip_lang_prefix` drops WikiANN's
// "en:" token prefix; `type_of` maps a chunk's type to a type id (negative:
// not kept).
bool ReadConll(const std::string& path, std::vector<TrainDoc>* docs,
               bool strip_lang_prefix = false,
               int (*type_of)(std::string_view) = TypeId);

// Segments the text and projects gold spans onto our tokens.
void Prepare(TrainDoc* td, int* misaligned);

// Prints the model's span F1 on `docs` (overall and per type) and the
// number of gold spans that are not on token edges.
void Evaluate(const NerModel& model, const std::vector<TrainDoc>& docs,
              int misaligned);

}  // namespace whosaid::ner::train

#endif  // WHOSAID_TOOLS_NER_TRAIN_CONLL_H_
