// Clause rules of the attributor (attribution.cc): which tagged cues start
// no report ("That said,"), how the second predicate of a coordination
// ("said A and warned against B") becomes a relation of its own, when a
// content may not leave its cue's paragraph, and where a quotation split by
// its reporting clause goes on. Functions of a document's tokens and of one
// Attribute() call's candidates (which only that call's thread touches);
// any thread may call them.
#ifndef WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_
#define WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_

#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// "That said,", "That being said," and "Having said that," opening a
// sentence are discourse markers ("even so"), not reports: nobody speaks.
// PolNeAR train and dev annotate one of their five sentence-initial ones.
bool IsDiscourseMarkerCue(const Document& d, const DocView& v, TSpan cue);

// A relation without a quotation (indirect speech) whose cue tells of a
// deed, an intention or a feeling the writer assigns rather than of
// something said (DecodeLimits::speech_cues_only; off by default, since
// PolNeAR annotates such cues as attributions):
// - an action: a cue word such as "endorsed", "signed", "pleaded",
//   "was sentenced", "voted", unless the content is a "that" clause
//   ("charged that ...");
// - an intention or a manner of acting followed by an infinitive: a cue
//   ending in "declined", "refused", "hopes", "plans", "sought", "seems",
//   ... whose content opens with "to" ("declined | to comment", "plans |
//   to run"); speech acts with an infinitive ("vowed to", "promised to",
//   "threatened to") stay;
// - an attitude: a cue whose head (its last word before a trailing
//   preposition: "hopes for", "worried about") is a word such as "hopes",
//   "wants", "fears", "worried", "eager", whatever follows ("X hopes that
//   ..." is the writer's reading of X, not X's words; "would like to
//   highlight" is not one);
// - a content that is only the request for comment that went unanswered
//   ("did not return | a message seeking comment"): at most 8 words, one
//   of them "comment", or "request(s)" / "inquiry" / "inquiries" after
//   a cue of not responding ("did not respond to | our requests").
// A cue that holds a verb of speech ("expressed hope", "voiced concern",
// "said") is speech whatever else it holds.
// - no speaker (`source` none): "is expected", "seemed", "appears".
bool ReportsNoSpeech(const Document& d, const DocView& v, TSpan cue,
                     TSpan content, TSpan source);

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

// A content in another paragraph than its cue: after the cue without a
// colon between them (what a report says in the next paragraph is
// introduced by one, "Cruz continued:"; after "... Barlow wrote on
// Twitter." the next paragraph's quotation is not its content), or before
// it starting in an earlier paragraph. PolNeAR train: 41 of 13,832
// contents after their cue start in a later paragraph, 33 of them after a
// colon; 20 of 3,140 contents before their cue start in an earlier one.
bool LeavesTheParagraph(const Document& d, const DocView& v, TSpan cue,
                        TSpan content);
// A quotation before its cue that its reporting clause interrupts and the
// next sentence takes up again: "“A,” she said. “B.”" (the quotation ends
// in a comma, "?" or "!" before its closing mark, the cue's sentence ends
// with the reporting clause, and the next sentence of the paragraph opens
// a quotation). Returns that quotation's opening mark and sets *close to
// its closing mark (same paragraph) or, when the paragraph leaves it open,
// to the paragraph's last token; or returns -1. In PolNeAR train the
// content runs on over the second quotation 1,274 times and stops 41 times
// (when it holds no other cue; whether it does is the caller's check).
int QuotationContinues(const DocView& v, TSpan cue, TSpan content, TSpan source,
                       int* close);

// Whether a candidate of `cands` (sorted by cue start) has its cue start
// in tokens [b, e].
bool CueStartsIn(const std::vector<Candidate>& cands, int b, int e);

// `kept` sorted by cue start into `by_cue`, for ReachedByAnother.
void SortByCue(const std::vector<Candidate*>& kept,
               std::vector<Candidate*>* by_cue);

// Whether a relation of `by_cue` (sorted by cue start) other than `self`
// has its cue, content or source overlap `span`. Only the relations whose
// cue lies within `reach` of the span are looked at (a relation's spans lie
// that near its cue), so that the check stays linear.
bool ReachedByAnother(const std::vector<Candidate*>& by_cue,
                      const Candidate* self, TSpan span, int reach);

// "“A,” she said. “B.”": a kept content that is the quotation before its
// cue runs on over the quotation of the next sentence, unless a tagged
// cue lies inside that one ("“B,” she added") or another kept relation
// reaches into it (PolNeAR train: 29 such contents stop there, none run
// on). A second quotation left open at the paragraph's end is taken up to
// the paragraph's end, unless the next paragraph takes the quotation up
// with a tagged cue of its own (see the .cc). Kept relations are looked up by
// cue position (a content lies within `reach` of its cue), so that the check
// stays linear. `cands` (all candidates, sorted by cue start) is read only;
// `by_cue` is scratch.
void ContinueQuotations(const DocView& v, const std::vector<Candidate>& cands,
                        int reach, std::vector<Candidate*>* by_cue,
                        std::vector<Candidate*>* kept);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_CLAUSE_RULES_H_
