// Mention edges and acronyms (part of the entities stage, run first by
// AttachTitlesAndGroups in groups.cc): words that never open or close a
// name are trimmed from the tagger's mentions, and a capitalised run whose
// initials spell the acronym in the parentheses after it becomes one ORG
// mention. Pure functions of the document; any thread may call them on a
// document it owns.
#ifndef WHOSAID_SRC_ENTITIES_MENTION_EDGES_H_
#define WHOSAID_SRC_ENTITIES_MENTION_EDGES_H_

#include "whosaid/document.h"

namespace whosaid {

// A lower-case conjunction or preposition, or punctuation other than a
// period, never opens or closes a name: the tagger's "and Germany", "of
// Charlotte" or "al-Assad --" loses it (an entity left empty is dropped). A
// person's name also ends before a lower-case word inside it ("Okafor on
// Sunday") or a capitalised auxiliary ("Okafor Has Begun").
void TrimEdgeWords(Document* doc);

// A person mention the tagger ran on into a headline ("KAMALA HARRIS TEARS
// INTO", "Rand Paul End Up Saving", "Trump Delays Oklahoma Rally Out Of
// Respect") ends where a person named elsewhere in the article ends: the
// longest of its opening runs of two or more words (or one word before
// three or more) that is another person mention's whole text, in any case,
// when the word after it is one the article also writes in lower case.
void CutNamesRunningOn(Document* doc);

// "Islamic State (IS, formerly ISIS/ISIL)": a capitalised run whose
// initials spell the acronym in the parentheses becomes one ORG entity,
// replacing the entities it overlaps (keeping the label of one with the
// same span).
void AddAcronymOrgs(Document* doc);

// The initials, in capitals, of a name's words (lower case) but "of",
// "and", "the", "for": "FEMA" for "federal emergency management agency".
std::string InitialsOf(const std::vector<std::string>& words);

// "American Center for Law and Justice", which the tagger split at its
// function words into "American Center", "Law" and "Justice": an ORG that
// ends in an institution's noun (center, institute, committee, office, ...)
// and the "for"/"on"/"of" phrase after it become one ORG entity (see
// InstitutionNames in mention_edges.cc for where the phrase stops).
void JoinInstitutionNames(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_MENTION_EDGES_H_
