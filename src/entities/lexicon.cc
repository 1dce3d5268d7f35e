#include "src/entities/lexicon.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace whosaid::lex {

const std::vector<std::pair<std::string_view, Gender>>& CountedFirstNames() {
  using G = Gender;
  static const auto* v = new std::vector<std::pair<std::string_view, Gender>>{
#include "src/entities/first_names.inc"
  };
  return *v;
}

namespace {

using Set = std::unordered_set<std::string_view>;

const Set& RoleHeads() {
  static const Set* s = new Set{"president",
                                "president-elect",
                                "vice-president",
                                "premier",
                                "chancellor",
                                "minister",
                                "secretary",
                                "general",
                                "gen.",
                                "gen",
                                "colonel",
                                "col.",
                                "lieutenant",
                                "lt.",
                                "major",
                                "maj.",
                                "captain",
                                "capt.",
                                "admiral",
                                "adm.",
                                "sergeant",
                                "sgt.",
                                "commander",
                                "cmdr.",
                                "brigadier",
                                "marshal",
                                "corporal",
                                "private",
                                "officer",
                                "chief",
                                "chairman",
                                "chairwoman",
                                "chairperson",
                                "chair",
                                "director",
                                "senator",
                                "sen.",
                                "sen",
                                "representative",
                                "rep.",
                                "rep",
                                "congressman",
                                "congresswoman",
                                "governor",
                                "gov.",
                                "gov",
                                "mayor",
                                "judge",
                                "justice",
                                "ambassador",
                                "envoy",
                                "spokesman",
                                "spokeswoman",
                                "spokesperson",
                                "king",
                                "queen",
                                "prince",
                                "princess",
                                "pope",
                                "cardinal",
                                "bishop",
                                "archbishop",
                                "rev.",
                                "reverend",
                                "sheikh",
                                "emir",
                                "sultan",
                                "ayatollah",
                                "rabbi",
                                "imam",
                                "speaker",
                                "leader",
                                "ceo",
                                "coach",
                                "manager",
                                "commissioner",
                                "inspector",
                                "prosecutor",
                                "attorney",
                                "lawyer",
                                "candidate",
                                "nominee",
                                "lawmaker",
                                "official",
                                "spokesmen",
                                "analyst",
                                "economist",
                                "professor",
                                "prof.",
                                "pres.",
                                "mp",
                                "mep",
                                "head",
                                "executive",
                                "founder",
                                "president's",
                                "aide",
                                "adviser",
                                "advisor",
                                "diplomat",
                                "negotiator",
                                "mediator",
                                "strategist",
                                "deputy",
                                "chief-of-staff",
                                "sheriff",
                                "superintendent",
                                "supt.",
                                "treasurer",
                                "comptroller",
                                "auditor",
                                "administrator",
                                "editor",
                                "researcher",
                                "scientist",
                                "expert",
                                "owner",
                                "boss",
                                "dictator",
                                "monarch",
                                "ruler",
                                "cmdr",
                                "commissar",
                                "consul",
                                "counsel",
                                "councillor",
                                "councilman",
                                "councilwoman",
                                "delegate",
                                "general-secretary",
                                "secretary-general"};
  return *s;
}

const Set& RoleModifiers() {
  static const Set* s =
      new Set{"foreign",        "defense",     "defence",     "interior",
              "finance",        "prime",       "deputy",      "vice",
              "assistant",      "acting",      "chief",       "staff",
              "general",        "state",       "home",        "health",
              "energy",         "trade",       "economy",     "economic",
              "justice",        "education",   "labor",       "labour",
              "army",           "armed",       "forces",      "national",
              "security",       "senior",      "junior",      "first",
              "lieutenant",     "major",       "attorney",    "press",
              "executive",      "white",       "house",       "top",
              "military",       "regional",    "federal",     "supreme",
              "high",           "police",      "joint",       "agriculture",
              "transport",      "treasury",    "homeland",    "intelligence",
              "information",    "culture",     "environment", "minority",
              "majority",       "house",       "senate",      "party",
              "opposition",     "former",      "ex",          "air",
              "naval",          "navy",        "marine",      "field",
              "commanding",     "managing",    "special",     "presidential",
              "communications", "development", "budget"};
  return *s;
}

const Set& Honorifics() {
  static const Set* s = new Set{
      "mr.",  "mrs.", "ms.",  "mr",   "mrs",     "ms",    "dr.", "dr",  "sir",
      "dame", "lord", "lady", "miss", "messrs.", "madam", "mme", "mme."};
  return *s;
}

const std::unordered_map<std::string_view, std::string_view>& Abbrevs() {
  static const auto* m =
      new std::unordered_map<std::string_view, std::string_view>{
          {"gen.", "general"},        {"gen", "general"},
          {"sen.", "senator"},        {"sen", "senator"},
          {"rep.", "representative"}, {"rep", "representative"},
          {"gov.", "governor"},       {"gov", "governor"},
          {"lt.", "lieutenant"},      {"col.", "colonel"},
          {"capt.", "captain"},       {"maj.", "major"},
          {"adm.", "admiral"},        {"sgt.", "sergeant"},
          {"cmdr.", "commander"},     {"cmdr", "commander"},
          {"pres.", "president"},     {"prof.", "professor"},
          {"rev.", "reverend"},       {"supt.", "superintendent"},
          {"gens.", "general"},       {"sens.", "senator"},
          {"reps.", "representative"}};
  return *m;
}

const Set& Countries() {
  static const Set* s = new Set{
      "us",         "u.s.",        "usa",         "u.s.a.",      "america",
      "american",   "americans",   "uk",          "u.k.",        "britain",
      "british",    "england",     "english",     "scotland",    "scottish",
      "wales",      "welsh",       "ireland",     "irish",       "france",
      "french",     "germany",     "german",      "italy",       "italian",
      "spain",      "spanish",     "portugal",    "portuguese",  "russia",
      "russian",    "russians",    "ukraine",     "ukrainian",   "china",
      "chinese",    "japan",       "japanese",    "korea",       "korean",
      "india",      "indian",      "pakistan",    "pakistani",   "iran",
      "iranian",    "iraq",        "iraqi",       "syria",       "syrian",
      "israel",     "israeli",     "palestinian", "turkey",      "turkish",
      "egypt",      "egyptian",    "saudi",       "arabia",      "jordan",
      "jordanian",  "lebanon",     "lebanese",    "afghanistan", "afghan",
      "canada",     "canadian",    "mexico",      "mexican",     "brazil",
      "brazilian",  "argentina",   "argentine",   "australia",   "australian",
      "zealand",    "poland",      "polish",      "netherlands", "dutch",
      "belgium",    "belgian",     "sweden",      "swedish",     "norway",
      "norwegian",  "denmark",     "danish",      "finland",     "finnish",
      "greece",     "greek",       "austria",     "austrian",    "switzerland",
      "swiss",      "hungary",     "hungarian",   "czech",       "romania",
      "romanian",   "bulgaria",    "bulgarian",   "serbia",      "serbian",
      "croatia",    "croatian",    "bosnia",      "bosnian",     "belarus",
      "belarusian", "georgia",     "georgian",    "armenia",     "armenian",
      "azerbaijan", "kazakhstan",  "cuba",        "cuban",       "venezuela",
      "venezuelan", "colombia",    "colombian",   "chile",       "chilean",
      "peru",       "peruvian",    "nigeria",     "nigerian",    "kenya",
      "kenyan",     "ethiopia",    "ethiopian",   "libya",       "libyan",
      "yemen",      "yemeni",      "qatar",       "qatari",      "emirates",
      "vietnam",    "vietnamese",  "thailand",    "thai",        "indonesia",
      "indonesian", "philippines", "filipino",    "malaysia",    "malaysian",
      "singapore",  "taiwan",      "taiwanese",   "european",    "arab",
      "african",    "asian",       "nato",        "un",          "u.n.",
      "eu",         "soviet",      "kurdish",     "sudan",       "sudanese",
      "somalia",    "somali",      "algeria",     "algerian",    "morocco",
      "moroccan",   "tunisia",     "tunisian",    "estonia",     "latvia",
      "lithuania",  "slovakia",    "slovenia",    "moldova",     "albania",
      "kosovo",     "bahrain",     "kuwait",      "oman",        "south",
      "north"};
  return *s;
}

const Set& OrgWords() {
  static const Set* s = new Set{"inc.",         "inc",           "corp.",
                                "corp",         "co.",           "ltd",
                                "ltd.",         "plc",           "llc",
                                "ag",           "gmbh",          "s.a.",
                                "group",        "party",         "ministry",
                                "department",   "agency",        "council",
                                "committee",    "commission",    "bank",
                                "university",   "association",   "union",
                                "institute",    "foundation",    "company",
                                "corporation",  "office",        "army",
                                "forces",       "court",         "parliament",
                                "assembly",     "club",          "federation",
                                "organisation", "organization",  "news",
                                "times",        "post",          "fund",
                                "board",        "authority",     "service",
                                "airlines",     "airways",       "motors",
                                "holdings",     "international", "fc",
                                "united",       "city",          "county",
                                "state",        "senate",        "house",
                                "congress"};
  return *s;
}

const std::unordered_map<std::string_view, Gender>& Genders() {
  using G = Gender;
  static const auto* m = new std::unordered_map<std::string_view, Gender>{
      {"mr.", G::kMale},
      {"mr", G::kMale},
      {"sir", G::kMale},
      {"lord", G::kMale},
      {"king", G::kMale},
      {"prince", G::kMale},
      {"mrs.", G::kFemale},
      {"mrs", G::kFemale},
      {"ms.", G::kFemale},
      {"ms", G::kFemale},
      {"miss", G::kFemale},
      {"dame", G::kFemale},
      {"lady", G::kFemale},
      {"queen", G::kFemale},
      {"princess", G::kFemale},
      {"madam", G::kFemale},
      {"spokeswoman", G::kFemale},
      {"congresswoman", G::kFemale},
      {"chairwoman", G::kFemale},
      {"spokesman", G::kMale},
      {"congressman", G::kMale},
      {"chairman", G::kMale},
      // Common first names (hand list).
      {"john", G::kMale},
      {"james", G::kMale},
      {"robert", G::kMale},
      {"michael", G::kMale},
      {"william", G::kMale},
      {"david", G::kMale},
      {"richard", G::kMale},
      {"joseph", G::kMale},
      {"thomas", G::kMale},
      {"charles", G::kMale},
      {"daniel", G::kMale},
      {"matthew", G::kMale},
      {"mark", G::kMale},
      {"donald", G::kMale},
      {"paul", G::kMale},
      {"steven", G::kMale},
      {"andrew", G::kMale},
      {"kenneth", G::kMale},
      {"george", G::kMale},
      {"joshua", G::kMale},
      {"kevin", G::kMale},
      {"brian", G::kMale},
      {"edward", G::kMale},
      {"ronald", G::kMale},
      {"timothy", G::kMale},
      {"jason", G::kMale},
      {"jeffrey", G::kMale},
      {"ryan", G::kMale},
      {"jacob", G::kMale},
      {"gary", G::kMale},
      {"nicholas", G::kMale},
      {"eric", G::kMale},
      {"stephen", G::kMale},
      {"jonathan", G::kMale},
      {"larry", G::kMale},
      {"justin", G::kMale},
      {"scott", G::kMale},
      {"frank", G::kMale},
      {"peter", G::kMale},
      {"samuel", G::kMale},
      {"benjamin", G::kMale},
      {"patrick", G::kMale},
      {"jack", G::kMale},
      {"dennis", G::kMale},
      {"jerry", G::kMale},
      {"alexander", G::kMale},
      {"tyler", G::kMale},
      {"henry", G::kMale},
      {"carl", G::kMale},
      {"arthur", G::kMale},
      {"ted", G::kMale},
      {"mike", G::kMale},
      {"joe", G::kMale},
      {"bill", G::kMale},
      {"barack", G::kMale},
      {"bernie", G::kMale},
      {"mitch", G::kMale},
      {"vladimir", G::kMale},
      {"sergey", G::kMale},
      {"sergei", G::kMale},
      {"valery", G::kMale},
      {"dmitry", G::kMale},
      {"ivan", G::kMale},
      {"igor", G::kMale},
      {"alexei", G::kMale},
      {"nikolai", G::kMale},
      {"felix", G::kMale},
      {"jean", G::kMale},
      {"pierre", G::kMale},
      {"francois", G::kMale},
      {"emmanuel", G::kMale},
      {"hans", G::kMale},
      {"klaus", G::kMale},
      {"juan", G::kMale},
      {"carlos", G::kMale},
      {"jose", G::kMale},
      {"luis", G::kMale},
      {"ahmed", G::kMale},
      {"mohammed", G::kMale},
      {"muhammad", G::kMale},
      {"ali", G::kMale},
      {"hassan", G::kMale},
      {"omar", G::kMale},
      {"tom", G::kMale},
      {"jim", G::kMale},
      {"bob", G::kMale},
      {"chris", G::kMale},
      {"tony", G::kMale},
      {"martin", G::kMale},
      {"simon", G::kMale},
      {"boris", G::kMale},
      {"rex", G::kMale},
      {"jeff", G::kMale},
      {"mary", G::kFemale},
      {"patricia", G::kFemale},
      {"jennifer", G::kFemale},
      {"linda", G::kFemale},
      {"elizabeth", G::kFemale},
      {"barbara", G::kFemale},
      {"susan", G::kFemale},
      {"jessica", G::kFemale},
      {"sarah", G::kFemale},
      {"karen", G::kFemale},
      {"nancy", G::kFemale},
      {"lisa", G::kFemale},
      {"betty", G::kFemale},
      {"margaret", G::kFemale},
      {"sandra", G::kFemale},
      {"ashley", G::kFemale},
      {"kimberly", G::kFemale},
      {"emily", G::kFemale},
      {"donna", G::kFemale},
      {"michelle", G::kFemale},
      {"dorothy", G::kFemale},
      {"carol", G::kFemale},
      {"amanda", G::kFemale},
      {"melissa", G::kFemale},
      {"deborah", G::kFemale},
      {"stephanie", G::kFemale},
      {"rebecca", G::kFemale},
      {"laura", G::kFemale},
      {"helen", G::kFemale},
      {"sharon", G::kFemale},
      {"cynthia", G::kFemale},
      {"kathleen", G::kFemale},
      {"amy", G::kFemale},
      {"anna", G::kFemale},
      {"angela", G::kFemale},
      {"hillary", G::kFemale},
      {"theresa", G::kFemale},
      {"maria", G::kFemale},
      {"marie", G::kFemale},
      {"anne", G::kFemale},
      {"julia", G::kFemale},
      {"kate", G::kFemale},
      {"claire", G::kFemale},
      {"elena", G::kFemale},
      {"olga", G::kFemale},
      {"natalia", G::kFemale},
      {"tatiana", G::kFemale},
      {"irina", G::kFemale},
      {"svetlana", G::kFemale},
      {"fatima", G::kFemale},
      {"nikki", G::kFemale},
      {"kamala", G::kFemale},
      {"elizabeth's", G::kFemale},
      {"nicola", G::kFemale},
      {"ursula", G::kFemale},
      {"christine", G::kFemale},
      {"catherine", G::kFemale},
      {"jane", G::kFemale},
      {"susanne", G::kFemale},
      {"sophie", G::kFemale},
      {"rachel", G::kFemale},
      {"ruth", G::kFemale},
      {"diane", G::kFemale},
      {"nina", G::kFemale},
      {"alice", G::kFemale}};
  return *m;
}

// All word lists in one open-addressing table, built once from the sets
// above: one short hash and (usually) one comparison per lookup answers
// every list at once. The sets stay the source of truth (TaggerLexicon()
// iterates them); the table only indexes them, so every answer is the same.
class WordIndex {
 public:
  enum : uint8_t {
    kRoleHead = kRoleHeadList,
    kRoleModifier = kRoleModifierList,
    kHonorific = kHonorificList,
    kCountry = kCountryList,
    kOrgWord = kOrgWordList,
  };
  struct Entry {
    std::string_view word;  // empty: free slot
    uint8_t flags = 0;
    Gender gender = Gender::kUnknown;
    PronounKind pronoun = PronounKind::kNone;
    std::string_view expansion;  // empty when not an abbreviation
  };

