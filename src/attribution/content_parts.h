// Content parts and kind: how a relation's content that surrounds its cue
// ("“A,” she said. “B.”") splits into two parts, and whether a content is
// direct, mixed or indirect speech. Pure functions of a document's tokens;
// any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_CONTENT_PARTS_H_
#define WHOSAID_SRC_ATTRIBUTION_CONTENT_PARTS_H_

#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// The token ranges [content.b, *part1_end] and [*part2_begin, content.e]
// of a content around the tokens [gap_b, gap_e] (its cue and, when inside,
// its speaker), without the punctuation at the gap; the second part starts
// at `part2` when that is >= 0 (a quotation the content was continued over,
// see ContinueQuotations). After a quotation the second part starts at the
// next one that opens a sentence or follows a comma or colon: "“A,” X said
// at a rally. “B.”" gives “A,” and “B.”.
void SplitAroundGap(const Document& d, const DocView& v, TSpan content,
                    int gap_b, int gap_e, int part2, int* part1_end,
                    int* part2_begin);

// Direct when every word and number of the content (of its parts, when
// part1_end >= 0) is inside a quotation, indirect when none is, else mixed.
QuoteKind KindOfContent(const Document& d, const DocView& v, TSpan content,
                        int part1_end, int part2_begin);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CONTENT_PARTS_H_
