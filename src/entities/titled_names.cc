#include "src/entities/titled_names.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"

namespace whosaid {

using mention::IsFunctionWord;
using mention::IsRoleHeadWord;
using mention::IsTitleWord;
using mention::IsWord;
using mention::LowerToken;

namespace {

// The last words of the document's PERSON mentions ("Okafor" for "Linda
// Okafor"), collected on first use: evidence that capitalised words after a
// title are a person's name.
class PersonLastWords {
 public:
  explicit PersonLastWords(const Document& doc) : doc_(doc) {}
  bool Has(std::string_view word) {
    if (!built_) {
      built_ = true;
      for (const Entity& p : doc_.entities) {
        if (p.label != EntityLabel::kPerson) continue;
        uint32_t f, l;
        mention::TokenRange(doc_, p.span, &f, &l);
        if (l > f) words_.insert(std::string(doc_.TokenText(l - 1)));
      }
    }
    return words_.count(std::string(word)) > 0;
  }

 private:
  const Document& doc_;
  bool built_ = false;
  std::unordered_set<std::string> words_;
};

// Removes the entities whose flag in `remove` is set, keeping the order.
void EraseMarked(const std::vector<bool>& remove, std::vector<Entity>* ents) {
  size_t out = 0;
  for (size_t k = 0; k < ents->size(); ++k) {
    if (remove[k]) continue;
    if (out != k) (*ents)[out] = std::move((*ents)[k]);
    ++out;
  }
  ents->resize(out);
}

}  // namespace

// "Senate Minority Leader Chuck Schumer and House Minority Leader Nancy
// Pelosi" tagged as one mention: two titled names joined by "and" are two
// persons, each the capitalised name words after its side's last role head
// (AttachTitles then finds the titles before them).
void SplitCoordinatedTitledNames(Document* doc) {
  // The first name token of [f, l) if it is a titled name, else l.
  auto titled_name = [&](uint32_t f, uint32_t l) {
    uint32_t role_end = l;  // after the last role head
    for (uint32_t i = f; i < l; ++i) {
      if (!IsWord(*doc, i)) return l;
      if (IsRoleHeadWord(LowerToken(*doc, i))) role_end = i + 1;
    }
    if (role_end >= l) return l;  // no role head, or no name after it
    for (uint32_t i = role_end; i < l; ++i) {
      if (!doc->tokens[i].capitalized || IsTitleWord(LowerToken(*doc, i))) {
        return l;
      }
    }
    return role_end;
  };
  std::vector<Entity> out;
  out.reserve(doc->entities.size());
  auto& ents = doc->entities;
  for (size_t k = 0; k < ents.size(); ++k) {
    const Entity& e = ents[k];
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    uint32_t split = l;
    for (uint32_t i = f + 1; i + 1 < l; ++i) {
      if (doc->TokenText(i) == "and") {
        if (split != l) {  // more than one "and": leave it
          split = l;
          break;
        }
        split = i;
      }
    }
    uint32_t left_name = split == l ? l : titled_name(f, split);
    uint32_t right_name = split == l ? l : titled_name(split + 1, l);
    if (left_name == split || right_name == l) {
      out.push_back(e);
      continue;
    }
    Entity left = e, right = e;
    left.label = right.label = EntityLabel::kPerson;
    left.span = {doc->tokens[left_name].span.begin,
                 doc->tokens[split - 1].span.end};
    right.span.begin = doc->tokens[right_name].span.begin;
    // "... Senate Majority Leader Mitch" + "McConnell": the name goes on.
    uint32_t next_entity =
        k + 1 < ents.size()
            ? mention::TokenAtOrAfter(*doc, ents[k + 1].span.begin)
            : static_cast<uint32_t>(doc->tokens.size());
    if (k + 1 < ents.size() && next_entity == l &&
        ents[k + 1].label == EntityLabel::kPerson) {
      right.span.end = ents[++k].span.end;
    } else {  // or in capitalised words that no entity holds
      uint32_t r = l;
      while (r < next_entity && r < l + 2 && IsWord(*doc, r) &&
             doc->tokens[r].capitalized && !doc->tokens[r].newline_before &&
             !IsTitleWord(LowerToken(*doc, r)) &&
             !IsFunctionWord(LowerToken(*doc, r))) {
        ++r;
      }
      right.span.end = doc->tokens[r - 1].span.end;
    }
    out.push_back(left);
    out.push_back(right);
  }
  ents = std::move(out);
}

// "Senate Majority Leader Mitch" (ORG) + "McConnell" (PERSON): a mention
// that starts with title words (with a role head) and goes on with
// capitalised name words is a titled person; the name part joins an
// adjacent PERSON mention, or becomes one when it has two or more words.
void RepairTitledNames(Document* doc) {
  auto& ents = doc->entities;
  std::vector<bool> remove(ents.size(), false);
  PersonLastWords person_words(*doc);
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    uint32_t t = f;
    bool head = false;
    while (t < l && IsWord(*doc, t) && IsTitleWord(LowerToken(*doc, t))) {
      std::string w = LowerToken(*doc, t);
      head |= IsRoleHeadWord(w) || lex::IsHonorific(w);
      ++t;
    }
    if (t == f || t == l || !head) continue;
    // A lone title word must be unambiguous ("Gen.", "Mr.", "Colonel-
    // General"), not an adjective that starts names ("Major League").
    // So is a role head before two or more name words whose last is a
    // person's name elsewhere in the article ("Mayor Linda Okafor" tagged
    // MISC as a whole, "Okafor" PERSON later; not "Major League Baseball").
    if (t == f + 1) {
      std::string_view w = doc->TokenText(f);
      std::string lower = LowerToken(*doc, f);
      if (w.back() != '.' && w.find('-') == std::string_view::npos &&
          !lex::IsHonorific(lower) &&
          !(IsRoleHeadWord(lower) && l - t >= 2 &&
            person_words.Has(doc->TokenText(l - 1)))) {
        continue;
      }
    }
    uint32_t name_end = t;
    while (name_end < l && IsWord(*doc, name_end) &&
           doc->tokens[name_end].capitalized &&
           !doc->tokens[name_end].all_caps &&
           !lex::IsOrgWord(LowerToken(*doc, name_end))) {
      ++name_end;
    }
    // After an honorific ("Mr.", "Mrs.", "Dr.") the name is a person's
    // however short, and words the tagger ran on past it are cut ("Mrs.
    // Clinton lost", "Mr. Trump’s").
    // (Not "Miss": "Miss Universe" is a pageant.)
    const bool honorific = t == f + 1 &&
                           lex::IsHonorific(LowerToken(*doc, f)) &&
                           LowerToken(*doc, f) != "miss";
    if (honorific && name_end > t && name_end < l) {
      l = name_end;
      e.span.end = doc->tokens[l - 1].span.end;
    }
    if (name_end != l) continue;
    bool merged = false;
    if (k + 1 < ents.size() && ents[k + 1].label == EntityLabel::kPerson &&
        mention::TokenAtOrAfter(*doc, ents[k + 1].span.begin) == l) {
      ents[k + 1].span.begin = doc->tokens[t].span.begin;
      remove[k] = true;
      merged = true;
    }
    if (!merged) {
      // Capitalised words right after the mention that no entity holds
      // continue the name ("... Leader Mitch" + "McConnell").
      uint32_t next_entity =
          k + 1 < ents.size()
              ? mention::TokenAtOrAfter(*doc, ents[k + 1].span.begin)
              : static_cast<uint32_t>(doc->tokens.size());
      uint32_t r = l;
      while (r < doc->tokens.size() && r < next_entity && r < l + 2 &&
             IsWord(*doc, r) && doc->tokens[r].capitalized &&
             !doc->tokens[r].newline_before &&
             !IsTitleWord(LowerToken(*doc, r)) &&
             !IsFunctionWord(LowerToken(*doc, r))) {
        ++r;
      }
      if (r - t >= 2 || e.label == EntityLabel::kPerson || honorific) {
        e.label = EntityLabel::kPerson;
        e.span = {doc->tokens[t].span.begin, doc->tokens[r - 1].span.end};
      }
    }
  }
  EraseMarked(remove, &ents);
  // A name right after an honorific or a title abbreviation ("Dr. Amara
  // Diallo", "Gen. X") is a person, whatever the tagger said.
  for (Entity& e : ents) {
    if (e.label == EntityLabel::kPerson) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (f == 0 || f >= l) continue;
    std::string prev = LowerToken(*doc, f - 1);
    bool title =
        lex::IsHonorific(prev) || (prev.back() == '.' && IsRoleHeadWord(prev));
    bool name = true;
    for (uint32_t i = f; i < l; ++i) {
      name &= IsWord(*doc, i) && doc->tokens[i].capitalized &&
              !lex::IsOrgWord(LowerToken(*doc, i));
    }
    if (title && name) e.label = EntityLabel::kPerson;
  }
  // A "person" whose last word names an organisation ("Airspace Forces",
  // "Labour Party") is an organisation.
  for (Entity& e : ents) {
    if (e.label != EntityLabel::kPerson) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (l - f >= 2 && lex::IsOrgWord(LowerToken(*doc, l - 1)) &&
        doc->tokens[l - 1].capitalized) {
      e.label = EntityLabel::kOrg;
    }
  }
}

