#include "src/entities/mentions.h"

#include <algorithm>

#include "src/base/chars.h"
#include "src/entities/lexicon.h"

namespace whosaid::mention {

uint32_t TokenAtOrAfter(const Document& doc, uint32_t byte) {
  // std::upper_bound's steps (the same probes, so the same answer on any
  // input), written so that the compiler selects instead of branching: the
  // branch on a token's end is a coin flip, and the rule stages call this
  // for every mention and title.
  const Token* first = doc.tokens.data();
  size_t len = doc.tokens.size();
  while (len > 0) {
    const size_t half = len >> 1;
    const bool after = first[half].span.end <= byte;
    first = after ? first + half + 1 : first;
    len = after ? len - half - 1 : half;
  }
  return static_cast<uint32_t>(first - doc.tokens.data());
}

void TokenRange(const Document& doc, Span span, uint32_t* first,
                uint32_t* last) {
  *first = TokenAtOrAfter(doc, span.begin);
  uint32_t l = *first;
  while (l < doc.tokens.size() && doc.tokens[l].span.begin < span.end) ++l;
  *last = l;
}

uint32_t SentenceOf(const Document& doc, uint32_t token) {
  auto it = std::upper_bound(
      doc.sentences.begin(), doc.sentences.end(), token,
      [](uint32_t t, const Sentence& s) { return t < s.token_end; });
  if (it == doc.sentences.end()) {
    return doc.sentences.empty() ? 0 : doc.sentences.size() - 1;
  }
  return static_cast<uint32_t>(it - doc.sentences.begin());
}

bool IsWord(const Document& doc, uint32_t i) {
  return doc.tokens[i].kind == TokenKind::kWord;
}

bool IsFunctionWord(std::string_view w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "&";
}

std::string Lower(std::string_view s) { return whosaid::Lowercase(s); }

std::string LowerToken(const Document& doc, uint32_t i) {
  // ASCII lower case; the typographic apostrophe becomes ASCII, so "’s" and
  // "'s" compare equal.
  // Written into the string's own buffer (the result is never longer than
  // the token), then cut to length: no capacity check per byte.
  std::string_view w = doc.TokenText(i);
  std::string out(w.size(), '\0');
  char* o = out.data();
  for (size_t p = 0; p < w.size(); ++p) {
    char c = w[p];
    if (c == '\xE2' && p + 2 < w.size() && w[p + 1] == '\x80' &&
        w[p + 2] == '\x99') {
      *o++ = '\'';
      p += 2;
    } else {
      *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

bool EqualsLower(std::string_view text, std::string_view lower) {
  // Lower() maps each ASCII byte to one byte, so while the text is ASCII
  // its lower-cased prefix is known: the first differing byte decides (most
  // calls test a word against a different one and stop at its first byte).
  for (size_t p = 0; p < text.size(); ++p) {
    const char c = text[p];
    if (static_cast<unsigned char>(c) >= 0x80) {
      return Lower(text) == lower;  // Unicode case folding
    }
    if (p >= lower.size() || AsciiLowerChar(c) != lower[p]) return false;
  }
  return text.size() == lower.size();
}

std::string_view WithoutContraction(std::string_view lower) {
  static constexpr std::string_view kTails[] = {"m", "ve", "d", "ll", "re"};
  for (std::string_view apostrophe : {"'", "\xE2\x80\x99"}) {
    const size_t at = lower.rfind(apostrophe);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view tail = lower.substr(at + apostrophe.size());
    for (std::string_view t : kTails) {
      if (tail == t) return lower.substr(0, at);
    }
  }
  return lower;
}

bool TokenIs(const Document& doc, uint32_t i, std::string_view lower) {
  return EqualsLower(doc.TokenText(i), lower);
}

namespace {

// Each part of a hyphenated word is a role head or modifier, with at least
// one head ("colonel-general").
bool IsRoleCompound(std::string_view w) {
  if (w.find('-') == std::string_view::npos) return false;
  bool head = false;
  size_t p = 0;
  while (p <= w.size()) {
    size_t q = w.find('-', p);
    if (q == std::string_view::npos) q = w.size();
    std::string_view part = w.substr(p, q - p);
    unsigned char lists = lex::ListsOf(part);
    if (lists & lex::kRoleHeadList) {
      head = true;
    } else if (!(lists & lex::kRoleModifierList)) {
      return false;
    }
    p = q + 1;
  }
  return head;
}

}  // namespace

bool IsRoleHeadWord(std::string_view w) {
  return lex::IsRoleHead(w) || IsRoleCompound(w);
}

bool IsTitleWord(std::string_view w) {
  // One lookup for the four lists.
  if (lex::ListsOf(w) & (lex::kRoleHeadList | lex::kRoleModifierList |
                         lex::kHonorificList | lex::kCountryList)) {
    return true;
  }
  return IsRoleCompound(w);
}

std::string NormaliseRole(const Document& doc, uint32_t first, uint32_t last) {
  std::vector<std::string> words;
  bool head = false;
  for (uint32_t i = first; i < last; ++i) {
    std::string w = LowerToken(doc, i);
    if (words.empty() && (lex::IsCountryOrDemonym(w) || lex::IsHonorific(w) ||
                          lex::IsDeterminer(w) || w == "of" || w == "former")) {
      continue;
    }
    if (lex::IsHonorific(w)) continue;
    if (IsRoleHeadWord(w)) head = true;
    words.emplace_back(lex::ExpandAbbreviation(w));
  }
  while (!words.empty() && (words.back() == "of" || words.back() == "the")) {
    words.pop_back();
  }
  if (!head) return "";
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string RoleOfPhrase(const Document& doc, uint32_t first, uint32_t last) {
  // Find the first role head; take the run of role words around it.
  for (uint32_t i = first; i < last && i < first + 10; ++i) {
    std::string w = LowerToken(doc, i);
    if (w == "of" || w == "for" || w == "in" || w == "at" || w == "who") {
      break;
    }
    if (!IsRoleHeadWord(w)) continue;
    uint32_t b = i;
    while (b > first) {
      std::string p = LowerToken(doc, b - 1);
      if (!IsRoleHeadWord(p) && !lex::IsRoleModifier(p)) break;
      --b;
    }
    uint32_t e = i + 1;
    while (e < last) {
      std::string p = LowerToken(doc, e);
      if (!IsRoleHeadWord(p)) break;
      ++e;
    }
    // "President Trump's son-in-law", "the president's spokesman": the role
    // before a possessive is the possessor's; look on after it.
    uint32_t k = e;
    while (k < last && k < e + 3 && doc.tokens[k].capitalized &&
           !IsPossessiveMark(doc, k)) {
      ++k;
    }
    if (k < last && IsPossessiveMark(doc, k)) {
      i = k;
      continue;
    }
    return NormaliseRole(doc, b, e);
  }
  return "";
}

namespace {

// Role nouns that news uses interchangeably for the same person.
std::string_view RoleClass(std::string_view w) {
  if (w == "leader" || w == "chief" || w == "head" || w == "boss") {
    return "leader";
  }
  if (w == "spokesman" || w == "spokeswoman" || w == "spokesperson") {
    return "spokesperson";
  }
  if (w == "ceo" || w == "executive") return "executive";
  if (w == "congressman" || w == "congresswoman" || w == "representative") {
    return "representative";
  }
  if (w == "chairman" || w == "chairwoman" || w == "chairperson" ||
      w == "chair") {
    return "chair";
  }
  return w;
}

}  // namespace

bool RoleMatches(std::string_view role, std::string_view noun) {
  if (role.empty() || noun.empty()) return false;
  std::string_view head = role;
  if (size_t of = role.find(" of "); of != std::string_view::npos) {
    head = role.substr(0, of);
  }
  if (head == noun) return true;
  size_t cut = head.find_last_of(" -");
  std::string_view last =
      cut == std::string_view::npos ? head : head.substr(cut + 1);
  return last == noun || RoleClass(last) == RoleClass(noun);
}

std::string NameText(const Document& doc, Span span) {
  uint32_t first, last;
  TokenRange(doc, span, &first, &last);
  std::string out;
  for (uint32_t i = first; i < last; ++i) {
    std::string lw = LowerToken(doc, i);
    if (lw == "'s" || lw == "'") continue;
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kPunct && lw != "." && lw != "-") continue;
    if (!out.empty() && t.space_before) out += ' ';
    out += doc.TokenText(i);
  }
  return out;
}

bool IsPartyNoun(std::string_view w) {
  return w == "democrat" || w == "republican" || w == "democrats" ||
         w == "republicans";
}

bool IsKinNoun(std::string_view w, lex::Gender* gender) {
  // "brother-in-law" is one token; its plural marks the head
  // ("brothers-in-law").
  constexpr std::string_view kInLaw = "-in-law";
  if (w.size() > kInLaw.size() && w.ends_with(kInLaw)) {
    w.remove_suffix(kInLaw.size());
    if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  }
  struct Kin {
    std::string_view word;
    lex::Gender gender;
  };
  constexpr lex::Gender kF = lex::Gender::kFemale;
  constexpr lex::Gender kM = lex::Gender::kMale;
  constexpr lex::Gender kU = lex::Gender::kUnknown;
  static constexpr Kin kKin[] = {
      {"daughter", kF},      {"son", kM},      {"wife", kF},
      {"husband", kM},       {"mother", kF},   {"father", kM},
      {"sister", kF},        {"brother", kM},  {"widow", kF},
      {"widower", kM},       {"niece", kF},    {"nephew", kM},
      {"granddaughter", kF}, {"grandson", kM}, {"grandmother", kF},
      {"grandfather", kM},   {"aunt", kF},     {"uncle", kM},
      {"stepdaughter", kF},  {"stepson", kM},  {"stepmother", kF},
      {"stepfather", kM},    {"fiancee", kF},  {"fiancé", kM},
      {"fiancée", kF},       {"fiance", kM},   {"spouse", kU},
      {"cousin", kU},        {"sibling", kU},  {"twin", kU}};
  for (const Kin& k : kKin) {
    if (w == k.word) {
      *gender = k.gender;
      return true;
    }
  }
  return false;
}

bool IsRelationNoun(std::string_view w) {
  lex::Gender unused;
  return IsKinNoun(w, &unused) || w == "friend" || w == "colleague" ||
         w == "partner" || w == "parents" || w == "children";
}

namespace {

// One of `nouns`, or its plural in -s ("hosts").
template <size_t N>
bool IsNounOrPluralOf(const std::string_view (&nouns)[N], std::string_view w) {
  for (std::string_view n : nouns) {
    if (w == n) return true;
    if (w.size() == n.size() + 1 && w.back() == 's' && w.starts_with(n)) {
      return true;
    }
  }
  return false;
}

// Singular or plural ("critics", "allies", "parents") of one of `nouns`.
template <size_t N>
bool IsNounOf(const std::string_view (&nouns)[N], std::string_view w) {
  return IsNounOrPluralOf(nouns, w) || w == "allies" || w == "enemies" ||
         w == "families";
}

// Family and friends, and those for and against someone.
// Friends and others close (the family: IsKinNoun), and those for and
// against someone.
constexpr std::string_view kRelationAndSideNouns[] = {
    "friend",    "partner",    "parent",     "children",  "mom",
    "dad",       "relative",   "girlfriend", "boyfriend", "family",
    "colleague", "classmate",  "neighbor",   "neighbour", "critic",
    "accuser",   "opponent",   "detractor",  "rival",     "enemy",
    "supporter", "ally",       "backer",     "defender",  "fan",
    "follower",  "challenger", "admirer",    "victim",    "client",
    "confidant", "associate",  "loyalist",   "donor",     "acquaintance"};

// Those who speak for a person (for an organisation they speak as it: "the
// Pentagon's spokeswoman" is the Pentagon's voice).
constexpr std::string_view kRepresentativeNouns[] = {
    "lawyer",       "attorney",     "counsel",    "spokesman", "spokeswoman",
    "spokesperson", "spokespeople", "aide",       "adviser",   "advisor",
    "assistant",    "staffer",      "biographer", "doctor",    "physician"};

}  // namespace

bool IsOtherPersonNoun(std::string_view w, bool person_possessor) {
  lex::Gender unused;
  const std::string_view singular =
      w.size() > 1 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
  return IsKinNoun(w, &unused) || IsKinNoun(singular, &unused) ||
         IsNounOf(kRelationAndSideNouns, w) ||
         (person_possessor && IsNounOf(kRepresentativeNouns, w));
}

// "Democratic", "Republican", "GOP", "Democrat", "Conservative", "Labour".
static bool IsPartyAdjective(std::string_view w) {
  return w == "democratic" || w == "republican" || w == "gop" ||
         w == "democrat" || w == "conservative" || w == "labour" ||
         w == "liberal" || w == "progressive";
}

bool HeadsOtherPerson(const Document& doc, uint32_t i, uint32_t l,
                      bool person_possessor) {
  // Up to three modifiers: "Romney's top foreign policy advisers".
  for (uint32_t k = 0; k < 4 && i + k < l; ++k) {
    const Token& t = doc.tokens[i + k];
    if (t.kind != TokenKind::kWord) return false;
    std::string w = LowerToken(doc, i + k);
    // A party or a nation may modify them: "Biden's Democratic rivals".
    if (t.capitalized) {
      if (IsPartyAdjective(w) || lex::IsCountryOrDemonym(w)) continue;
      return false;
    }
    if (IsOtherPersonNoun(w, person_possessor)) return true;
    // Modifiers only: "attack on critics" is no one's critics.
    static constexpr std::string_view kNotModifiers[] = {
        "on",   "about", "to",   "in",   "at",    "with", "against",
        "from", "by",    "of",   "for",  "and",   "or",   "the",
        "a",    "an",    "his",  "her",  "their", "its",  "that",
        "who",  "which", "said", "says", "told"};
    for (std::string_view n : kNotModifiers) {
      if (w == n) return false;
    }
  }
  return false;
}

bool IsPossessiveMark(const Document& doc, uint32_t i) {
  if (i >= doc.tokens.size()) return false;
  std::string w = LowerToken(doc, i);  // "’s" reads "'s"
  return w == "'s" || w == "'";
}

namespace {

// The token of the noun whose object is the name at token i ("critics" of
// "critics of (President) Trump"), with the preposition in `prep`; -1 when
// none within the mention starting at token f. A capitalised noun inside a
// sentence is a title or a name ("Founding Partner of Redpoint", "Friends
// of the Earth"), none.
int64_t NounGoverning(const Document& doc, uint32_t i, uint32_t f,
                      std::string* prep) {
  // Back over what may stand between "of" and the name: "the", "former",
  // titles, and the name's earlier words ("of Tony Kim" for "Kim").
  while (i > f) {
    const std::string w = LowerToken(doc, i - 1);
    if (w == "the" || w == "former" || IsTitleWord(w) ||
        (doc.tokens[i - 1].kind == TokenKind::kWord &&
         doc.tokens[i - 1].capitalized && i - 1 > f)) {
      --i;
      continue;
    }
    break;
  }
  if (i < f + 2) return -1;
  *prep = LowerToken(doc, i - 1);
  const uint32_t noun = i - 2;
  if (doc.tokens[noun].capitalized && !doc.sentences.empty() &&
      doc.sentences[SentenceOf(doc, noun)].token_begin != noun) {
    return -1;
  }
  return noun;
}

}  // namespace

bool ObjectOfOtherPerson(const Document& doc, uint32_t i, uint32_t f) {
  std::string prep;
  const int64_t noun = NounGoverning(doc, i, f, &prep);
  if (noun < 0 || (prep != "of" && prep != "to")) return false;
  const std::string w = LowerToken(doc, static_cast<uint32_t>(noun));
  // "People close to the president", "a source close to Ruiz": others,
  // who speak for themselves.
  if (w == "close" && prep == "to") return true;
  return IsOtherPersonNoun(w, /*person_possessor=*/false);
}

bool ObjectOfRepresentative(const Document& doc, uint32_t i, uint32_t f) {
  std::string prep;
  const int64_t noun = NounGoverning(doc, i, f, &prep);
  return noun >= 0 && (prep == "for" || prep == "to") &&
         IsNounOf(kRepresentativeNouns,
                  LowerToken(doc, static_cast<uint32_t>(noun)));
}

bool PossessesOtherPerson(const Document& doc, uint32_t mark, uint32_t l,
                          bool person_possessor) {
  return mark < l && IsPossessiveMark(doc, mark) &&
         HeadsOtherPerson(doc, mark + 1, l, person_possessor);
}

bool IsPossessivePronoun(std::string_view w) {
  return w == "his" || w == "her" || w == "their" || w == "its" || w == "my" ||
         w == "our" || w == "your";
}

bool IsAcronym(std::string_view w) {
  int capitals = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    capitals += c >= 'A' && c <= 'Z';
  }
  return capitals >= 2;
}

bool IsNameParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "de",  "van", "von", "bin",   "bint", "ibn", "al",  "el",
      "da",  "di",  "del", "della", "la",   "le",  "du",  "der",
      "den", "ter", "y",   "dos",   "das",  "do",  "and", "of",
      "zu",  "st.", "wa",  "ben",   "ould", "the", "des", "et"};
  for (std::string_view n : kParticles) {
    if (w == n) return true;
  }
  return false;
}

bool IsOwnVoiceNoun(std::string_view lower) {
  static constexpr std::string_view kNouns[] = {
      "host",      "anchor",     "contributor", "commentator", "columnist",
      "analyst",   "mechanic",   "nurse",       "doctor",      "physician",
      "worker",    "janitor",    "engineer",    "student",     "player",
      "teacher",   "customer",   "user",        "viewer",      "reader",
      "voter",     "fan",        "member",      "professor",   "researcher",
      "scientist", "contractor", "driver",      "pilot",       "patient",
      "guard",     "subscriber", "alumnus",     "alumni",      "graduate",
      "intern",    "volunteer",  "shareholder", "investor",    "economist"};
  return IsNounOrPluralOf(kNouns, lower);
}

}  // namespace whosaid::mention
