// Entity groups: the last rule steps after NER. Titles and appositives are
// in titles.cc, mention edges and acronyms in mention_edges.cc, titled-name
// repairs in titled_names.cc.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/base/word_lists.h"
#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mention_edges.h"
#include "src/entities/mentions.h"
#include "src/entities/relatives.h"
#include "src/entities/subjects.h"
#include "src/entities/titled_names.h"
#include "src/entities/titles.h"

namespace whosaid {
namespace {

// Whether acronym `acronym` (capitals) holds the initial of every word of
// `words` (lower case) but "of", "and", "the", "for".
bool HoldsInitials(std::string_view acronym,
                   const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w.empty() || w == "of" || w == "and" || w == "the" || w == "for") {
      continue;
    }
    const char initial =
        static_cast<char>(w[0] - ('a' <= w[0] && w[0] <= 'z' ? 'a' - 'A' : 0));
    if (acronym.find(initial) == std::string_view::npos) return false;
  }
  return true;
}

using mention::IsRoleHeadWord;
using mention::LowerToken;

std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < name.size()) {
    size_t q = name.find(' ', p);
    if (q == std::string::npos) q = name.size();
    if (q > p) {
      out.push_back(mention::Lower(std::string_view(name).substr(p, q - p)));
    }
    p = q + 1;
  }
  return out;
}

bool Contains(const std::vector<std::string>& big,
              const std::vector<std::string>& small) {
  for (const auto& w : small) {
    if (std::find(big.begin(), big.end(), w) == big.end()) return false;
  }
  return true;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

// Sets the label of every group that is not a person's to the label most of
// its mentions have; a tie keeps the group's label (its first mention's).
void MajorityLabels(const std::vector<Entity>& ents, Document* doc) {
  std::vector<std::array<int, 4>> counts(doc->groups.size(), {0, 0, 0, 0});
  for (const Entity& e : ents) {
    if (e.group < 0 || static_cast<size_t>(e.group) >= counts.size()) continue;
    ++counts[e.group][static_cast<int>(e.label) & 3];
  }
  for (size_t g = 0; g < counts.size(); ++g) {
    EntityGroup& group = doc->groups[g];
    if (group.label == EntityLabel::kPerson) continue;
    int best = static_cast<int>(group.label);
    for (int l = 1; l < 4; ++l) {  // kPerson never labels these groups
      if (counts[g][l] > counts[g][best]) best = l;
    }
    group.label = static_cast<EntityLabel>(best);
  }
}

// The gender an honorific in a person's title gives ("Mrs." in "Mrs.
// Clinton"), else unknown.
lex::Gender HonorificGender(const Document& doc, const Entity& e) {
  if (e.title.empty()) return lex::Gender::kUnknown;
  uint32_t f, l;
  mention::TokenRange(doc, e.title, &f, &l);
  if (f >= l) return lex::Gender::kUnknown;
  // Capitalised: "miss" in "may miss Trump's goal" is a verb.
  std::string w = LowerToken(doc, l - 1);
  if (!doc.tokens[l - 1].capitalized || !lex::IsHonorific(w)) {
    return lex::Gender::kUnknown;
  }
  return lex::GenderOfWord(w);
}

// A word that makes an organisation's name a company's or a newsroom's
// ("ABC News", "RAND Corporation", "SCL Group").
bool IsCompanyOrNewsroomWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "news", "group",     "corporation",   "corp",     "corp.", "inc", "inc.",
      "co.",  "companies", "international", "holdings", "ltd",   "plc", "llc"};
  return InWordList(kWords, w);
}

// The middle initials of a full name ("george h. w. bush" → "hw").
std::string MiddleInitials(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if ((w.size() == 1 || (w.size() == 2 && w[1] == '.')) && w[0] >= 'a' &&
        w[0] <= 'z') {
      out += w[0];
    }
  }
  return out;
}

// "George W. Bush" and "George H. W. Bush" share every word but are two
// people: full names whose middle initials both say something and differ.
bool ConflictingInitials(const std::vector<std::string>& a,
                         const std::vector<std::string>& b) {
  const std::string ia = MiddleInitials(a);
  const std::string ib = MiddleInitials(b);
  return !ia.empty() && !ib.empty() && ia != ib;
}

// "Jr.", "Sr.", "II": a full name's last word that tells a son from his
// father.
bool HasGenerationalSuffix(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  // Compared as a view: a length test and an inline compare per suffix
  // (std::string == const char* calls strlen and compare each time; this
  // runs for every pair of person mentions).
  const std::string_view w = words.back();
  return w == "jr" || w == "jr." || w == "sr" || w == "sr." || w == "ii" ||
         w == "iii" || w == "iv";
}

