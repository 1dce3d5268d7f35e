// Dash attributions: a paragraph that is a quotation followed by a dash and
// the speaker's name ("“We will fight.” — Ana Ruiz, a council member"), the
// form of pull quotes, reader reactions and epigraphs. No report verb is
// written: the dash is the cue. The first 37,554 AllSides articles hold 672
// such lines in 329 articles; PolNeAR train has none, PolNeAR dev one
// article with 24 (annotated with the dash as cue and the name as source).
//
// FindDashQuotes only finds the form; the Attributor decides whether a
// relation it found itself takes precedence. Pure functions; safe from any
// thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_DASH_QUOTES_H_
#define WHOSAID_SRC_ATTRIBUTION_DASH_QUOTES_H_

#include <vector>

#include "src/attribution/colon_quotes.h"
#include "src/attribution/model.h"

namespace whosaid::attribution {

// Replaces *out with the document's dash attributions, in text order: the
// quotation opens its paragraph (a double quote mark of either direction:
// scraped text often turns the opening one), closes right before a dash
// ("—", "―", "–", "-"), and the dash is followed by capitalised name words
// (titles and initials included; "de", "van", "al" inside), then the end
// of the paragraph, a full stop ending it, or a comma and a role ("— Ana
// Ruiz, a council member"). The quotation has at least `min_words` words;
// the name at most `max_name_tokens` tokens.
void FindDashQuotes(const DocView& v, int min_words, int max_name_tokens,
                    std::vector<ColonQuote>* out);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_DASH_QUOTES_H_
