// Mention edges and acronyms (see mention_edges.h).
#include "src/entities/mention_edges.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/calendar_words.h"
#include "src/entities/mentions.h"

namespace whosaid {
namespace {

using mention::IsFunctionWord;
using mention::IsNameParticle;
using mention::LowerToken;

constexpr uint32_t kMaxAcronymRun = 6;

// A word of lower-case ASCII letters only ("has", "on"; not "al-Assad",
// "deGravelles", "iPhone").
bool PlainLowerWord(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kWord || t.capitalized) return false;
  std::string_view w = doc.TokenText(i);
  return std::none_of(w.begin(), w.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// "Has", "Is", "Says": a capitalised auxiliary or verb of saying, which no
// person's name holds after its first word.
bool IsCapitalisedAuxiliary(const Document& doc, uint32_t i) {
  static constexpr std::string_view kAuxiliaries[] = {
      "Has",  "Have",  "Had",   "Is",    "Are",    "Was", "Were",
      "Does", "Did",   "Would", "Could", "Should", "Can", "Must",
      "Says", "Tells", "Told",  "HAS",   "IS",     "SAYS"};
  std::string_view w = doc.TokenText(i);
  return std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), w) !=
         std::end(kAuxiliaries);
}

// "Islamic State (IS, formerly ISIS/ISIL)": a capitalised run whose
// initials spell the acronym in the parentheses becomes one ORG entity.
void AcronymOrgs(Document* doc, std::vector<Entity>* added) {
  const auto& toks = doc->tokens;
  for (uint32_t p = 1; p + 1 < toks.size(); ++p) {
    if (doc->TokenText(p) != "(") continue;
    std::string_view acr = doc->TokenText(p + 1);
    if (size_t slash = acr.find('/'); slash != std::string_view::npos) {
      acr = acr.substr(0, slash);
    }
    if (acr.size() < 2 || acr.size() > 8) continue;
    bool caps = true;
    for (char c : acr) caps &= (c >= 'A' && c <= 'Z');
    if (!caps) continue;
    // Capitalised run ending before "(".
    uint32_t b = p;
    while (b > 0 && p - b < kMaxAcronymRun + 2) {
      const Token& t = toks[b - 1];
      std::string lw = LowerToken(*doc, b - 1);
      if (t.kind == TokenKind::kWord && (t.capitalized || IsFunctionWord(lw))) {
        --b;
      } else {
        break;
      }
    }
    // Try each suffix of the run, longest first.
    for (uint32_t s = b; s < p; ++s) {
      if (!toks[s].capitalized || IsFunctionWord(LowerToken(*doc, s))) {
        continue;
      }
      std::string initials;
      for (uint32_t i = s; i < p; ++i) {
        if (IsFunctionWord(LowerToken(*doc, i))) continue;
        initials += doc->TokenText(i)[0];
      }
      if (initials == acr) {
        Entity e;
        e.span = {toks[s].span.begin, toks[p - 1].span.end};
        e.label = EntityLabel::kOrg;
        added->push_back(e);
        break;
      }
    }
  }
}

// Merges `added` into doc->entities, replacing entities that overlap them.
void MergeEntities(Document* doc, const std::vector<Entity>& added) {
  if (added.empty()) return;
  std::vector<Entity> out;
  for (const Entity& e : doc->entities) {
    bool overlaps = false;
    for (const Entity& a : added) {
      if (e.span.begin < a.span.end && a.span.begin < e.span.end) {
        overlaps = true;
      }
    }
    if (!overlaps) out.push_back(e);
  }
  for (const Entity& a : added) {
    bool same = false;
    for (const Entity& e : doc->entities) same |= e.span == a.span;
    Entity copy = a;
    if (same) {
      for (const Entity& e : doc->entities) {
        if (e.span == a.span) copy.label = e.label;
      }
    }
    out.push_back(copy);
  }
  std::sort(out.begin(), out.end(), [](const Entity& x, const Entity& y) {
    return x.span.begin < y.span.begin;
  });
  doc->entities = std::move(out);
}

}  // namespace

