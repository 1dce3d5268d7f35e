// Mention helpers shared by the title/grouping rules (groups.cc) and speaker
// resolution (speakers.cc): token lookup by byte offset, lower-cased token
// text, role-word tests and role normalisation. Pure functions of their
// arguments; safe from any thread.
#ifndef WHOSAID_SRC_ENTITIES_MENTIONS_H_
#define WHOSAID_SRC_ENTITIES_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/entities/lexicon.h"
#include "whosaid/document.h"

namespace whosaid::mention {

// Index of the first token whose span ends after `byte` (tokens.size() if
// none): the token containing `byte` or the next one.
uint32_t TokenAtOrAfter(const Document& doc, uint32_t byte);
// Tokens [first, last) covered by `span` (may be empty).
void TokenRange(const Document& doc, Span span, uint32_t* first,
                uint32_t* last);
// Index of the sentence holding token i.
uint32_t SentenceOf(const Document& doc, uint32_t token);

// True if token i is a word (not a number, punctuation or a quote mark).
bool IsWord(const Document& doc, uint32_t i);
// "of", "and", "the", "for", "&": words inside names that start none.
bool IsFunctionWord(std::string_view w);
std::string Lower(std::string_view s);
std::string LowerToken(const Document& doc, uint32_t i);
// True if `text` lower-cased as Lower() does equals `lower`, without
// building a string when `text` is ASCII.
bool EqualsLower(std::string_view text, std::string_view lower);
// True if token i, lower-cased, equals `lower` (no allocation; for scans
// over every token).
bool TokenIs(const Document& doc, uint32_t i, std::string_view lower);
// `lower` without a contraction after an apostrophe (' or ’): "i" for
// "i’m" and "i've", "he" for "he'd", "they" for "they’re"; `lower` itself
// when it has none. Possessive "'s" stays ("trump's").
std::string_view WithoutContraction(std::string_view lower);

// A role word: a role head, or each part of a hyphenated word is a role
// head or modifier with at least one head ("colonel-general").
bool IsRoleHeadWord(std::string_view lower);
// A word allowed inside a title before a name: role heads and modifiers,
// honorifics, countries and demonyms.
bool IsTitleWord(std::string_view lower);

// Normalised role of title tokens [first, last): lower case, abbreviations
// expanded, countries/demonyms/honorifics/determiners dropped at the start
// ("French Foreign Minister" -> "foreign minister", "Gen." -> "general").
// Empty when no role head is present.
std::string NormaliseRole(const Document& doc, uint32_t first, uint32_t last);
// Role named by a descriptive noun phrase ("the coalition's deputy commander
// for strategy" -> "deputy commander", "a retired general" -> "general").
std::string RoleOfPhrase(const Document& doc, uint32_t first, uint32_t last);
// True if `role` is named by the noun `noun` ("deputy commander" matches
// "commander", "colonel-general" matches "general").
bool RoleMatches(std::string_view role, std::string_view noun);

// A kinship noun ("daughter", "husband", "widow", "stepson") and the
// gender it gives, in *gender (unknown for "spouse", "cousin").
bool IsKinNoun(std::string_view lower, lex::Gender* gender);

// A noun naming a relation between people (a kinship noun, "friend",
// "colleague", "partner"): "his wife" or "Ruiz's son" is someone else than
// the possessor.
bool IsRelationNoun(std::string_view lower);

// A noun for a person other than its possessor: relatives and friends,
// critics and supporters ("Hale's father", "Trump's critics", "its
// allies"), and, when the possessor is a person, those who speak for them
// ("her lawyer", "his spokesman"). Singular or plural.
bool IsOtherPersonNoun(std::string_view lower, bool person_possessor);

// True when tokens [i, l) open with at most two plain lower-case words and
// then an other-person noun ("longtime lawyer", "critics"): what a
// possessor before token i possesses is someone else.
bool HeadsOtherPerson(const Document& doc, uint32_t i, uint32_t l,
                      bool person_possessor);

// True if the name at token i, inside a mention starting at token f, is
// the object of a noun for other people: "critics of (President) Trump",
// "friends of Kavanaugh", "allies to Ms. Hale". Those people speak, not
// the name.
bool ObjectOfOtherPerson(const Document& doc, uint32_t i, uint32_t f);
// Likewise for those who speak for someone: "a lawyer for Trump", "an aide
// to Ms. Hale" (the caller prefers the representative when the mention
// names them: "a lawyer for Trump, Daniel Petrocelli,").
bool ObjectOfRepresentative(const Document& doc, uint32_t i, uint32_t f);

// True when token i is a possessive marker ("'s", "’s", or "'" after a
// name in -s).
bool IsPossessiveMark(const Document& doc, uint32_t i);
// True when token `mark` (before `l`) is a possessive marker and what it
// possesses is someone else (HeadsOtherPerson of the tokens after it, up to
// `l`): the name before "'s lawyers" is not the speaker's.
bool PossessesOtherPerson(const Document& doc, uint32_t mark, uint32_t l,
                          bool person_possessor);
// "his", "her", "their", "its", "my", "our", "your" (lower case).
bool IsPossessivePronoun(std::string_view lower);
// Lower-case words inside names: "van", "de", "al", "bin", "and", "of".
bool IsNameParticle(std::string_view word);

// Whether a word is an acronym: two or more capital letters and no
// lower-case one ("DOJ", "U.S.", "GOP").
bool IsAcronym(std::string_view word);

// "democrat(s)", "republican(s)": after a place, the person or people of
// that party ("the Ohio Republican"), not the party itself.
bool IsPartyNoun(std::string_view lower);

// The name part of a person mention: token texts joined by spaces, with
// possessive "'s" dropped ("Gedney's" -> "Gedney").
std::string NameText(const Document& doc, Span span);

// True if the entity at `it` is not the head of mention `m` but modifies a
// person named after it in the mention: a possessive ("Trump's son Don
// Jr.", "Mrs Clinton's top political adviser, John Podesta") or a name
// before role words ("Trump spokeswoman Hope Hicks", "Biden campaign
// spokesman TJ Ducklo"). A possessive with no person after it ("Thune's
// office") still names whom the speaker speaks for.
bool ModifiesALaterPerson(const Document& doc,
                          std::vector<Entity>::const_iterator it,
                          std::vector<Entity>::const_iterator end, Span m);

// People an organisation employs or serves who speak for themselves, not
// for it ("host", "mechanic", "users"; singular or plural).
bool IsOwnVoiceNoun(std::string_view lower);

// True if a place or an adjectival name (a demonym, "Democratic",
// "Obama-era"; by its group's label, neither person nor organisation) `e`
// is not the head of mention `m` but modifies a common noun after it:
// "U.S." of "U.S. intelligence agencies", "Democratic" of "Democratic
// lawmakers". Such
// a name is not who speaks. A possessive ("Russia's envoy"), a name ending
// the mention, or one followed by a preposition, conjunction, determiner or
// adverbial ("China on Monday", "Iran this week") is not such a modifier.
bool ModifiesALaterNoun(const Document& doc, const Entity& e, Span m);

// If a place or an adjectival name `e` (by its group's label, neither
// person nor organisation) opens a longer capitalised name that the tagger
// cut short and that runs to the end of mention `m` ("Atlanta" of "the
// Atlanta Journal-Constitution", "New York" of "New York State Police"),
// the token past that name; else 0. The run is capitalised words (and
// hyphens inside them) right after `e`, none a role head, honorific
// ("Texas Gov. Ana Ruiz"), party noun or pronoun, no person among them,
// no entity starts right after `e`, and no comma comes before `e` in the
// mention. Such a name is not the speaker's; the whole run is.
uint32_t LongerNameEnd(const Document& doc, const Entity& e, Span m);

}  // namespace whosaid::mention

#endif  // WHOSAID_SRC_ENTITIES_MENTIONS_H_