// The gender a full name's first word suggests ("hillary"), else unknown.
lex::Gender FirstNameGender(const std::vector<std::string>& words) {
  if (words.size() < 2) return lex::Gender::kUnknown;
  return lex::GenderOfWord(words.front());
}

void BuildGroups(Document* doc) {
  doc->groups.clear();
  struct Info {
    std::vector<std::string> words;  // canonical words, lower case
    // A one-word person group's gender, from the honorific of the mention
    // that made it ("Mrs. Clinton" with no Hillary named); else unknown.
    lex::Gender honorific = lex::Gender::kUnknown;
    // A full name introduced as someone's relative ("First lady Mara
    // Quill", "his son, Eric Quill"): news calls the relative "Mrs. Quill"
    // or by the full name, and the principal by the bare surname.
    bool relative = false;
    // The relative's kin noun's gender ("daughter"), for a full name whose
    // first word gives none.
    lex::Gender kin = lex::Gender::kUnknown;
  };
  std::vector<Info> info;
  auto& ents = doc->entities;
  // Per entity, computed once: its name text, the name's lower-cased words
  // and the whole name lower-cased (the grouping key of non-persons).
  std::vector<std::string> names(ents.size());
  std::vector<std::vector<std::string>> name_words(ents.size());
  std::vector<std::string> keys(ents.size());
  for (size_t k = 0; k < ents.size(); ++k) {
    names[k] = mention::NameText(*doc, ents[k].span);
    if (names[k].empty()) continue;
    name_words[k] = NameWords(names[k]);
    if (ents[k].label != EntityLabel::kPerson) {
      keys[k] = mention::Lower(names[k]);
    }
  }
  // A group named by entity k: its words are k's, already split.
  auto new_group = [&](size_t k, EntityLabel label) {
    EntityGroup g;
    g.canonical = names[k];
    g.label = label;
    doc->groups.push_back(g);
    info.push_back({name_words[k]});
    return static_cast<int32_t>(doc->groups.size() - 1);
  };
  // Persons: full names first (in text order), then single words.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < ents.size(); ++k) {
      Entity& e = ents[k];
      if (e.label != EntityLabel::kPerson || names[k].empty()) continue;
      const std::vector<std::string>& words = name_words[k];
      if ((words.size() > 1) != (pass == 0)) continue;
      int32_t best = -1;
      if (pass == 0) {
        for (size_t g = 0; g < doc->groups.size(); ++g) {
          if (doc->groups[g].label != EntityLabel::kPerson) continue;
          const auto& gw = info[g].words;
          if (gw.back() != words.back()) continue;
          if (ConflictingInitials(gw, words)) continue;
          if (Contains(gw, words) || Contains(words, gw)) {
            best = static_cast<int32_t>(g);
            break;
          }
        }
      } else {
        // The group with the nearest earlier mention holding this word;
        // else the first later one. An honorific rules out a person of
        // the other gender ("Mrs. Clinton" is not Bill Clinton).
        lex::Gender gender = HonorificGender(*doc, e);
        // Only an honorific (or a relative's own title) may name a
        // relative; the second asked only when a relative's group holds
        // the word (rare; before branch speed23, for every such mention).
        int relative_form_memo = gender != lex::Gender::kUnknown ? 1 : -1;
        auto relative_form = [&] {
          if (relative_form_memo < 0) {
            lex::Gender kin_unused;
            relative_form_memo = IntroducedAsRelative(*doc, e, &kin_unused);
          }
          return relative_form_memo == 1;
        };
        // A person whose first name has the honorific's gender comes
        // before one whose first name says nothing ("Mrs. Marsh" is Helen
        // Marsh, not the nearer Victor Marsh).
        int32_t same_gender = -1;
        // A bare surname names "Donald Trump Jr." only when no one else
        // in the article bears it ("King" for Martin Luther King Jr.).
        int32_t suffixed = -1;
        // A surname before a first name: "Paul" is Rand Paul, not Paul
        // Ryan, when someone's full name ends in it.
        bool someones_surname = false;
        for (size_t g = 0; g < info.size() && !someones_surname; ++g) {
          someones_surname = doc->groups[g].label == EntityLabel::kPerson &&
                             info[g].words.size() > 1 &&
                             info[g].words.back() == words.back();
        }
        for (size_t o = 0; o < ents.size(); ++o) {
          if (o == k || ents[o].group < 0 ||
              ents[o].label != EntityLabel::kPerson) {
            continue;
          }
          if (!Contains(info[ents[o].group].words, words)) continue;
          if (someones_surname &&
              info[ents[o].group].words.back() != words.back()) {
            continue;
          }
          if (info[ents[o].group].relative && !relative_form()) continue;
          if (HasGenerationalSuffix(info[ents[o].group].words)) {
            if (o < k || suffixed < 0) suffixed = ents[o].group;
            continue;
          }
          if (gender != lex::Gender::kUnknown) {
            const Info& g = info[ents[o].group];
            lex::Gender other =
                g.words.size() > 1 ? FirstNameGender(g.words) : g.honorific;
            if (other == lex::Gender::kUnknown) other = g.kin;
            if (other != lex::Gender::kUnknown && other != gender) continue;
            if (other == gender && (o < k || same_gender < 0)) {
              same_gender = ents[o].group;
            }
          }
          if (o < k || best < 0) best = ents[o].group;
          if (o > k && (gender == lex::Gender::kUnknown || same_gender >= 0)) {
            break;
          }
        }
        if (same_gender >= 0) best = same_gender;
        if (best < 0) best = suffixed;
      }
      if (best < 0) {
        best = new_group(k, EntityLabel::kPerson);
        if (pass == 1) info[best].honorific = HonorificGender(*doc, e);
      } else if (words.size() > info[best].words.size()) {
        doc->groups[best].canonical = names[k];
        info[best].words = words;
      }
      lex::Gender kin;
      if (pass == 0 && IntroducedAsRelative(*doc, e, &kin)) {
        info[best].relative = true;
        if (kin != lex::Gender::kUnknown) info[best].kin = kin;
      }
      e.group = best;
    }
  }
  // Acronyms introduced in parentheses after an entity ("Islamic State (IS,
  // formerly ISIS/ISIL)") map to that entity's key, wherever they occur.
  std::unordered_map<std::string, std::string> alias_of;
  struct Alias {
    std::string lower, text, target;
  };
  std::vector<Alias> alias_order;  // in text order
  for (size_t k = 0; k < ents.size(); ++k) {
    const Entity& e = ents[k];
    if (e.label == EntityLabel::kPerson || names[k].empty()) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (l >= doc->tokens.size() || doc->TokenText(l) != "(") continue;
    for (uint32_t i = l + 1; i < doc->tokens.size() && i < l + 10; ++i) {
      std::string_view w = doc->TokenText(i);
      if (w == ")") break;
      size_t p = 0;
      while (p < w.size()) {
        size_t q = w.find('/', p);
        if (q == std::string_view::npos) q = w.size();
        std::string_view part = w.substr(p, q - p);
        bool caps = part.size() >= 2;
        for (char c : part) caps &= (c >= 'A' && c <= 'Z');
        const std::string& key = keys[k];
        // An acronym holds its name's initials ("Justice Department (DOJ)"),
        // unless the name is long enough to come from another language
        // ("Doctors Without Borders (MSF)"): "Washington (CNN)" opens a
        // dateline.
        if (caps && name_words[k].size() < 3 &&
            !HoldsInitials(part, name_words[k])) {
          caps = false;
        }
        if (caps) {
          std::string lower_part = mention::Lower(part);
          if (lower_part != key && alias_of.emplace(lower_part, key).second) {
            alias_order.push_back({lower_part, std::string(part), key});
          }
        }
        p = q + 1;
      }
    }
  }
  // An acronym no parentheses introduce that spells the initials of exactly
  // one organisation's name of three or more words, spelled out before the
  // acronym's first use ("the Federal Emergency Management Agency ...
  // FEMA"), is that organisation.
  std::unordered_set<std::string> acronyms_seen;
  for (size_t k = 0; k < ents.size(); ++k) {
    const std::string& text = names[k];
    if (ents[k].label != EntityLabel::kOrg || text.size() < 3 ||
        !mention::IsAcronym(text) || alias_of.count(keys[k]) ||
        !acronyms_seen.insert(keys[k]).second) {
      continue;
    }
    const std::string* target = nullptr;
    bool ambiguous = false;
    for (size_t o = 0; o < k; ++o) {
      if (ents[o].label != EntityLabel::kOrg || name_words[o].size() < 3 ||
          InitialsOf(name_words[o]) != text) {
        continue;
      }
      ambiguous |= target != nullptr && *target != keys[o];
      target = &keys[o];
    }
    if (target != nullptr && !ambiguous &&
        alias_of.emplace(keys[k], *target).second) {
      alias_order.push_back({keys[k], text, *target});
    }
  }
  std::unordered_map<std::string, int32_t> by_key;
  // Groups for the entities that introduce acronyms come first.
  for (size_t k = 0; k < ents.size(); ++k) {
    if (ents[k].label == EntityLabel::kPerson || names[k].empty()) continue;
    const std::string& key = keys[k];
    bool introduces = false;
    for (const Alias& a : alias_order) introduces |= a.target == key;
    if (introduces && !by_key.count(key)) {
      by_key.emplace(key, new_group(k, ents[k].label));
    }
  }
  for (const Alias& a : alias_order) {
    int32_t g = by_key[a.target];
    AddUnique(&doc->groups[g].aliases, a.text);
    by_key.emplace(a.lower, g);
  }
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    if (e.label == EntityLabel::kPerson || names[k].empty()) continue;
    const std::string& key = keys[k];
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      it = by_key.emplace(key, new_group(k, e.label)).first;
    }
    e.group = it->second;
    EntityGroup& g = doc->groups[e.group];
    if (names[k] != g.canonical) {
      bool is_alias = alias_of.count(key) > 0;
      if (!is_alias && names[k].size() > g.canonical.size()) {
        AddUnique(&g.aliases, g.canonical);
        g.canonical = names[k];
      } else if (!is_alias) {
        AddUnique(&g.aliases, names[k]);
      }
    }
  }
  // A group takes the label most of its mentions have (the first one's on a
  // tie): "Islamic State" tagged LOC once and "ISIS" ORG five times is ORG.
  MajorityLabels(ents, doc);
  // "Nordvale" after/before "Nordvale Biotech": a one-word organisation
  // that starts a longer organisation name in the article is that one. An
  // institution named by its kind only in the "of" form of its name ("the
  // House" is the "House of Representatives", not its "House Judiciary
  // Committee" nor "House Republicans").
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    if (e.label != EntityLabel::kOrg || e.group < 0) continue;
    // A place the tagger once called an organisation ("Texas" beside the
    // "Texas Department of ...") keeps its group: the group's label is its
    // mentions' majority.
    if (doc->groups[e.group].label != EntityLabel::kOrg) continue;
    const std::vector<std::string>& words = name_words[k];
    if (words.size() != 1) continue;
    // An acronym joins only its own name plus a company or newsroom word
    // ("ABC News", "RAND Corporation"): another name it starts is mostly a
    // part or a thing of it, or the tagger's run into the next word ("UN
    // Relief and Works Agency", "ATF Director", "DNC Server").
    if (alias_of.count(keys[k])) continue;
    const bool acronym = mention::IsAcronym(names[k]);
    const bool kind_word = lex::IsOrgWord(words[0]);
    for (size_t g = 0; g < doc->groups.size(); ++g) {
      if (static_cast<int32_t>(g) == e.group ||
          doc->groups[g].label != EntityLabel::kOrg) {
        continue;
      }
      const auto& gw = info[g].words;
      if (acronym && !(gw.size() == 2 && IsCompanyOrNewsroomWord(gw[1]))) {
        continue;
      }
      if (gw.size() >= 2 && gw[0] == words[0] &&
          (!kind_word || gw[1] == "of")) {
        int32_t old_group = e.group;
        for (Entity& o : ents) {
          if (o.group == old_group) o.group = static_cast<int32_t>(g);
        }
        AddUnique(&doc->groups[g].aliases, names[k]);
        break;
      }
    }
  }
  // Person surnames and titles -> aliases and roles.
  for (size_t k = 0; k < ents.size(); ++k) {
    const Entity& e = ents[k];
    if (e.group < 0) continue;
    EntityGroup& g = doc->groups[e.group];
    if (e.label == EntityLabel::kPerson && names[k] != g.canonical) {
      AddUnique(&g.aliases, names[k]);
    }
    if (!e.title.empty()) {
      uint32_t f, l;
      mention::TokenRange(*doc, e.title, &f, &l);
      AddUnique(&g.roles, mention::NormaliseRole(*doc, f, l));
    }
    if (!e.appositive.empty()) {
      uint32_t f, l;
      mention::TokenRange(*doc, e.appositive, &f, &l);
      AddUnique(&g.roles, mention::RoleOfPhrase(*doc, f, l));
    }
  }
}

}  // namespace

void AttachTitlesAndGroups(Document* doc) {
  TrimEdgeWords(doc);
  CutNamesRunningOn(doc);
  ExtendGenerationalSuffixes(doc);
  JoinNamesSplitAtInitials(doc);
  AddAcronymOrgs(doc);
  JoinInstitutionNames(doc);
  SplitCoordinatedTitledNames(doc);
  RepairTitledNames(doc);
  RepairNamesAfterInnerTitles(doc);
  AttachTitles(doc);
  BuildGroups(doc);
}

}  // namespace whosaid