  static const WordIndex& Get() {
    static const WordIndex* index = new WordIndex();
    return *index;
  }

  // The entry for `w`, or nullptr when no list holds it.
  const Entry* Find(std::string_view w) const {
    if (w.empty() || w.size() > max_len_) return nullptr;
    for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
      const Entry& e = slots_[i];
      if (e.word.empty()) return nullptr;
      if (e.word == w) return &e;
    }
  }

 private:
  WordIndex();
  Entry* Slot(std::string_view w);
  static size_t Hash(std::string_view w) {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (char c : w) {
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    }
    return static_cast<size_t>(h ^ (h >> 29));
  }

  std::vector<Entry> slots_;
  size_t mask_ = 0;
  size_t max_len_ = 0;
};

const std::unordered_map<std::string_view, PronounKind>& Pronouns() {
  static const auto* m = new std::unordered_map<std::string_view, PronounKind>{
      {"he", PronounKind::kMale},       {"him", PronounKind::kMale},
      {"his", PronounKind::kMale},      {"himself", PronounKind::kMale},
      {"she", PronounKind::kFemale},    {"her", PronounKind::kFemale},
      {"hers", PronounKind::kFemale},   {"herself", PronounKind::kFemale},
      {"they", PronounKind::kPlural},   {"them", PronounKind::kPlural},
      {"their", PronounKind::kPlural},  {"it", PronounKind::kNeuter},
      {"its", PronounKind::kNeuter},    {"i", PronounKind::kFirst},
      {"me", PronounKind::kFirst},      {"my", PronounKind::kFirst},
      {"we", PronounKind::kFirst},      {"us", PronounKind::kFirst},
      {"our", PronounKind::kFirst},     {"who", PronounKind::kRelative},
      {"whom", PronounKind::kRelative}, {"which", PronounKind::kRelative}};
  return *m;
}

