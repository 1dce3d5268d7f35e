// Boundary rules for kept contents after their cue (attribution.cc), run
// after the overlap resolution and the quotation rules, never inside the
// content decoders (so the trainer, which calls only the decoders, writes
// the same model). Functions of one Attribute() call's candidates (which
// only that call's thread touches); any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_CONTENT_BOUNDS_H_
#define WHOSAID_SRC_ATTRIBUTION_CONTENT_BOUNDS_H_

#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// "said at a rally in Ohio that the plan ...": a content after its cue that
// opens with a prepositional or time adjunct of the reporting verb (in, on,
// at, during, via, through, earlier, late, last or a weekday) followed,
// within `max_tokens` tokens of its sentence and with no quotation mark,
// colon, semicolon or dash before it, by a complementiser "that" whose next
// token can open a clause (a capitalised word, a quotation mark, a
// determiner or subject pronoun): the token index of that "that", else -1.
// Not after "in response to ..." nor for a noun's "that" ("the allegation
// that"), nor when "on" is the verb's particle ("call on X to ...").
// What was said starts there; the adjunct says where or when. PolNeAR train
// (post-decoding, the committed model's contents): 12 contents become the
// gold one, none that was gold changes.
int ComplementiserAfterAdjunct(const Document& d, const DocView& v, TSpan cue,
                               TSpan content, int max_tokens);

// "He added, “A. B. C.”": a content after its cue that opens with a
// quotation mark and stops at a sentence end inside that quotation, the
// quotation closing later in the same paragraph with no other quotation
// opened before: the closing mark's token, else -1. PolNeAR train: 27
// contents become the gold one, none that was gold changes.
int OpenQuotationClose(const DocView& v, TSpan cue, TSpan content);

// Applies both rules to the kept relations (DecodeLimits::
// content_starts_at_complementiser, content_closes_open_quotation). A
// quotation is run on only when no other kept relation reaches into the
// added tokens and no tagged cue of `cands` (sorted by cue start) starts
// there. `by_cue` is scratch.
void AdjustContentBounds(const Document& d, const DocView& v,
                         const std::vector<Candidate>& cands, int reach,
                         bool complementiser, int max_tokens,
                         bool open_quotation, std::vector<Candidate*>* by_cue,
                         std::vector<Candidate*>* kept);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CONTENT_BOUNDS_H_
