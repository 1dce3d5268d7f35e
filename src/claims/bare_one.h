// The bare word "one" ("one soldier", "said one aide", "the one who"):
// whether it counts something or is a pronoun, an idiom or the article
// "a". Split from exclusions.cc, which calls it. Pure functions of the
// token window; safe from any thread.
#ifndef WHOSAID_SRC_CLAIMS_BARE_ONE_H_
#define WHOSAID_SRC_CLAIMS_BARE_ONE_H_

#include "src/claims/quantity.h"
#include "src/claims/token_window.h"

namespace whosaid::claims {

// True when `q`, the word "one" (or "1") without a lexical unit and not a
// range, states no quantity: a pronoun ("no one", "the one who", "one
// another"), an idiom ("at one point", "on the one hand"), one of a pair
// ("one side ... the other"), or the article "a" ("one man said", "said
// one GOP aide", "One NASA study had planes fly") unless a bound, "only",
// a negation or a parallel count marks it as a count.
bool BareOneExcluded(const TokenWindow& win, const Quantity& q);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_BARE_ONE_H_
