// Titles, appositives and entity groups: the rule steps after NER.
// Mention edges and acronyms are in mention_edges.cc, titled-name repairs
// in titled_names.cc.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mention_edges.h"
#include "src/entities/mentions.h"
#include "src/entities/relatives.h"
#include "src/entities/titled_names.h"

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
using mention::IsTitleWord;
using mention::IsWord;
using mention::LowerToken;

constexpr uint32_t kMaxTitleTokens = 8;
constexpr uint32_t kMaxAppositiveTokens = 20;

bool IsComma(const Document& doc, uint32_t i) {
  return doc.TokenText(i) == ",";
}
struct Sentences {
  const Document& doc;
  uint32_t Begin(uint32_t tok) const {
    return doc.sentences.empty()
               ? 0
               : doc.sentences[mention::SentenceOf(doc, tok)].token_begin;
  }
  uint32_t End(uint32_t tok) const {
    return doc.sentences.empty()
               ? static_cast<uint32_t>(doc.tokens.size())
               : doc.sentences[mention::SentenceOf(doc, tok)].token_end;
  }
};

// Descriptive phrase [b, e) that names a role: starts with a determiner or a
// possessive, and has a role head within its first tokens.
bool IsRolePhrase(const Document& doc, uint32_t b, uint32_t e) {
  if (b >= e || e - b > kMaxAppositiveTokens) return false;
  std::string first = LowerToken(doc, b);
  bool opener = first == "a" || first == "an" || first == "the" ||
                lex::IsDeterminer(first) || first == "former" ||
                IsRoleHeadWord(first) || lex::IsRoleModifier(first);
  for (uint32_t i = b; i < e && i < b + 4 && !opener; ++i) {
    if (LowerToken(doc, i) == "'s") opener = true;
  }
  if (!opener) return false;
  // ", the official said." and ", the aide added," close an attribution,
  // not an appositive: a verb of saying right after the role word that
  // ends the phrase (a time word may follow it) rules it out.
  auto closes_attribution = [&](uint32_t head) {
    if (head + 1 >= e || head + 3 < e) return false;
    const std::string w = LowerToken(doc, head + 1);
    return w == "said" || w == "says" || w == "told" || w == "added" ||
           w == "noted" || w == "wrote" || w == "explained" || w == "stated";
  };
  for (uint32_t i = b; i < e && i < b + 8; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kQuote) return false;
    std::string w = LowerToken(doc, i);
    if (w == "said" || w == "says" || w == "who" || w == "told") return false;
    if (IsRoleHeadWord(w)) return !closes_attribution(i);
  }
  return false;
}

// Whether the name starting at token `name` is compared by the "Like" or
// "Unlike" that opens its sentence (which starts at `begin`): "Like Putin,
// the Scottish leader ...". Other opening prepositions often do take an
// appositive ("For Ana Ruiz, the mayor of Norland, ...").
bool OpensWithComparison(const Document& doc, uint32_t begin, uint32_t name) {
  if (name == 0 || name - 1 != begin) return false;
  const std::string w = LowerToken(doc, begin);
  return w == "like" || w == "unlike";
}

