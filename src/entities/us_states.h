// US states: full names and the two abbreviation styles news uses for them
// (AP "Vt.", "N.Y."; postal "VT", "NY"), for role phrases that carry a
// state ("the Vermont senator") and the party-state tags that tie a person
// to one ("Sen. Ana Ruiz (D-Vt.)"). The table is an immutable constant:
// every function is safe from any thread.
#ifndef WHOSAID_SRC_ENTITIES_US_STATES_H_
#define WHOSAID_SRC_ENTITIES_US_STATES_H_

#include <string_view>

namespace whosaid::lex {

// Index of the state whose full name is `lower` (ASCII lower case, words
// separated by one space: "vermont", "new york"), or -1.
int UsStateOfName(std::string_view lower);

// Index of the state written `text` as it appears (case matters: "Vt.",
// "VT" and "Vermont" are Vermont, "vt" is nothing) in AP style, postal
// style or in full, or -1. Only for places where an abbreviation is
// expected, such as the tag after "D-".
int UsStateOfAbbreviation(std::string_view text);

// Whether `text` reads as a party-and-state tag: "D-Ga.", "R-Texas",
// "I-Vt.", "D-N.Y." (a party letter, a hyphen, a capital).
bool IsPartyStateTag(std::string_view text);

}  // namespace whosaid::lex

#endif  // WHOSAID_SRC_ENTITIES_US_STATES_H_
