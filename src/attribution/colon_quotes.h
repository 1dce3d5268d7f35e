// Colon quotations: reports in the form "Daily Show host Trevor Noah was
// making jokes about the WHO: “It's the same reason ...”", where a clause
// whose subject is a person or organisation ends in a colon right before a
// quotation. The predicate is rarely a report verb the cue tagger knows,
// yet the quotation is the subject's: PolNeAR annotates the form as a
// relation whose cue is the predicate with its colon (193 of 218 train cues
// ending in a colon follow their speaker directly), and 216 of 266 colons
// before a quotation mark in train introduce a relation's content.
//
// FindColonQuotes only finds the form; the Attributor decides whether a
// relation it found itself takes precedence. Pure functions; safe from any
// thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_COLON_QUOTES_H_
#define WHOSAID_SRC_ATTRIBUTION_COLON_QUOTES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "src/attribution/model.h"

namespace whosaid::attribution {

// Token spans of one colon quotation: the subject (with its role words,
// "Daily Show host Trevor Noah"), the predicate through the colon, and the
// quotation with its marks.
struct ColonQuote {
  TSpan source, cue, content;
};

// Replaces *out with the document's colon quotations, in text order, none
// overlapping another. The subject is the sentence's first person or
// organisation name, or he/she, outside quotation marks; it opens the
// sentence (after "But", "And" ...) or follows an introductory phrase and
// its comma ("On Comedy Central,"), never a subordinate clause ("When Jack
// Lew went ..."); it is followed by a word that can open a predicate
// (LooksLikeAVerb: not "The Trump team", not a possessive). A colon right
// after a person's name is the "Name: “...”" form, the tagger's; the
// quotation closes within its paragraph and has at least
// limits.colon_quote_min_words words. `model` gives the cue vocabulary (a
// lowercase cue word is no role word: "Critics mocked Trump for ...").
// REQUIRES: v was built for a document whose entities are tagged.
void FindColonQuotes(const DocView& v, const AttributionModel& model,
                     const DecodeLimits& limits, std::vector<ColonQuote>* out);

// Whether a lowercase word after a name can open its predicate: an
// auxiliary, a common irregular past, an adverb, or a word ending like a
// verb form or a contraction (-s, -ed, -ing, -ly, n't); not a noun that
// continues the name ("team", "statement") nor a possessive ("'s"). `h` is
// HashWord(w).
bool LooksLikeAVerb(std::string_view w, uint64_t h);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_COLON_QUOTES_H_
