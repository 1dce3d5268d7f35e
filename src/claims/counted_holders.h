// What a claim counts when the number names no noun of its own and the
// thing counted stands in a fixed frame around it: whose age an age is
// ("a 10-year-old boy", "Jane Roe, 46,"), the noun a change or a total
// is of ("a plunge in the jobless rate from 8.1 to 7.8 percent", "emission
// cuts of up to 28 percent", "spending reached a total of $9 billion"),
// the casualties after a bare count ("left 14 dead"), and a poll's share:
// the group of the share before it ("48 percent of voters ... versus 28
// percent who ...") or what it says or does ("40 percent support the
// plan"). Pure functions of the token window (the share rules edit the
// sentence's claims in place); safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_COUNTED_HOLDERS_H_
#define WHOSAID_SRC_CLAIMS_COUNTED_HOLDERS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/claims/token_window.h"
#include "whosaid/document.h"

namespace whosaid::claims {

// Whose age the age starting at token `b` (ending before token `t`) gives:
// after a hyphenated age, its nouns and names ("a 70-year-old retired
// teacher" -> "retired teacher", "the 26-year-old Jane Roe" -> "Jane
// Roe"; not "the 71-year-old said"); after the comma of an appositive age,
// the name before it ("Jane Roe, 46, said" -> "Jane Roe", "the
// prosecutor, 48," -> "prosecutor"). Empty otherwise.
Span AgeHolder(const TokenWindow& win, uint32_t b, uint32_t t, bool hyphenated);

// The noun phrase a change, a total or a level before "of" or "from" is
// of, for the number starting at token `b`: "a plunge in the jobless rate
// from 8.1 to 7.8 percent" -> "jobless rate" (both numbers); "emission
// cuts of up to 28 percent" -> "emission cuts"; "a reversal rate of 80%"
// -> "reversal rate"; "sales reached a total of $9 billion" -> "sales"
// (the subject of the verb before "a total of"; "total" alone when there
// is none). Only nouns of a listed kind head such a phrase ("a city of
// 90,000" is no measure). `copula_ok` as for NounPhraseOfVerb.
// `t` is the token after the number and its unit.
Span MeasureNounOf(const TokenWindow& win, uint32_t b, uint32_t t,
                   bool copula_ok);

// "left 14 dead and 21 wounded": a bare count followed by a word of
// casualties at token `t` counts that word. Empty otherwise.
Span CasualtyAfter(const TokenWindow& win, uint32_t t);

// Shares of one group in one sentence: a percentage after claim
// `first_claim` of `claims` (all in the sentence of `win`) with no counted
// phrase takes the of-phrase of the nearest percentage before it when that
// one counts "of ..." and what follows it is a share's verb, a relative
// "who" or the end of a clause ("48 percent of voters back the plan versus
// 28 percent who oppose it"; "27 percent of the vote, compared to 71
// percent."). The counted span is the earlier one's, shared.
void ShareOneGroup(const TokenWindow& win, size_t first_claim,
                   std::vector<Claim>* claims);

// A percentage after claim `first_claim` of `claims` (all in the sentence
// of `win`) with no counted phrase, followed by a verb of opinion or
// answer or by a relative "who" ("40 percent support the plan", "19% said
// they approve", "44 percent who said they meet their manager"), counts
// that verb phrase up to the end of its clause (at most 12 tokens).
void ShareVerbPhrases(const TokenWindow& win, size_t first_claim,
                      std::vector<Claim>* claims);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_COUNTED_HOLDERS_H_
