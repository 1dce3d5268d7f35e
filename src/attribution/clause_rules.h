// Clause rules of the attributor (attribution.cc): which tagged cues start
// no report ("That said,"), how the second predicate of a coordination
// ("said A and warned against B") becomes a relation of its own, and where
// a quotation split by its reporting clause goes on. Pure functions of a
// document's tokens; any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_
#define WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_

#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// "That said,", "That being said," and "Having said that," opening a
// sentence are discourse markers ("even so"), not reports: nobody speaks.
// PolNeAR train and dev annotate one of their five sentence-initial ones.
bool IsDiscourseMarkerCue(const Document& d, const DocView& v, TSpan cue);

// The conjunction right before `cue` ("... and | warned against"), in the
// cue's sentence, or -1: the cue is then the second predicate of a
// coordination, whose report cannot lie inside the first one's content
// (DecodeLimits::coordinated_cues).
int CoordinatingWord(const Document& d, const DocView& v, TSpan cue);

// Ends `content` before the conjunction at `conj` and any punctuation
// before it ("A, and" -> "A"); false (content unchanged) when nothing would
// be left.
bool EndBeforeConjunction(const DocView& v, int conj, TSpan* content);

// The second predicate of a coordination shares the first one's subject:
// "Rendell, a Clinton surrogate, said ... and called it ..." gives "called"
// the whole speaker, not "Rendell" alone. `second` takes `first`'s speaker
// when it has none or one inside that speaker or inside `first_content`
// (the first content before it was cut at the conjunction).
void ShareSubject(const TSpan& first_source, TSpan first_content,
                  TSpan* second_source);

// A quotation before its cue that its reporting clause interrupts and the
// next sentence takes up again: "“A,” she said. “B.”" (the quotation ends
// in a comma, "?" or "!" before its closing mark, the cue's sentence ends
// with the reporting clause, and the next sentence of the paragraph opens
// a quotation). Returns that quotation's opening mark and sets *close to
// its closing mark (same paragraph), or returns -1. In PolNeAR train the
// content runs on over the second quotation 1,274 times and stops 41 times
// (when it holds no other cue; whether it does is the caller's check).
int QuotationContinues(const DocView& v, TSpan cue, TSpan content, TSpan source,
                       int* close);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_
