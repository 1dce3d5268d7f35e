// Nominal reports: a reporting noun with its possessor and a "that"
// clause ("Trump's claim that ...", "her insistence that ...", "the
// mayor's warning that ..."). The noun is the cue, the possessor the
// source, the clause the content. The cue tagger rarely marks such nouns
// (PolNeAR dev: 58 of the 849 gold relations missed at overlap50 have a
// nominal cue with no tagged cue on it); with a possessor and a "that"
// clause, and outside every content the model found, PolNeAR marks about
// half of them (of the relations this rule adds, train 9 of 17, dev 4 of
// 5), and by meaning nearly all are reports (doc/quality.md, branch
// attr23).
//
// FindNominalReports only finds the form; AddNominalReports decodes the
// content with the model and adds the relations that touch no other (the
// Attributor calls it last, after every other rule). Functions of their
// arguments only; any thread may call them on its own vectors.
#ifndef WHOSAID_SRC_ATTRIBUTION_NOMINAL_REPORTS_H_
#define WHOSAID_SRC_ATTRIBUTION_NOMINAL_REPORTS_H_

#include <string_view>
#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/model.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

struct NominalReport {
  TSpan cue;      // the noun, with one lowercase modifier before it
  TSpan source;   // the possessor, its "'s" included
  int that = -1;  // the token "that" right after the noun
};

// Whether a lowercase word is a noun that reports what someone said or
// holds and takes a "that" clause ("claim", "warning", "belief", ...;
// singular and plural; a closed list by meaning).
bool IsReportingNoun(std::string_view lower);

// Replaces *out with the document's nominal reports, in text order: a
// reporting noun followed by "that" in its sentence, then a word (no
// auxiliary: "the message that was sent" is a relative clause), a number
// or a quotation mark; before the noun at most one lowercase modifier
// ("recent claim"), and before that the possessor: a possessive pronoun
// ("his", "their", ...) or a possessive "'s" / "'" after a run of
// capitalised words ("Donald Trump's", "the Senate's") or after "the" and
// one or two lowercase words ("the mayor's"). A lone pronoun before "'s"
// ("It's", "That's") is a clitic "is", no possessor.
void FindNominalReports(const Document& d, const DocView& v,
                        std::vector<NominalReport>* out);

// Relations for the document's nominal reports that no tagged cue in
// `cues` touches: the content is the best of the model's contents for the
// noun (its top_k) that starts at "that" and has at least
// rescue_min_content_tokens tokens. Kept only where no relation in *kept
// (nor an earlier nominal one) has a cue, content or source that touches
// the new one's: a nominal report never changes another relation (inside
// another content, PolNeAR train marks 1 of 26). Fills *out (`found` and
// `nbest` are scratch) and appends pointers to its elements to *kept.
void AddNominalReports(const AttributionModel& model, const DecodeLimits& lim,
                       const DocView& v, const std::vector<TSpan>& cues,
                       std::vector<Candidate*>* kept,
                       std::vector<NominalReport>* found,
                       std::vector<Scored>* nbest, std::vector<Candidate>* out);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_NOMINAL_REPORTS_H_
