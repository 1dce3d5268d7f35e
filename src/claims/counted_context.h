// What a claim counts when it is not the noun right after the number: the
// noun after an amount used as an adjective ("a $27 million tax break", "an
// 85 percent chance"), and the noun phrase a verb of level or change ties
// the number to ("the death toll rose to 45", "median income was $50,421",
// "cut the refugee ceiling to 18,000"). Pure functions of the token window;
// safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_COUNTED_CONTEXT_H_
#define WHOSAID_SRC_CLAIMS_COUNTED_CONTEXT_H_

#include <cstdint>

#include "src/claims/token_window.h"
#include "whosaid/document.h"

namespace whosaid::claims {

// The first token before the quantity starting at token `b`, past an
// approximation or bound phrase ("a nearly $1 billion deal", "rose to more
// than 1,200") and the "between"/"from" that opens a range.
uint32_t BeforeModifier(const TokenWindow& win, uint32_t b);

// Up to three lower-case nouns at token `t` after money or a percentage used
// as an adjective: a determiner or a possessive (and at most two adjectives)
// comes before the amount starting at token `b` ("a $1 billion penalty", "the
// U.S.'s $18 trillion federal debt", "a massive $38 billion price tag", "an
// 85 percent chance"). Empty when the amount is a noun ("the top 1% earned",
// "the $50 it costs") or the word after it is a verb form ("the 50% needed").
Span NounAfterAdjectivalAmount(const TokenWindow& win, uint32_t b, uint32_t t);

// The noun phrase whose level or change the number starting at token `b`
// states: the subject of a verb of level or change right before it, with
// its auxiliaries ("the death toll has risen to 45", "median income was
// $50,421", "the average savings would be about $1,300", "sales in the
// region fell 4 percent"), or the object between a verb of change and
// "to"/"by"/"at" ("cut the refugee ceiling to 18,000", "reduce emissions by
// 45%"). Leading determiners are left out. Empty for a pronoun, a relative
// word, a proper name alone ("Acme Corp jumped 3 percent"), a phrase that
// opens with a number, or a head that is a verb form. A form of "be" ties
// the number only when `copula_ok` (a count, a percentage or money: "the
// slick was 25 miles southeast" gives a place, not a size).
Span NounPhraseOfVerb(const TokenWindow& win, uint32_t b, bool copula_ok);

// The of-phrase that opens the sentence when the number starting at token
// `b` comes right after its comma: "Of the 300 students, 40 ..." counts "Of
// the 300 students", "Among all voters, 37 percent ..." "Among all voters"
// (cut before a relative "who"/"that"/"which"). Empty for a pronoun alone
// ("Of those, 62 ...").
Span FrontedPartitive(const TokenWindow& win, uint32_t b);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_COUNTED_CONTEXT_H_
