#include "src/entities/entities.h"

namespace whosaid {

void AttachTitlesAndGroups(Document* doc) {}

void ResolveSpeakers(Document* doc) {}

}  // namespace whosaid
