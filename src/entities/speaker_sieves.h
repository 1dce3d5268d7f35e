// Speaker resolution internals (the entities stage; ResolveSpeakers() in
// speakers.cc drives them): the sieves that map one mention to an entity
// group. Pronouns, "who"/"which" and pronoun candidates live in
// speaker_pronouns.cc; named entities, name words, organisation nouns and
// role nouns ("the general") in speaker_sieves.cc, the person of a role and
// its ties to US states in speaker_roles.cc. All are pure functions
// of the Document plus a SpeakerCache that the caller owns, one per
// document: any thread may call them on a document it owns, but a cache is
// never shared across threads.
#ifndef WHOSAID_SRC_ENTITIES_SPEAKER_SIEVES_H_
#define WHOSAID_SRC_ENTITIES_SPEAKER_SIEVES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "src/entities/lexicon.h"
#include "whosaid/document.h"

namespace whosaid::speakers {

// Previous sentences a pronoun searches (organisation nouns: twice as many).
inline constexpr uint32_t kPronounSentenceWindow = 3;

// "the <role>" (a role head within three tokens after "the") that names a
// known person: the phrase's first role-head token and that person's group.
struct RolePhrase {
  uint32_t the_token;
  uint32_t role_token;
  int32_t group;
  bool quoted;  // "the" is inside some quote's content
};

// What the sieves compute from the entities, groups and quote contents
// alone, which ResolveSpeakers() does not change: filled on first use and
// shared by all mentions of one document. Not shared across threads.
struct SpeakerCache {
  bool phrases_built = false;
  std::vector<RolePhrase> phrases;  // in token order
  std::vector<int8_t> genders;      // per group; -1: not computed yet
  // Lower-cased word of a group's name -> every entity mention whose
  // group's name holds it, in text order: where it starts, its group, and
  // whether the word is the name's last (or one of its acronyms).
  struct NameWordUse {
    uint32_t begin;
    int32_t group;
    bool head;
  };
  bool name_words_built = false;
  std::unordered_map<std::string, std::vector<NameWordUse>> name_words;
  // Quote contents as (begin, end) sorted by begin, with the running maximum
  // of their ends (a span lies inside some content iff the largest end among
  // the contents beginning at or before it reaches its end), and the quotes
  // with a speaker mention ordered by where it begins.
  bool quotes_built = false;
  std::vector<std::pair<uint32_t, uint32_t>> contents;
  std::vector<uint32_t> max_end;
  std::vector<uint32_t> by_speaker;
};

// A person group's gender from its names' first words, honorifics and
// roles (speaker_pronouns.cc); unknown when they disagree or say nothing.
lex::Gender GroupGender(const Document& doc, int32_t group);

// A weekday or a month, also an abbreviated one ("dec."), which the tagger
// or a capitalised run may take for a name ("The WHO on Saturday"): never a
// speaker.
bool IsDayName(std::string_view lower);

// Whether an organisation is the one a statement was given to ("told
// CNN", "in an interview with Fox News", "said on MSNBC"): the outlet, not
// "the company" that spoke.
bool IsAddressee(const Document& doc, Span name);

// The organisation an organisation noun phrase [f, l) (tokens; mention
// span `m`) means: "the company" is the latest organisation named before
// it, within the pronoun window, of a kind the noun allows; -1 when the
// phrase is such a noun but names no one; kNotAnOrgNoun when it is not one
// (the next sieve decides).
inline constexpr int32_t kNotAnOrgNoun = -2;
int32_t ResolveOrgNoun(const Document& doc, Span m, uint32_t f, uint32_t l);

// Whether a group's name is a law's or a document's ("Affordable Care Act",
// "First Amendment", "Paris Agreement"): it says nothing, so it is no
// speaker for "it", "they" or "the group".
bool IsLawName(std::string_view canonical);

// The entity overlapping token i, or null (entities are sorted and do not
// overlap one another).
const Entity* EntityAtToken(const Document& doc, uint32_t i);

// Whether token i of mention `m` lies in a place or other name that only
// modifies a noun after it ("U.S." of "U.S. intelligence agencies"; see
// mention::ModifiesALaterNoun): no name of the speaker.
bool InModifierName(const Document& doc, Span m, uint32_t i);

// Whether token i of mention `m` lies in a place (a LOC entity) after a
// common noun and a preposition of place ("Las Vegas" in "Federal
// prosecutors in Las Vegas", "Illinois" in "a realtor in Northbrook,
// Illinois"): where the speakers are, not who they are.
bool InPlaceAfterNoun(const Document& doc, Span m, uint32_t i);

// The one PERSON group whose name ends with the single-word mention `e`
// and starts with a known first name ("German" tagged as a demonym when the
// article quotes Michael German), or -1 when none or several.
int32_t PersonWithSurname(const Document& doc, const Entity& e);

// A he/she/they/it mention starting at `first_token` -> the best person (or
// organisation) candidate before it, or -1.
int32_t ResolvePronoun(const Document& doc, uint32_t first_token,
                       lex::PronounKind kind, int32_t previous_speaker,
                       SpeakerCache* cache);

// "X, who said ...", "Google, which said ...": the entity ending just
// before ", who" / ", which".
int32_t ResolveRelative(const Document& doc, uint32_t first_token);

// The most recent person group with a role named by `noun`. With `state`
// (a US state index, see us_states.h; -1: none) only a person whose
// mentions tie them to that state counts ("the Vermont senator": a party
// tag "(D-Vt.)", "of Vermont", "Vermont Sen. X", "X, a Vermont Democrat");
// without one, the latest person of that role tied to no state; people tied
// to other states never (-1 when only they have the role: no name rather
// than a wrong one). With a state, the party nouns
// "democrat" and "republican" match anyone tied to it whose tie names no
// other party ("the Vermont Democrat").
//
// Without a state, RoleHolderByCountry (role_countries.h) decides between
// holders of the role ("the president" is not "Vice President X", "the
// Russian president" is the one titled for Russia); the phrase's words
// before its role token are tokens [qualifier_first, qualifier_last).
int32_t ResolveRole(const Document& doc, std::string_view noun,
                    uint32_t begin_byte, int state = -1,
                    uint32_t qualifier_first = 0, uint32_t qualifier_last = 0);

// The US state named in full by tokens [first, last) of a role phrase
// ("the Vermont senator", "the New York congresswoman"), or -1.
int StateInPhrase(const Document& doc, uint32_t first, uint32_t last);

// The group of the last entity mention before `begin_byte` whose group's
// name holds `word` ("gedney" -> "Felix Gedney"), else of the first one
// after; -1 when none. Looked up in an index the cache builds once.
int32_t ResolveNameWord(const Document& doc, const std::string& word,
                        uint32_t begin_byte, SpeakerCache* cache);

// ResolveMention() with the document's cache (nullptr: a local one), the
// sieves in order: named entity, pronoun, name word, organisation noun,
// role noun.
int32_t ResolveMentionWith(const Document& doc, Span m,
                           int32_t previous_speaker, SpeakerCache* cache);

}  // namespace whosaid::speakers

#endif  // WHOSAID_SRC_ENTITIES_SPEAKER_SIEVES_H_
