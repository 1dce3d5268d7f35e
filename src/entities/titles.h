// Titles and appositives attached to person mentions (part of the entities
// stage, after the mention-edge repairs and before the groups are built):
// "Gen." and "the coalition's deputy commander" trimmed from or found next
// to a name and recorded on the Entity. A pure function of the Document it
// is given; any thread, on a document it owns.
#ifndef WHOSAID_SRC_ENTITIES_TITLES_H_
#define WHOSAID_SRC_ENTITIES_TITLES_H_

#include "whosaid/document.h"

namespace whosaid {

// Trims title words out of person names, records the title before a name
// (Entity::title) and a role phrase in apposition (Entity::appositive), and
// drops entities inside a title that are only role words.
void AttachTitles(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_TITLES_H_
