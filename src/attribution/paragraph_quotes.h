// Multi-paragraph quotations (the newswire convention): a quotation that
// runs over several paragraphs leaves its closing mark off at the end of
// each paragraph but the last, and each following paragraph opens with a
// quotation mark:
//   Ms. Ruiz said: “The budget is late.
//   “We asked twice. Nobody answered.”
// The content of the relation that holds the first paragraph's quotation
// runs on over the paragraphs that take it up again. Functions of a
// document's tokens and of one Attribute() call's candidates (which only
// that call's thread touches); any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_PARAGRAPH_QUOTES_H_
#define WHOSAID_SRC_ATTRIBUTION_PARAGRAPH_QUOTES_H_

#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"

namespace whosaid::attribution {

// The last token of the paragraph of token `tok` (looked up, not walked
// to: a document may hold one long paragraph with many relations).
int ParagraphLast(const DocView& v, int tok);

// The opening mark of the quotation left open at the end of the paragraph
// of token `e` (no closing mark after it in that paragraph), when `e` lies
// inside that quotation and only punctuation follows it to the paragraph's
// end; else -1.
int QuotationLeftOpen(const DocView& v, int e);

// The quotation that the paragraph after token `last` (the last token of a
// paragraph) opens with: returns its opening mark and sets *end to its
// closing mark, or to the paragraph's last token when it is left open
// again (*left_open true); -1 when that paragraph does not open with a
// quotation mark.
int QuotationTakenUp(const DocView& v, int last, int* end, bool* left_open);

// Runs each kept content that ends in a quotation left open at its
// paragraph's end (its cue before that quotation: a report inside it is
// not the quotation's) on over the following paragraphs that take the
// quotation up, at most `max_paragraphs` of them, up to the closing mark.
// It stops before a paragraph that holds a tagged cue ("“We will keep
// asking,” she added." is a relation of its own) or that another kept
// relation reaches into. PolNeAR train has 49 paragraphs that take up a
// quotation the paragraph before left open: the 11 with a cue of their
// own are that cue's relation (none is in the earlier content); of the 38
// without, 32 are in the content of a relation whose cue comes earlier, 1
// in that of a later cue and 5 in none. So a
// paragraph never goes to a later cue here. `cands` (all candidates,
// sorted by cue start) is read only; `by_cue` is scratch; `reach` bounds
// how far a relation's spans lie from its cue.
void ContinueOverParagraphs(const DocView& v,
                            const std::vector<Candidate>& cands, int reach,
                            int max_paragraphs, std::vector<Candidate*>* by_cue,
                            std::vector<Candidate*>* kept);

// "“A,” she said. ¶ “B.”": a paragraph that is one closed quotation
// ending in a stop and holds no tagged cue, after a paragraph whose last
// kept content is a quotation of at least `min_words` words (it ends in a
// closing mark) with only punctuation after it or only its own reporting
// clause ("she said.", the paragraph's last sentence), is that content's
// next part; so are the closed quotation paragraphs that follow it, at
// most `max_paragraphs` of them. It stops at a paragraph that another kept
// relation reaches into, or when another relation reaches into the tail
// between the content and its paragraph's end. PolNeAR train: of the
// paragraphs that are one closed quotation with no cue of their own after
// a paragraph whose last content is a quotation, 35 are in that content
// and 10 in another relation or none; with a stop at the end and an
// earlier quotation of 4 words or more, 34 and 7 (doc/quality.md).
// `cands` and `by_cue` as above.
void TakeUpClosedQuotations(const DocView& v,
                            const std::vector<Candidate>& cands, int reach,
                            int max_paragraphs, int min_words,
                            std::vector<Candidate*>* by_cue,
                            std::vector<Candidate*>* kept);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_PARAGRAPH_QUOTES_H_