void RepairNamesAfterInnerTitles(Document* doc) {
  auto& ents = doc->entities;
  std::vector<bool> remove(ents.size(), false);
  PersonLastWords person_words(*doc);
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    // The name starts after the last role head, which has words before it.
    uint32_t name = l;
    for (uint32_t i = l - 1; i > f && i < l; --i) {
      std::string w = LowerToken(*doc, i);
      if (IsWord(*doc, i) && (IsRoleHeadWord(w) || lex::IsHonorific(w))) {
        name = i + 1;
        break;
      }
    }
    if (name >= l) continue;
    bool name_words = true;
    for (uint32_t i = name; i < l && name_words; ++i) {
      std::string w = LowerToken(*doc, i);
      const Token& t = doc->tokens[i];
      name_words = IsWord(*doc, i) && t.capitalized && !t.newline_before &&
                   !IsTitleWord(w) && !lex::IsOrgWord(w) &&
                   !IsFunctionWord(w) &&
                   !(t.all_caps && doc->TokenText(i).size() > 2);
    }
    if (!name_words) continue;
    if (k + 1 < ents.size() && ents[k + 1].label == EntityLabel::kPerson &&
        mention::TokenAtOrAfter(*doc, ents[k + 1].span.begin) == l &&
        !doc->tokens[l].newline_before) {
      ents[k + 1].span.begin = doc->tokens[name].span.begin;
      remove[k] = true;
      continue;
    }
    bool known =
        lex::GenderOfWord(LowerToken(*doc, name)) != lex::Gender::kUnknown ||
        person_words.Has(doc->TokenText(l - 1));
    if (l - name >= 2 && known) {
      e.label = EntityLabel::kPerson;
      e.span.begin = doc->tokens[name].span.begin;
    }
  }
  EraseMarked(remove, &ents);
}

