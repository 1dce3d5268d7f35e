// Boundary rules for the cue spans of kept relations (attribution.cc), run
// after every content and source rule, just before the relations are
// built; never inside the cue tagger or the decoders (so the trainer, which
// calls only those, writes the same model). Functions of one Attribute()
// call's candidates (which only that call's thread touches); any thread may
// call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_CUE_BOUNDS_H_
#define WHOSAID_SRC_ATTRIBUTION_CUE_BOUNDS_H_

#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// "The senator sharply criticized ...", "She later said ...": the token
// right before a cue that opens with a lowercase word (not a determiner) is
// a lowercase manner or time adverb ("-ly", not "only", "early", "family",
// ...; or "later", "now", "even"): its index, else -1. PolNeAR train gold
// cues right after such an "-ly" word take it in 338 of 354.
int AdverbBeforeCue(const Document& d, const DocView& v, TSpan cue);

// "He’s been saying ...", "who’s called for ...": the token right before a
// cue that opens with a lowercase word is the clitic "’s" of a subject
// pronoun or relative word (he, she, it, who, that, there, ...): its index,
// else -1. The clitic is the auxiliary ("is", "has") of the cue, not part of
// the speaker (PolNeAR train: 69 gold cues of a pronoun take it, 11 leave it
// out, most of those before an adjective or noun; one speaker "she’s").
int CliticBeforeCue(const Document& d, const DocView& v, TSpan cue);

// "Mr. Hale hasn't said ...": the relation's source ends, right before its
// cue, with a negated auxiliary ("isn't", "hasn’t", "won't"), which is the
// cue's (PolNeAR train and dev: 5 cues and 4 sources become the gold ones,
// none that was gold changes).
bool NegatedAuxiliaryEndsSource(const Document& d, TSpan cue, TSpan source);

// "Mrs May said:": the cue opens with "May" right after a source that ends
// in a capitalised word, so "May" is the end of the speaker's name, not a
// modal of the cue.
bool NameOpensCue(const Document& d, TSpan cue, TSpan source);

// Applies the four rules to the kept relations (DecodeLimits::
// cue_takes_adverb_and_clitic): a name opening the cue joins the source; a
// negated auxiliary leaves the source for
// the cue; else the cue starts at the adverb or clitic when no other kept
// relation's cue, content or source holds that token, and neither does the
// relation's own content (nor, for an adverb, its source); a clitic at the
// end of the relation's own source leaves it.
void AdjustCueBounds(const Document& d, const DocView& v,
                     std::vector<Candidate*>* kept);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CUE_BOUNDS_H_
