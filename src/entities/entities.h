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
// an entity group and sets speaker_name / speaker_group (quotes in text
// order; the previous quote's speaker ranks pronoun candidates); then does
// the same for claims that have a `source` span but no `source_name`.
// Sieves: mention overlaps a named entity -> its group; surname or other
// name word -> the person group holding it; role noun ("the general",
// "the spokesman") -> the person introduced with that role, else the most
// recent one with it; "who" -> the name just before ", who"; "I"/"we" inside
// a quote -> that quote's speaker; he/she/they/it -> candidates in the
// paragraph and the previous sentences, ranked by previous speaker, subject
// position, recency and gender agreement. Unresolved mentions that contain
// a proper name get that name; others keep an empty speaker_name.
// REQUIRES: entities tagged (AttachTitlesAndGroups run), quotes attributed.
void ResolveSpeakers(Document* doc);

// Resolves one mention (a span of doc.text as written: "he", "the
// general", "Gedney", "Gen. Felix Gedney") to an entity group index, or -1.
// `previous_speaker` is the group of the speaker of the quote before the
// mention (-1 if unknown); it ranks pronoun candidates.
int32_t ResolveMention(const Document& doc, Span mention,
                       int32_t previous_speaker = -1);

// Convenience for later stages (claims): the canonical name for `mention`
// ("Felix Gedney" for "the general"), the previous speaker taken from the
// last resolved quote before the mention. Falls back to the proper name
// written in the mention, and returns "" when there is none ("officials").
// Pure function of the Document; safe from any thread.
std::string ResolveMentionName(const Document& doc, Span mention);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_ENTITIES_H_
