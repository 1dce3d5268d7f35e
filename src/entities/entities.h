// Entities: named-entity mentions (PERSON, ORG, LOC, MISC) with the titles
// and roles that come with people, and their grouping into one entity per
// real-world referent within the article (coreference of names).
//
// An EntityTagger owns its model (read-only after Load); Tag() is const and
// safe to call from many threads at once.
#ifndef WHOSAID_SRC_ENTITIES_ENTITIES_H_
#define WHOSAID_SRC_ENTITIES_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

class EntityTagger {
 public:
  // Loads the model files from `model_dir`.
  static Result<std::unique_ptr<EntityTagger>> Load(
      const std::string& model_dir);
  virtual ~EntityTagger() = default;

  // Fills doc->entities and doc->groups. REQUIRES: doc is segmented.
  virtual void Tag(Document* doc) const = 0;

  // Only the statistical NER step: name mentions (no titles, no groups).
  virtual void TagNames(const Document& doc,
                        std::vector<Entity>* entities) const = 0;
};

// The rule steps after NER, exposed for tests and for callers that bring
// their own mentions: trims titles out of PERSON spans and attaches them
// (Entity::title, Entity::appositive), then groups co-referring mentions
// into doc->groups (canonical name, roles, aliases) and sets Entity::group.
// REQUIRES: doc is segmented and doc->entities is sorted by position.
void AttachTitlesAndGroups(Document* doc);

// Resolves each quote's speaker mention ("he", "the general", "Gedney") to
// an entity group and sets speaker_name / speaker_group; same for claim
// sources. REQUIRES: entities tagged, quotes attributed.
void ResolveSpeakers(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_ENTITIES_H_