WordIndex::WordIndex() {
  size_t words = RoleHeads().size() + RoleModifiers().size() +
                 Honorifics().size() + Countries().size() + OrgWords().size() +
                 Genders().size() + CountedFirstNames().size() +
                 Pronouns().size() + Abbrevs().size();
  size_t cap = 16;
  while (cap < 4 * words) cap *= 2;  // load factor <= 1/4
  slots_.resize(cap);
  mask_ = cap - 1;
  for (auto w : RoleHeads()) Slot(w)->flags |= kRoleHead;
  for (auto w : RoleModifiers()) Slot(w)->flags |= kRoleModifier;
  for (auto w : Honorifics()) Slot(w)->flags |= kHonorific;
  for (auto w : Countries()) Slot(w)->flags |= kCountry;
  for (auto w : OrgWords()) Slot(w)->flags |= kOrgWord;
  for (const auto& [w, g] : Genders()) Slot(w)->gender = g;
  for (const auto& [w, g] : CountedFirstNames()) {
    Entry* e = Slot(w);
    if (e->gender == Gender::kUnknown) e->gender = g;
  }
  for (const auto& [w, k] : Pronouns()) Slot(w)->pronoun = k;
  for (const auto& [w, full] : Abbrevs()) Slot(w)->expansion = full;
}

