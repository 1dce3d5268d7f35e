// The NER trainer's gazetteers (tools/train_ner.cc): entity names from the
// train documents' gold spans and from external CoNLL-format name lists,
// hashed as the engine tokenizes them into the model's Gazetteer tables,
// which the caller owns. Single-threaded, like the trainer.
#ifndef WHOSAID_TOOLS_NER_TRAIN_GAZETTEERS_H_
#define WHOSAID_TOOLS_NER_TRAIN_GAZETTEERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/segment/tokenizer.h"
#include "tools/ner_train/conll.h"

namespace whosaid::ner::train {

// Adds the gold spans of `td` (on its tokens) to `gaz`, each with its
// type's bit.
void AddToGazetteer(const TrainDoc& td, Gazetteer* gaz);

// Tokenizes a name as the engine does and hashes its words into `hashes`
// (room for kMaxGazLength); returns the number of words, or 0 when it has
// none or too many for the gazetteer.
int NameHashes(std::string_view text, std::vector<Token>* toks,
               uint64_t* hashes);

// Adds the entity spans of the CoNLL-format file `path` (ExternalTypeId
// types; "en:" token prefixes stripped) to `gaz`, as the engine tokenizes
// them. Only names: spans whose first and last characters are an upper-case
// letter or a digit ("Hillary Clinton", not "my mother"). Returns the spans
// added, or -1 when the file cannot be read.
int AddExternalGazetteer(const std::string& path, Gazetteer* gaz,
                         Gazetteer* words, std::vector<Gazetteer>* parts);

}  // namespace whosaid::ner::train

#endif  // WHOSAID_TOOLS_NER_TRAIN_GAZETTEERS_H_