void AttachTitles(Document* doc) {
  const Sentences sent{*doc};
  std::vector<bool> remove(doc->entities.size(), false);
  for (size_t k = 0; k < doc->entities.size(); ++k) {
    Entity& e = doc->entities[k];
    if (e.label != EntityLabel::kPerson) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (f >= l) continue;
    // 1. Trim titles out of the name ("Gen. Felix Gedney").
    while (l - f > 1 && doc->tokens[f + 1].capitalized) {
      std::string w = LowerToken(*doc, f);
      std::string next = LowerToken(*doc, f + 1);
      bool title = IsRoleHeadWord(w) || lex::IsRoleModifier(w) ||
                   lex::IsHonorific(w) ||
                   (lex::IsCountryOrDemonym(w) && IsTitleWord(next));
      if (!title) break;
      ++f;
    }
    e.span.begin = doc->tokens[f].span.begin;
    // 2. Title words before the name.
    uint32_t sb = sent.Begin(f);
    uint32_t j = f;
    while (j > sb && f - j < kMaxTitleTokens) {
      std::string w = LowerToken(*doc, j - 1);
      if (IsWord(*doc, j - 1) && IsTitleWord(w)) {
        --j;
      } else if (w == "of" && j - 1 > sb && j < f &&
                 IsTitleWord(LowerToken(*doc, j - 2))) {
        --j;
      } else {
        break;
      }
    }
    while (j < f && LowerToken(*doc, j) == "of") ++j;
    bool has_head = false;
    for (uint32_t i = j; i < f; ++i) {
      std::string w = LowerToken(*doc, i);
      has_head |= IsRoleHeadWord(w) || lex::IsHonorific(w);
    }
    if (has_head) {
      e.title = {doc->tokens[j].span.begin, doc->tokens[f - 1].span.end};
      // Entities inside the title made only of role words are not names.
      for (size_t o = 0; o < doc->entities.size(); ++o) {
        const Entity& x = doc->entities[o];
        if (o == k || x.span.begin < e.title.begin ||
            x.span.end > e.title.end) {
          continue;
        }
        uint32_t xf, xl;
        mention::TokenRange(*doc, x.span, &xf, &xl);
        bool roles_only = xf < xl;
        for (uint32_t i = xf; i < xl; ++i) {
          std::string w = LowerToken(*doc, i);
          roles_only &= (IsRoleHeadWord(w) || lex::IsRoleModifier(w) ||
                         lex::IsHonorific(w)) &&
                        !lex::IsCountryOrDemonym(w);
        }
        if (roles_only) remove[o] = true;
      }
    }
    // 3. Appositive after the name: ", [of ...,] the X's deputy commander,".
    // Not after a sentence's opening phrase ("Like Putin, the Scottish
    // leader ..."): the phrase after its comma is the subject.
    uint32_t se = sent.End(f);
    uint32_t p = OpensWithComparison(*doc, sb, j) ? se : l;
    for (int seg = 0; seg < 2 && p < se && IsComma(*doc, p); ++seg) {
      uint32_t b = p + 1, q = b;
      while (q < se && !IsComma(*doc, q) && q - b <= kMaxAppositiveTokens &&
             doc->tokens[q].kind != TokenKind::kQuote &&
             doc->TokenText(q) != "." && doc->TokenText(q) != ";") {
        ++q;
      }
      if (b >= q) break;
      std::string first = LowerToken(*doc, b);
      if (first == "of" || first == "from") {
        p = q;
        continue;
      }
      if (IsRolePhrase(*doc, b, q)) {
        e.appositive = {doc->tokens[b].span.begin, doc->tokens[q - 1].span.end};
      }
      break;
    }
    // 4. Appositive before: "the commander of the X forces, Col. Y Z".
    if (e.appositive.empty() && j > sb + 1 && IsComma(*doc, j - 1)) {
      uint32_t end = j - 1, b = end;
      while (b > sb && end - b < kMaxAppositiveTokens) {
        const Token& t = doc->tokens[b - 1];
        if (t.kind == TokenKind::kQuote || IsComma(*doc, b - 1) ||
            t.kind == TokenKind::kPunct) {
          break;
        }
        --b;
      }
      for (uint32_t d = end; d-- > b;) {
        std::string w = LowerToken(*doc, d);
        if (w != "the" && w != "a" && w != "an") continue;
        bool head = false;
        for (uint32_t i = d + 1; i < end && i <= d + 3; ++i) {
          head |= IsRoleHeadWord(LowerToken(*doc, i));
        }
        // "According to the official, President X made ...": a source, not
        // X, whose clause goes on ("According to the head of the port, Mark
        // Ellison, trade is up" and "..., Gen. X." name the head).
        const bool source = d >= 2 && LowerToken(*doc, d - 1) == "to" &&
                            LowerToken(*doc, d - 2) == "according" && l < se &&
                            doc->tokens[l].kind == TokenKind::kWord;
        if (head && !source) {
          e.appositive = {doc->tokens[d].span.begin,
                          doc->tokens[end - 1].span.end};
          break;
        }
      }
    }
  }
  std::vector<Entity> kept;
  for (size_t k = 0; k < doc->entities.size(); ++k) {
    if (!remove[k]) kept.push_back(doc->entities[k]);
  }
  doc->entities = std::move(kept);
}

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
        for (size_t o = 0; o < ents.size(); ++o) {
          if (o == k || ents[o].group < 0 ||
              ents[o].label != EntityLabel::kPerson) {
            continue;
          }
          if (!Contains(info[ents[o].group].words, words)) continue;
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
    const bool kind_word = lex::IsOrgWord(words[0]);
    for (size_t g = 0; g < doc->groups.size(); ++g) {
      if (static_cast<int32_t>(g) == e.group ||
          doc->groups[g].label != EntityLabel::kOrg) {
        continue;
      }
      const auto& gw = info[g].words;
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
