// Lexicon: small hand-written word lists used by the entity tagger, the
// title/role rules and speaker resolution (titles and roles, demonyms and
// countries, pronouns, gendered first names). All lookups take an ASCII
// lower-cased word; the tables are immutable constants, so every function is
// safe from any thread.
#ifndef WHOSAID_SRC_ENTITIES_LEXICON_H_
#define WHOSAID_SRC_ENTITIES_LEXICON_H_

#include <string_view>
#include <vector>

namespace whosaid::lex {

// A word that names a role or title and can head one ("president",
// "minister", "general", "spokesman", "gen."). Hyphenated titles are checked
// part by part by the caller ("colonel-general").
bool IsRoleHead(std::string_view lower);
// A word that modifies a role ("foreign", "deputy", "vice", "defense",
// "chief", "staff", "general" as in "Chief of General Staff").
bool IsRoleModifier(std::string_view lower);
// A courtesy title that is not a role ("mr.", "mrs.", "ms.", "dr.", "sir").
bool IsHonorific(std::string_view lower);
// Returns the full role word for a title abbreviation ("gen." -> "general",
// "sen" -> "senator"), or the input when it is not one.
std::string_view ExpandAbbreviation(std::string_view lower);
// Country names, short forms ("us", "uk") and demonyms ("french").
bool IsCountryOrDemonym(std::string_view lower);
// Words that end an organisation name ("inc.", "party", "ministry").
bool IsOrgWord(std::string_view lower);

enum class Gender : unsigned char { kUnknown, kMale, kFemale };
// Gender suggested by an honorific ("mr." -> male) or a common first name.
Gender GenderOfWord(std::string_view lower);

enum class PronounKind : unsigned char {
  kNone,
  kMale,      // he him his himself
  kFemale,    // she her hers herself
  kPlural,    // they them their
  kNeuter,    // it its
  kFirst,     // i me my we us our
  kRelative,  // who whom which
};
PronounKind PronounOf(std::string_view lower);

// The lists above that hold `lower`, as bits, in one lookup (for callers
// that test several lists on the same word).
enum ListBits : unsigned char {
  kRoleHeadList = 1,
  kRoleModifierList = 2,
  kHonorificList = 4,
  kCountryList = 8,
  kOrgWordList = 16,
};
unsigned char ListsOf(std::string_view lower);

// Words the tagger marks with lexicon bits: role heads (bit 0), countries and
// demonyms (1), honorifics (2), organisation words (3), male (4) and female
// (5) first names or honorifics. Each call returns the same list.
struct TaggedWord {
  std::string_view word;
  unsigned char bits;
};
std::vector<TaggedWord> TaggerLexicon();

// "the", "a", "an", "this", "that", "his", "her", "its", "their".
bool IsDeterminer(std::string_view lower);

}  // namespace whosaid::lex

#endif  // WHOSAID_SRC_ENTITIES_LEXICON_H_
