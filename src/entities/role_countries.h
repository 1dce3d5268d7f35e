// Role holders told apart by country and office: which person a role
// phrase ("the president", "the Russian president") means when several
// people of the article hold that role. Pure functions of a Document; any
// thread, on a document it owns.
#ifndef WHOSAID_SRC_ENTITIES_ROLE_COUNTRIES_H_
#define WHOSAID_SRC_ENTITIES_ROLE_COUNTRIES_H_

#include <cstdint>
#include <string_view>

#include "whosaid/document.h"

namespace whosaid::speakers {

// The person group a role phrase means among those holding the role `noun`
// (lower case, e.g. "president"), -1 when none holds it. The phrase's words
// before its role token are tokens [qualifier_first, qualifier_last); the
// role token is qualifier_last. A phrase that names a country ("the Russian
// president") takes a holder whose title or appositive names it
// ("Russian President X", "X, the president of Russia,"), never one titled
// for another country only; a phrase that names none ("the president")
// takes a holder titled with just its role and no country ("President Y";
// not "Vice President Z", nor a "foreign minister" for "the prime
// minister") before the others. Among those preferred, and when none is,
// the latest holder named before `begin_byte`, else the first after it
// (for a definite office of at most two words and no country, only a
// preferred one: "the prime minister" is not the Irish one named later).
// A level of government in the phrase ("the county health director") must
// be in a title or appositive of the holder too.
int32_t RoleHolderByCountry(const Document& doc, std::string_view noun,
                            uint32_t begin_byte, uint32_t qualifier_first,
                            uint32_t qualifier_last);

}  // namespace whosaid::speakers

#endif  // WHOSAID_SRC_ENTITIES_ROLE_COUNTRIES_H_
