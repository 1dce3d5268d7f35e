// Context rules of the claims grammar read from the text around a number:
// numbers inside web identifiers (URLs, markup attributes, file names,
// tweet-thread counters "1/"), which state no quantity, and ages told by a
// comparison ("those 65 and older", "younger than 25"), and "-ed" main
// verbs that end a counted phrase ("Eight chains contained ..."), and
// numbers that name rather than count: codes with a leading zero ("007"),
// show titles ("60 Minutes"), "a Third World country", a year before "to"
// ("$4.9 million in 2008 to $23.2 million"). Pure
// functions of the token window and the document text; safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_CONTEXT_RULES_H_
#define WHOSAID_SRC_CLAIMS_CONTEXT_RULES_H_

#include <cstdint>
#include <string_view>

#include "src/claims/token_window.h"

namespace whosaid::claims {

// True when the number whose bytes are [begin, end) of the window's
// document lies in a web identifier: the run of non-space bytes around it
// holds "://", "www.", "=", "_" or "@" ("pubId=1155968404",
// "images/1155968404_5047136732001.jpg", "[embedtweet id=5334604]"), or it
// opens its sentence as a thread counter glued to a slash ("1/ THREAD: ...").
// Only kWebRunReach bytes either side are read.
bool InWebIdentifier(const TokenWindow& win, uint32_t begin, uint32_t end);

// An age told by comparing with the number at token i (its number and
// unit end before token t): "those 65 and older", "voters 45 or younger",
// "workers 55 and over", "younger than 25", "older than 64".
bool ComparedAge(const TokenWindow& win, uint32_t i, uint32_t t);

// The same read from the text, for a claim at bytes [begin, end) already
// found to be an age: "younger than 25", "65 and older". Such an age bounds
// a group in what the speaker states, unlike "the 23-year-old" in reported
// speech, which the reporter adds.
bool ComparedAgeText(std::string_view text, uint32_t begin, uint32_t end);

// The same for an age told by a clause's verb: "when Ortiz was 6", "since
// she turned 18" (the speaker's own account of a time in someone's life),
// not "Smith, who was 44," (an appositive the reporter adds).
bool ClauseAgeText(std::string_view text, uint32_t begin);

// "plus or minus" before the "minus" at token k: a margin ("plus or minus
// 3 percentage points" is 3, not -3).
bool PlusOrMinusBefore(const TokenWindow& win, uint32_t k);

// True when the "-ed" word at token k, right after a counted noun, is the
// clause's main verb with an object or complement, not a participle of the
// noun ("Eight chains contained top secret data", "two polls showed Mr.
// Lee ahead", "40 donors raised 90 percent"; not "people killed in the
// raid", "one soldier killed and one wounded", "cases confirmed Friday").
// Verbs without an object stay: "300 protesters marched to the hall" counts
// the protesters who marched, as "soldiers killed" counts those killed.
bool MainVerbAfterNoun(const TokenWindow& win, uint32_t k);

// A digit run with a leading zero and no decimal point ("007", "0400",
// "Ariz. 02", a stock code "005930"): a code, clock time or label, never a
// count (a run of zeros only, "0000", still reads as zero). `num` is the
// number token's text.
bool LeadingZeroCode(std::string_view num);

// A number followed by a capitalised time unit inside a sentence, after a
// lowercase word or an opening quote: a title ("an interview on \u201c60
// Minutes\u201d", "films like 12 Years a Slave"), not a duration. Not
// after a capitalised word ("$350 Billion Over 10 Years" is a headline's
// quantity). `b` is the number's first token, `nt` the token after it.
bool TitleTimeUnit(const TokenWindow& win, uint32_t b, uint32_t nt);

// A capitalised fraction word after a lowercase article inside a sentence
// ("a Third World country", "a Third Circuit case"): an ordinal in a name.
// `b` is the first token of the number (the article), `nt` the token after.
bool CapitalisedFractionInName(const TokenWindow& win, uint32_t b, uint32_t nt);

// The 4-digit year at token i, after "in" or "fiscal", before a "to" whose
// second number has a unit or scale the year lacks: "from $4.9 million in
// 2008 to $23.2 million in 2018" is no range from 2008 to 23.2 million.
bool YearBeforeTo(const TokenWindow& win, uint32_t i, double value,
                  bool plain_int, int int_digits);

// True when `w`, a lowercase word after the plural noun `prev` in a
// counted of-phrase, is the clause's verb: "37 percent of Americans approve
// of ...", "nearly half of Democrats identify as ...", "9 percent of
// climate scientists agree". A plural noun is no compound's modifier, so a
// word without a plural "-s" after it starts the predicate ("of voters
// ages 18 to 29" and "of the sales tax" stay).
bool VerbAfterPluralNoun(std::string_view prev, std::string_view w);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_CONTEXT_RULES_H_
