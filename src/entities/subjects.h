// Sentence subjects, for pronoun and group-noun resolution: where a
// sentence's subject starts (after an introductory phrase), its main
// clause's subject, whether its subject is a thing, a place or a plural
// noun phrase for people or bodies that no name covers ("Intelligence
// officials have said", "Supporters and detractors agree": a "they" after
// such a subject stands for it, not for an organisation named further
// back), and which names are only examples in a list. Pure functions over
// a segmented, tagged Document; any thread.
#ifndef WHOSAID_SRC_ENTITIES_SUBJECTS_H_
#define WHOSAID_SRC_ENTITIES_SUBJECTS_H_

#include <cstdint>
#include <string_view>

#include "src/entities/entities.h"

namespace whosaid::speakers {

// A preposition or conjunction that opens an introductory phrase or clause
// ("On Monday, ...", "While ..., ...").
bool IsClauseWord(std::string_view lower);

// The token where the subject of sentence s starts: after opening quote
// marks, a leading conjunction and a short introductory phrase closed by a
// comma.
uint32_t SubjectToken(const Document& doc, uint32_t s);

// The subject of the main clause when sentence s opens with a subordinate
// clause closed by a comma and no pronoun stands there, else UINT32_MAX.
uint32_t MainClauseSubject(const Document& doc, uint32_t s);

// Whether a mention starting at token `tok` is its sentence's subject (at
// the subject token or right after a determiner there).
bool IsSubject(const Document& doc, uint32_t tok);

// Whether sentence s's subject is a singular common noun phrase ("The image
// was made ...") or a place that heads it ("Mexico was ..."): an "it" that
// is not an organisation named before.
bool HasThingSubject(const Document& doc, uint32_t s);
bool HasPlaceSubject(const Document& doc, uint32_t s);

// Whether `lower` is a plural noun for people or bodies ("officials",
// "lawmakers", "plaintiffs", "companies"): a role head plus -s, or one of a
// short list of group nouns.
bool IsPluralPeopleNoun(std::string_view lower);

// The token of the plural people noun that heads the subject of sentence s,
// or UINT32_MAX. The subject starts at `subject_token` (the caller's subject
// finder); the noun must come within a few modifier words of it, before any
// verb-like word or clause punctuation.
uint32_t PluralSubjectHead(const Document& doc, uint32_t s,
                           uint32_t subject_token);

// The head of the last plural subject of a "that" clause in sentence s
// that lies before token `before` ("Craig explained that Detroit residents
// have come to realize ..."), or UINT32_MAX.
uint32_t ClausePluralHead(const Document& doc, uint32_t s, uint32_t before);

// The first token of sentence s's subject when it is two or more people
// ("Justice A dissented, joined by B and C", "A and B argued"): a "they"
// after it means them, not a body named further back. Else UINT32_MAX.
uint32_t PeopleSubject(const Document& doc, uint32_t s);

// Whether the name at `name` is an example in a list that illustrates a
// larger body ("A coalition of news organizations, including the Daily
// Planet and Reuters, ..."): "the group" or "they" after it is the body,
// not the example.
bool IsListedExample(const Document& doc, Span name);

// Whether sentence s opens with an indefinite noun phrase ("A coalition of
// news outlets", "An industry group") and names no body, other than listed
// examples, between its start and token `before`.
bool OpensWithUnnamedBody(const Document& doc, uint32_t s, uint32_t before);

}  // namespace whosaid::speakers

#endif  // WHOSAID_SRC_ENTITIES_SUBJECTS_H_