void TrimEdgeWords(Document* doc) {
  static constexpr std::string_view kEdgeWords[] = {
      "and", "or", "but",  "of",   "in",  "on", "at",
      "to",  "by", "with", "from", "for", "as", "&"};
  auto edge = [&](uint32_t i) {
    const Token& t = doc->tokens[i];
    if (t.capitalized) return false;
    std::string_view w = doc->TokenText(i);
    for (std::string_view e : kEdgeWords) {
      if (w == e) return true;
    }
    // Not a period: "Fla." and "Calif." keep theirs (the tagger's span
    // is right far more often than not there). Quote marks never: "Joe”".
    return (t.kind == TokenKind::kPunct && w != ".") ||
           t.kind == TokenKind::kQuote;
  };
  bool any_empty = false;
  for (Entity& e : doc->entities) {
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (f >= l) continue;
    uint32_t f0 = f, l0 = l;
    // A quote mark inside a name with no partner there ("Daily Show”
    // Stewart", a title's closing quote before the name) ends what came
    // before: the name is what follows it. A pair ("Craig “Buster”
    // Barnard") stays.
    uint32_t quotes = 0, last_quote = l;
    for (uint32_t i = f; i < l; ++i) {
      // Double quote marks only: a single one is as often an apostrophe
      // ("State Governments’ Justice Center", "Queen 's Park").
      if (doc->tokens[i].kind == TokenKind::kQuote &&
          doc->tokens[i].double_quote) {
        ++quotes;
        last_quote = i;
      }
    }
    if (quotes % 2 == 1) {
      if (last_quote + 1 < l) {
        f = last_quote + 1;
      } else {
        l = last_quote;
      }
    }
    while (f < l && edge(f)) ++f;
    // No person's name opens with a plain lower-case word ("got Vindman",
    // "whether Trump"), but with a particle it may ("de Blasio"). (Other
    // names may: CoNLL's "serie A".)
    while (e.label == EntityLabel::kPerson && l - f > 1 &&
           PlainLowerWord(*doc, f) && !IsNameParticle(doc->TokenText(f))) {
      ++f;
    }
    // A person's name ends with a capital ("Trump has", "Obama once" are
    // the tagger running on); "al-Assad", "deGravelles" have one inside,
    // and a leading "de" or "van" is a name's ("de Blasio").
    auto lower_tail = [&](uint32_t i) {
      if (e.label != EntityLabel::kPerson || i == f) return false;
      return doc->tokens[i].kind == TokenKind::kNumber ||
             PlainLowerWord(*doc, i);
    };
    // Nor does it go on past a plain lower-case word inside it ("Trump on
    // Sunday", "Theresa May in Brussels"), except the particles of names
    // ("Ludwig van Beethoven", "Bill and Melinda Gates").
    if (e.label == EntityLabel::kPerson) {
      for (uint32_t i = f + 1; i < l; ++i) {
        // A title-case headline runs on into its verb ("President Trump
        // Has Begun", "Mitt Romney Is Right"): no name goes on past a
        // capitalised auxiliary or verb of saying ("May", "Will" and "Said"
        // are names too).
        if (IsCapitalisedAuxiliary(*doc, i) ||
            (i + 1 < l && lower_tail(i) &&
             !IsNameParticle(doc->TokenText(i)))) {
          l = i;
          break;
        }
      }
    }
    // Nor does a name of someone or something end in a weekday: the
    // tagger ran on into the time ("Chuck Schumer Friday", "CNN Tuesday").
    // Events may ("Super Tuesday").
    if (e.label != EntityLabel::kMisc && l - f > 1 &&
        WeekdayOfName(doc->TokenText(l - 1)) != 0) {
      --l;
    }
    while (l > f && (edge(l - 1) || lower_tail(l - 1))) {
      // "Mladost ( BJ )" keeps the bracket it opened.
      std::string_view last = doc->TokenText(l - 1);
      if ((last == ")" || last == "]") &&
          doc->Text(
                 Span{doc->tokens[f].span.begin, doc->tokens[l - 1].span.begin})
                  .find(last == ")" ? '(' : '[') != std::string_view::npos) {
        break;
      }
      --l;
    }
    if (f == f0 && l == l0) continue;
    if (f >= l) {
      e.span = {};
      any_empty = true;
      continue;
    }
    e.span = {doc->tokens[f].span.begin, doc->tokens[l - 1].span.end};
  }
  if (any_empty) {
    std::erase_if(doc->entities,
                  [](const Entity& e) { return e.span.empty(); });
  }
}

void AddAcronymOrgs(Document* doc) {
  std::vector<Entity> added;
  AcronymOrgs(doc, &added);
  MergeEntities(doc, added);
}

}  // namespace whosaid
