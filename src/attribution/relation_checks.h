// Checks across the relations the Attributor (attribution.cc) kept after
// resolving their overlaps: speakers reconciled with each other's spans,
// page furniture dropped as a speaker, speaker starts moved back over a
// place or list head, and a content clipped where a kept relation begins.
// Pure functions of their arguments; the Candidates belong to the calling
// Attribute() call (its per-thread scratch), so any thread may call them on
// candidates of its own.
#ifndef WHOSAID_SRC_ATTRIBUTION_RELATION_CHECKS_H_
#define WHOSAID_SRC_ATTRIBUTION_RELATION_CHECKS_H_

#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// Speakers that the span decoders chose relation by relation, checked
// against each other:
// - A speaker found inside another relation's content cannot speak a cue
//   outside that content: in "Boehner said he was flabbergasted by the
//   Obama administration's plan, saying ...", "Obama" belongs to what
//   Boehner reports, and the participle's speaker is the reporting
//   clause's own. Nested reports ("He said Smith told him ...") keep
//   theirs, since there the cue is inside the content too.
// - A speaker that is only an appositive piece of another relation's
//   person speaker and names no person ("D-Vermont" of "Gov. Tomas
//   Reyes, D-Vermont,") is that whole speaker. (Without the two name checks
//   the rule also replaced right speakers with over-long ones, "any
//   explanation, nominee Donald Trump", and lowered PolNeAR dev source F1.)
// Only another relation's speaker is taken, never none: a relation
// without one is the likelier mistake. Tried and not kept: a speaker that
// holds another relation's cue ("Rep. Dale Pruitt told reporters he
// opposed the merger, arguing ...") taking that relation's speaker; it
// was as often wrong ("Evan McMullin, ..., who some Republicans hoped").
//
// Only relations whose cues are near enough for one's spans to reach the
// other's are compared (the relations are sorted by cue for that), so a
// document with thousands of relations stays linear. `reach` is the
// Attributor's Reach(): how far apart two cues can be with spans of their
// relations still overlapping. Sorts `kept_relations` by cue.
void ReconcileSources(const Document& d, const DocView& v, int reach,
                      std::vector<Candidate*>* kept_relations);

// A "speaker" before a colon cue that is page furniture ("Photograph:
// ...", "UPDATE: ...", "Read: ...", "THE FACTS: ...", "Urgent Poll:"):
// every word of it a heading word (an article before it aside).
bool HeadingBeforeColon(const Document& d, const Candidate& c);

// A speaker span started at the place or party tag after a person's name
// ("Terry Murphy of Newark, | Del., who ...") starts at the person, when
// the words added hold no part of the relation's cue or content.
void ExtendSourceStart(const Document& d, Candidate* c);

// Cuts c's content so that it stops before (or starts after) `other`, the
// cue (and source) of a relation already kept, the way nested reports
// end a content ("..., stressing that ..."). False if nothing is left.
// A content around its cue that runs into a later relation ("“A,” said
// X. Y, a councillor, said: “B.”") ends before it too; when nothing of it
// is left after its cue (and its own speaker there), it is its part
// before the cue ("“A,”").
bool ClipContent(const DocView& v, Candidate* c, TSpan other);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_RELATION_CHECKS_H_