void ExtendGenerationalSuffixes(Document* doc) {
  static constexpr std::string_view kSuffixes[] = {"Jr.", "Jr",  "Sr.", "Sr",
                                                   "II",  "III", "IV"};
  auto is_suffix = [&](uint32_t i) {
    std::string_view w = doc->TokenText(i);
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), w) !=
           std::end(kSuffixes);
  };
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  auto& ents = doc->entities;
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    if (e.label != EntityLabel::kPerson) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (f >= l || l >= n) continue;
    uint32_t s = l;
    // "Kennedy, Jr." (not "Kennedy, II": a list's numbering).
    if (doc->TokenText(s) == "," && s + 1 < n &&
        doc->TokenText(s + 1).substr(0, 2) == "Jr") {
      ++s;
    }
    if (s >= n || !is_suffix(s) || is_suffix(l - 1)) continue;
    // "Jr" + "." written together.
    uint32_t last = s;
    if (doc->TokenText(s).back() != '.' && s + 1 < n &&
        doc->TokenText(s + 1) == "." && !doc->tokens[s + 1].space_before &&
        (s + 2 >= n || doc->tokens[s + 2].space_before)) {
      std::string_view w = doc->TokenText(s);
      if (w == "Jr" || w == "Sr") last = s + 1;
    }
    const uint32_t end = doc->tokens[last].span.end;
    // Never into the next entity.
    if (k + 1 < ents.size() && ents[k + 1].span.begin < end) continue;
    e.span.end = end;
  }
}

