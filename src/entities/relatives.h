// Relatives: a person the article introduces by a kinship relation to
// someone else ("his daughter, Ruth Hale", "First lady Mara Quill", "Lena
// Hale, the senator's daughter-in-law"). News introduces a relative that way
// and then calls the principal by the bare surname, so BuildGroups does not
// give a bare or titled surname ("Hale", "President Hale") to such a person
// unless an honorific of the relative's gender names them ("Ms. Hale").
// Pure functions of the document; any thread may call them on a document it
// owns.
#ifndef WHOSAID_SRC_ENTITIES_RELATIVES_H_
#define WHOSAID_SRC_ENTITIES_RELATIVES_H_

#include <string_view>

#include "src/entities/lexicon.h"
#include "whosaid/document.h"

namespace whosaid {

// True when person mention `e` is introduced as someone's relative: a kin
// noun after a possessive right before it ("his wife, Jill Hale", "the
// mayor's son Eric Hale", "First daughter Ivy Hale", the title included),
// or opening its appositive ("Lena Hale, the senator's daughter-in-law";
// "Ray Hale, son of ..."). *gender receives the kin noun's gender.
bool IntroducedAsRelative(const Document& doc, const Entity& e,
                          lex::Gender* gender);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_RELATIVES_H_
