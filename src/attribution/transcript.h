// Transcript turns: interviews, debates and hearings printed as a script,
// one paragraph a turn opened by the speaker's name in capitals and a colon
// ("TRUMP: I do not have Swiss bank accounts. ..."). Each turn is a direct
// quote whose content is the rest of the paragraph, whose speaker is the
// label and whose cue is the colon. The learned tagger looks for report
// verbs and quotation marks, which a script has neither of.
//
// A paragraph label counts only where the article is evidently a script: the
// label names a person the article names elsewhere ("TRUMP" for Donald
// Trump), or the article has a dialogue (two or more labels, each opening
// two or more turns). Pure function of the Document; safe from any thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_TRANSCRIPT_H_
#define WHOSAID_SRC_ATTRIBUTION_TRANSCRIPT_H_

#include <string_view>

#include "whosaid/document.h"

namespace whosaid {

struct TranscriptOptions {
  uint32_t max_label_tokens = 4;  // "SEN. LINDSEY GRAHAM:" is 3 words
};

// A word of capitalised page furniture that ends in a colon like a
// speaker's label ("UPDATE:", "WATCH:", "EDITOR'S NOTE:", "Photograph:",
// "THE FACTS:"), lower case: never a speaker.
bool IsHeadingLabelWord(std::string_view lower);

// Adds a direct-quote relation for every transcript turn that no existing
// relation already covers, keeping doc->quotes sorted by content start. A
// label that names a person of the article gets that person's group and
// canonical name ("BRENNAN" -> "Daniel Brennan"): all-caps labels are often
// tagged as organisations, so this does not go through speaker resolution.
// Runs after ResolveSpeakers, before the claims.
// REQUIRES: doc is segmented and entities are tagged and grouped.
void AddTranscriptTurns(const TranscriptOptions& options, Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_TRANSCRIPT_H_
