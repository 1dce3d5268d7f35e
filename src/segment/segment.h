// Segment: tokens, sentences and paragraphs of a Document's clean text.
//
// Paragraphs break at every line break (scraped news puts one paragraph per
// line; blank lines are folded). Sentences end at . ! ? … when the next word
// starts a sentence, never after a title abbreviation ("Gen."), and always at
// a paragraph break; closing quotes and brackets stay with the sentence they
// close. Pure function of the Document; safe from any thread.
#ifndef WHOSAID_SRC_SEGMENT_SEGMENT_H_
#define WHOSAID_SRC_SEGMENT_SEGMENT_H_

#include <cstddef>

#include "whosaid/document.h"

namespace whosaid {

struct SegmentOptions {
  size_t max_sentence_tokens = 400;
};

// Fills doc->tokens, doc->sentences and doc->paragraphs from doc->text.
void Segment(const SegmentOptions& options, Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_SEGMENT_SEGMENT_H_