void JoinNamesSplitAtInitials(Document* doc) {
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  // An initial: one capital letter with its full stop, as one token ("A.")
  // or two ("A" + ".").
  auto initial_at = [&](uint32_t i) -> uint32_t {
    if (i >= n) return 0;
    std::string_view w = doc->TokenText(i);
    auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (w.size() == 2 && capital(w[0]) && w[1] == '.') return 1;
    if (w.size() == 1 && capital(w[0]) && i + 1 < n &&
        doc->TokenText(i + 1) == "." && !doc->tokens[i + 1].space_before) {
      return 2;
    }
    return 0;
  };
  auto& ents = doc->entities;
  std::vector<bool> remove(ents.size(), false);
  for (size_t k = 0; k + 1 < ents.size(); ++k) {
    Entity& a = ents[k];
    Entity& b = ents[k + 1];
    if (a.label != EntityLabel::kPerson || b.label != EntityLabel::kPerson) {
      continue;
    }
    uint32_t af, al, bf, bl;
    mention::TokenRange(*doc, a.span, &af, &al);
    mention::TokenRange(*doc, b.span, &bf, &bl);
    if (af >= al || bf >= bl || bf != al) continue;
    const Token& first_of_b = doc->tokens[bf];
    if (first_of_b.newline_before ||
        doc->Text(Span{a.span.end, b.span.begin}) != " ") {
      continue;
    }
    // The initial must leave a name word on its other side.
    const uint32_t opening = initial_at(bf);
    const bool b_opens = opening > 0 && bf + opening < bl;
    bool a_closes = false;
    if (al - af >= 2) {
      const uint32_t closing = initial_at(al - 1) == 1   ? al - 1
                               : initial_at(al - 2) == 2 ? al - 2
                                                         : al;
      a_closes = closing < al && closing > af;
    }
    if (!b_opens && !a_closes) continue;
    b.span.begin = a.span.begin;
    if (b.title.empty()) b.title = a.title;
    remove[k] = true;
  }
  EraseMarked(remove, &ents);
  // A name opening with its middle initial whose first name the tagger left
  // out ("Nikolay" + "N. Zakharov"): the capitalised word right before it
  // joins when it is a known first name (not an honorific, not in another
  // mention).
  for (size_t k = 0; k < ents.size(); ++k) {
    Entity& e = ents[k];
    if (e.label != EntityLabel::kPerson) continue;
    uint32_t ef, el;
    mention::TokenRange(*doc, e.span, &ef, &el);
    const uint32_t opening = ef < el ? initial_at(ef) : 0;
    if (opening == 0 || ef + opening >= el || ef == 0) continue;
    const uint32_t w = ef - 1;
    const Token& before = doc->tokens[w];
    if (before.kind != TokenKind::kWord || !before.capitalized ||
        before.all_caps || doc->tokens[ef].newline_before ||
        doc->Text(Span{before.span.end, e.span.begin}) != " " ||
        (k > 0 && ents[k - 1].span.end > before.span.begin)) {
      continue;
    }
    std::string lower = mention::LowerToken(*doc, w);
    if (lex::IsHonorific(lower) ||
        lex::GenderOfWord(lower) == lex::Gender::kUnknown) {
      continue;
    }
    e.span.begin = before.span.begin;
  }
}

}  // namespace whosaid
