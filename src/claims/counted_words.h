// Word lists of the counted-phrase rules (counted_context.cc): verbs of
// level and change, auxiliaries, "-ly" adjectives, names of market indexes,
// nouns in "-ing", adjectives before an amount. Pure functions of a word
// (lower case unless said); safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_COUNTED_WORDS_H_
#define WHOSAID_SRC_CLAIMS_COUNTED_WORDS_H_

#include <string_view>

namespace whosaid::claims {

// Base forms that are also nouns ("a drop", "the decline"): verbs of
// level only after an auxiliary ("wages would increase by 40 percent",
// "is expected to widen").
bool IsBaseLevelVerb(std::string_view w);

// Verbs whose subject is what the number after them measures: "the toll
// rose to 45", "income was $50,421", "the cap reached 110,000".
bool IsLevelVerb(std::string_view w);

// Verbs whose object is what the number after "to"/"by"/"at" measures:
// "cut the ceiling to 18,000", "reduce emissions by 45%".
bool IsChangeVerb(std::string_view w);

// Auxiliaries and adverbs between a subject and its verb: "has now risen",
// "would be", "is expected to reach", "has since fallen".
bool IsAuxOrAdverb(std::string_view w);

// "-ly" words that modify nouns ("average hourly earnings", "the
// elderly population"), not adverbs.
bool IsLyAdjective(std::string_view w);

// Names of market indexes ("the Dow", "the S&P 500", "the Shanghai
// Composite", "Nikkei 225"): a name alone that is a measured level.
bool IsIndexName(std::string_view w);

// Nouns in "-ing" that head noun phrases in the news.
bool IsIngNoun(std::string_view w);

// A participle or gerund by its ending ("earned", "favoring").
bool VerbFormEnding(std::string_view w);

// A capitalised word opening a sentence that is a common noun of
// measured things by its ending or by name ("Unemployment", "Inflation",
// "Sales"), not a name ("Acme").
bool CommonNounOpening(std::string_view w);

// An adjective before an amount ("a massive $38 billion", "a hefty",
// "the planned initial"), by its ending or by name; not a noun ("the
// dossier 100 percent") nor a group ("the top 1%", "the richest 10%").
bool LooksLikeAdjective(std::string_view w);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_COUNTED_WORDS_H_
