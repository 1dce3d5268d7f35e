// Noun units of the claims grammar: the counted noun after a number
// ("13,000 workers", "one tired monopoly", "sorties a day"), plural tests,
// capitalised abbreviations before the noun ("2,500 U.S. troops"), rate
// periods ("a day", "per share") and stated ages ("since I was 18"). Pure
// functions of the token window; safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_NOUNS_H_
#define WHOSAID_SRC_CLAIMS_NOUNS_H_

#include <cstdint>
#include <string_view>

#include "src/claims/quantity.h"
#include "src/claims/token_window.h"

namespace whosaid::claims {

// Capital letters with optional dots: "US", "FBI", "U.S.".
bool IsCapsAbbreviation(std::string_view w);
// People, children, "-s" plurals (not "process", "bus", "this").
bool LooksPlural(std::string_view w);

// An adverb in "-ly" ("recently"), not a noun ("family", "monopoly").
bool IsLyAdverb(std::string_view w);
// Words that never head a counted noun: adverbs, prepositions, question
// words and common verb forms ("One analysis found", "one reason why",
// "one even died", "grads overall say").
bool IsNoSingularHead(std::string_view w);
// The part of IsNoSingularHead that is never a noun nor an adjective
// ("why", "among", "found"; not "home", "close", "total").
bool IsNeverANoun(std::string_view w);

// Noun unit: the head of the lowercase noun run after the number, with a
// rate ("sorties a day"). Returns the token after it (t when none).
uint32_t NounUnit(const TokenWindow& win, uint32_t t, Quantity* q);

// "a day", "per share", "every week": tokens matched, 0 when none.
uint32_t PeriodAt(const TokenWindow& win, uint32_t t);

// An age stated without a unit: a pronoun and a form of "be" before the
// number at token i and the clause ending at token t after it ("I was
// 18.", "since he was nine, "), or digits in commas after a name
// ("Aubrey Patterson, 23, said"), or after "aged" / "the age of".
bool StatedAge(const TokenWindow& win, uint32_t i, uint32_t t);

// The lower-case word "age" or "ages" right before token i ("before age
// 16", "voters ages 18 to 29"; not "the Age 2 study", a name).
bool AfterAgeWord(const TokenWindow& win, uint32_t i);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_NOUNS_H_
