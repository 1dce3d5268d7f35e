// Gazetteer matching for the NER tagger: marks the tokens of a document that
// lie inside a gazetteer entry with the entry's type and BILOU position.
// Stateless free functions; safe from any thread (the gazetteer is only
// read).
#ifndef WHOSAID_SRC_ENTITIES_NER_GAZETTEER_H_
#define WHOSAID_SRC_ENTITIES_NER_GAZETTEER_H_

#include <cstdint>
#include <vector>

#include "src/entities/ner_model.h"
#include "whosaid/document.h"

namespace whosaid::ner {

// For every match of `gaz` (lower-cased token sequences of at most
// kMaxGazLength tokens, inside one sentence, starting at a capitalised,
// all-caps or number token), sets bit shift + 4 * type + pos of
// (*info)[i].gaz on each token i of the match (pos 0 = B, 1 = I, 2 = L,
// 3 = U). Every match is marked, overlapping ones included; with `longest`,
// only the longest match starting at a token is, and matching resumes after
// it (greedy left-to-right longest match). `info` needs `lower` of every
// token.
void MarkGazetteerMatches(const Document& doc, const Gazetteer& gaz, int shift,
                          std::vector<TokenInfo>* info, bool longest = false);

}  // namespace whosaid::ner

#endif  // WHOSAID_SRC_ENTITIES_NER_GAZETTEER_H_