WordIndex::Entry* WordIndex::Slot(std::string_view w) {
  max_len_ = std::max(max_len_, w.size());
  for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
    Entry& e = slots_[i];
    if (e.word.empty()) e.word = w;
    if (e.word == w) return &e;
  }
}

bool HasFlag(std::string_view w, uint8_t flag) {
  const WordIndex::Entry* e = WordIndex::Get().Find(w);
  return e != nullptr && (e->flags & flag) != 0;
}

}  // namespace

unsigned char ListsOf(std::string_view w) {
  const WordIndex::Entry* e = WordIndex::Get().Find(w);
  return e == nullptr ? 0 : e->flags;
}

bool IsRoleHead(std::string_view w) { return HasFlag(w, WordIndex::kRoleHead); }
bool IsRoleModifier(std::string_view w) {
  return HasFlag(w, WordIndex::kRoleModifier);
}
bool IsHonorific(std::string_view w) {
  return HasFlag(w, WordIndex::kHonorific);
}

std::string_view ExpandAbbreviation(std::string_view w) {
  const WordIndex::Entry* e = WordIndex::Get().Find(w);
  return e == nullptr || e->expansion.empty() ? w : e->expansion;
}

bool IsCountryOrDemonym(std::string_view w) {
  return HasFlag(w, WordIndex::kCountry);
}
bool IsOrgWord(std::string_view w) { return HasFlag(w, WordIndex::kOrgWord); }

Gender GenderOfWord(std::string_view w) {
  const WordIndex::Entry* e = WordIndex::Get().Find(w);
  return e == nullptr ? Gender::kUnknown : e->gender;
}

PronounKind PronounOf(std::string_view w) {
  const WordIndex::Entry* e = WordIndex::Get().Find(w);
  return e == nullptr ? PronounKind::kNone : e->pronoun;
}

std::vector<TaggedWord> TaggerLexicon() {
  std::unordered_map<std::string_view, unsigned char> bits;
  for (auto w : RoleHeads()) bits[w] |= 1;
  for (auto w : Countries()) bits[w] |= 2;
  for (auto w : Honorifics()) bits[w] |= 4;
  for (auto w : OrgWords()) bits[w] |= 8;
  for (const auto& [w, g] : Genders()) {
    bits[w] |= g == Gender::kMale ? 16 : 32;
  }
  std::vector<TaggedWord> out;
  for (const auto& [w, b] : bits) out.push_back({w, b});
  return out;
}

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" ||
         w == "his" || w == "her" || w == "its" || w == "their" || w == "our" ||
         w == "these" || w == "those";
}

}  // namespace whosaid::lex
