// Tokenizer: splits clean text into Tokens with byte spans.
//
// Rules (news English): whitespace chunks, then quote marks, brackets,
// dashes, commas and final periods are split off; abbreviations ("Mr.",
// "U.S.", initials), numbers ("1,000", "3.5", "60-70"), hyphenated compounds,
// URLs, e-mail addresses and @handles stay whole; a possessive 's is its own
// token. Pure function; safe from any thread.
#ifndef WHOSAID_SRC_SEGMENT_TOKENIZER_H_
#define WHOSAID_SRC_SEGMENT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "whosaid/document.h"

namespace whosaid {

// Appends the tokens of `text` to `tokens`; offsets are bytes into `text`.
void Tokenize(std::string_view text, std::vector<Token>* tokens);

// True if the lowercase word `w` (without its final period) is a known
// abbreviation that takes a period ("mr", "gen", "jan", "inc").
bool IsAbbreviation(std::string_view lower_word);

// True for abbreviations that (almost) always precede a name: "Mr.", "Gen.".
bool IsNameTitleAbbreviation(std::string_view lower_word);

}  // namespace whosaid

#endif  // WHOSAID_SRC_SEGMENT_TOKENIZER_H_
