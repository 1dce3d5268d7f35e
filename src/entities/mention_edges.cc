// Mention edges and acronyms (see mention_edges.h).
#include "src/entities/mention_edges.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "src/base/calendar_words.h"
#include "src/base/word_lists.h"
#include "src/entities/mentions.h"
#include "src/entities/us_states.h"
#include "src/segment/tokenizer.h"

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
  // A typographic apostrophe inside is plain ("they’re", "don’t").
  for (size_t k = 0; k < w.size(); ++k) {
    if (w.compare(k, 3, "\xE2\x80\x99") == 0) {
      k += 2;
      continue;
    }
    const char c = w[k];
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

// "Has", "Is", "Says": a capitalised auxiliary or verb of saying, which no
// person's name holds after its first word.
bool IsCapitalisedAuxiliary(const Document& doc, uint32_t i) {
  static constexpr std::string_view kAuxiliaries[] = {
      "Has", "Have", "Had", "Is", "Are", "Was", "Were", "Does", "Did", "Would",
      "Could", "Should", "Can", "Must", "Says", "Tells", "Told", "HAS", "IS",
      "SAYS",
      // Headline verbs ("Ajit Pai Explains ...", "Scott Walker Blasts ...").
      "Explains", "Blasts", "Slams", "Warns", "Urges", "Claims", "Reveals",
      "Admits", "Denies", "Vows", "Asks", "Talks", "Speaks", "Responds",
      "Defends", "Praises", "Accuses", "Announces", "Rips", "Mocks", "Demands",
      "Insists", "Touts", "Wants", "Pledges", "Agrees", "Argues",
      "Acknowledges", "Concedes", "Rejects", "Signs", "Vetoes", "Unveils",
      "Confirms", "Predicts", "Suggests", "Questions", "Calls", "Lashes",
      "Doubles"};
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

// The nouns that head an institution's name and take a "for", "on" or
// "of" phrase as part of it ("Center for Law and Justice", "Committee on
// the Budget", "Office of the Director of National Intelligence").
bool IsInstitutionNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "center",        "centre",     "institute",  "committee",
      "commission",    "agency",     "foundation", "council",
      "association",   "bureau",     "fund",       "alliance",
      "coalition",     "league",     "society",    "federation",
      "board",         "department", "office",     "university",
      "college",       "school",     "academy",    "union",
      "administration"};
  return std::find(std::begin(kNouns), std::end(kNouns), w) != std::end(kNouns);
}

// Whether a word of `span` is an acronym: two or more capitals and no
// lower-case letter ("FBI", "GOP").
bool HasAcronymWord(const Document& doc, Span span) {
  uint32_t f, l;
  mention::TokenRange(doc, span, &f, &l);
  for (uint32_t i = f; i < l; ++i) {
    if (mention::IsAcronym(doc.TokenText(i))) return true;
  }
  return false;
}

// "Center for Law and Justice" that the tagger split at its function words
// ("American Center" ORG, "Law" PERSON, "Justice" ORG): an ORG ending in an
// institution's noun, then "for"/"on"/"of" [the] and an ORG or MISC mention
// (or a one-word PERSON fragment) with no acronym (or a place after "for", or
// after "of" for a university, college, institute or school: "Institute of
// California"), runs on over the capitalised words and inner
// "and"/"of"/"for"/"&" to one ORG. It stops before "and the" (two bodies: "the
// Joint Committee on Taxation and the Budget Office"), an honorific or a role
// noun ("Chairman"), a weekday, or a person's two-word name.
void InstitutionNames(Document* doc, std::vector<Entity>* added) {
  const auto& ents = doc->entities;
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  for (size_t k = 0; k + 1 < ents.size(); ++k) {
    if (ents[k].label != EntityLabel::kOrg) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, ents[k].span, &f, &l);
    if (f >= l || l + 1 >= n) continue;
    const std::string head = LowerToken(*doc, l - 1);
    if (!IsInstitutionNoun(head)) continue;
    const std::string prep = LowerToken(*doc, l);
    if (prep != "for" && prep != "on" && prep != "of") continue;
    uint32_t j = l + 1;
    if (j < n && LowerToken(*doc, j) == "the") ++j;
    const Entity& next = ents[k + 1];
    if (j >= n || next.span.begin != doc->tokens[j].span.begin) continue;
    const bool place_ok = prep == "for" || head == "university" ||
                          head == "college" || head == "institute" ||
                          head == "school";
    // Another body by its acronym is no part of the name ("the Justice
    // Department of the FBI", "the Budget Office on the House GOP").
    // A one-word "person" there is a fragment ("Law"); a full name is not.
    if ((next.label == EntityLabel::kPerson &&
         doc->Text(next.span).find(' ') != std::string_view::npos) ||
        (next.label == EntityLabel::kLoc && !place_ok) ||
        HasAcronymWord(*doc, next.span)) {
      continue;
    }
    const uint32_t sentence_end =
        doc->sentences.empty()
            ? n
            : doc->sentences[mention::SentenceOf(*doc, j)].token_end;
    // The run: capitalised words, and function words between them.
    uint32_t end = j;  // one past the last capitalised word
    size_t person_at = k + 1;
    for (uint32_t i = j; i < sentence_end; ++i) {
      const Token& t = doc->tokens[i];
      const std::string w = LowerToken(*doc, i);
      if (t.kind == TokenKind::kWord && t.capitalized) {
        // A title before a name ("Chairman Ana Ruiz") ends it; "Justice"
        // closing "Center for Law and Justice" does not.
        const bool title =
            i > j && (lex::IsHonorific(w) ||
                      (mention::IsRoleHeadWord(w) && i + 1 < n &&
                       doc->tokens[i + 1].kind == TokenKind::kWord &&
                       doc->tokens[i + 1].capitalized));
        if (WeekdayOfName(w) != 0 || title) {
          break;
        }
        // A two-word person's name after it is someone else.
        while (person_at < ents.size() &&
               ents[person_at].span.end <= t.span.begin) {
          ++person_at;
        }
        if (person_at < ents.size() &&
            ents[person_at].label == EntityLabel::kPerson &&
            ents[person_at].span.begin == t.span.begin &&
            doc->Text(ents[person_at].span).find(' ') !=
                std::string_view::npos) {
          break;
        }
        end = i + 1;
        continue;
      }
      if (w == "and" && i + 1 < n && LowerToken(*doc, i + 1) == "the") break;
      if (w != "and" && w != "of" && w != "for" && w != "&" && w != "the") {
        break;
      }
    }
    // A mention that runs on past the joined name keeps its words ("...
    // Reform Chairman Jason Chaffetz" tagged as one): end before it.
    for (size_t o = k + 1; o < ents.size() && end > j; ++o) {
      if (ents[o].span.begin >= doc->tokens[end - 1].span.end) break;
      if (ents[o].span.end > doc->tokens[end - 1].span.end) {
        while (end > j && doc->tokens[end - 1].span.end > ents[o].span.begin) {
          --end;
        }
        break;
      }
    }
    // Nor does a name end in a function word.
    while (end > j && !doc->tokens[end - 1].capitalized) --end;
    if (end <= j || doc->tokens[end - 1].span.end <= next.span.begin) continue;
    Entity e;
    e.span = {ents[k].span.begin, doc->tokens[end - 1].span.end};
    e.label = EntityLabel::kOrg;
    added->push_back(e);
    // Skip the entities the joined name covers.
    while (k + 1 < ents.size() && ents[k + 1].span.begin < e.span.end) ++k;
  }
}

}  // namespace

namespace {

// An auxiliary or a verb of saying in lower case: a name never holds one.
bool IsFiniteVerbWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "has",       "had",   "have",    "is",      "was",    "were",   "are",
      "said",      "says",  "told",    "tells",   "asked",  "wrote",  "writes",
      "will",      "would", "reports", "notes",   "argues", "claims", "depicts",
      "describes", "adds",  "warns",   "insists", "calls"};
  return InWordList(kWords, w);
}

// The last word of a building's or a venue's name ("Trump Tower", "Ansel
// Plaza"); not words that are also surnames ("Hall", "Park", "Church",
// "Arena").
bool IsBuildingWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "tower", "towers",  "building", "avenue", "boulevard",
      "plaza", "airport", "stadium",  "hotel",  "mall"};
  return InWordList(kWords, lower);
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
    // A person's name ends before a bracket: "Todd Young (R-Ind.)" is
    // Todd Young with his party-state tag.
    if (e.label == EntityLabel::kPerson) {
      for (uint32_t i = f + 1; i < l; ++i) {
        if (doc->TokenText(i) == "(" || doc->TokenText(i) == "[") {
          l = i;
          break;
        }
      }
    }
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
    } else {
      // "Late-night TV host Stephen Colbert": a lower-case role word with a
      // capitalised name of two or more words after it is a person's
      // title, and the name is the person's.
      for (uint32_t i = f + 1; i + 2 <= l; ++i) {
        if (doc->tokens[i].kind != TokenKind::kWord ||
            doc->tokens[i].capitalized) {
          continue;
        }
        const std::string role = mention::LowerToken(*doc, i);
        if (!mention::IsRoleHeadWord(role) && !mention::IsOwnVoiceNoun(role)) {
          continue;
        }
        bool name = l - (i + 1) >= 2;
        for (uint32_t j = i + 1; j < l && name; ++j) {
          name = doc->tokens[j].kind == TokenKind::kWord &&
                 doc->tokens[j].capitalized;
        }
        if (name) {
          f = i + 1;
          e.label = EntityLabel::kPerson;
        }
        break;
      }
      // Nor does any other name go on into a verb ("The Federalist has",
      // "the Chronicle quoted", "the Court sided"): an auxiliary, a verb of
      // saying or a lower-case word in -ed ends it ("Islamic State group",
      // "Bank of America" go on).
      for (uint32_t i = f + 1; i < l; ++i) {
        if (doc->tokens[i].kind != TokenKind::kWord ||
            doc->tokens[i].capitalized) {
          continue;
        }
        const std::string_view w = doc->TokenText(i);
        // "Koch brothers-funded Americans for Prosperity": a compound's -ed
        // word modifies what follows.
        const bool compound = doc->TokenText(i - 1) == "-" ||
                              w.find('-') != std::string_view::npos;
        if (IsFiniteVerbWord(w) ||
            (!compound && w.size() > 4 && w.ends_with("ed"))) {
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
    // "Trump Tower", "Ansel Plaza": a name ending in a building's word is
    // a place, not a person (and "Trump" must not join it as his name).
    // A "Center" is as often a body ("the Anne Frank Center").
    if (e.label == EntityLabel::kPerson && l - f > 1) {
      const std::string last = mention::Lower(doc->TokenText(l - 1));
      if (last == "center" || last == "centre") {
        e.label = EntityLabel::kOrg;
      } else if (IsBuildingWord(last)) {
        e.label = EntityLabel::kLoc;
      }
    }
    // A sentence's full stop is no part of a name ("the Department of
    // Homeland Security.", "Jeb Bush."); an abbreviation's period is
    // ("Target Corp.", "Calif.", "John Roberts Jr.", "George W.").
    if (l - f > 1 && doc->TokenText(l - 1) == "." &&
        doc->tokens[l - 2].kind == TokenKind::kWord &&
        doc->tokens[l - 2].span.end == doc->tokens[l - 1].span.begin) {
      const std::string_view word = doc->TokenText(l - 2);
      const size_t short_word = e.label == EntityLabel::kPerson ? 1 : 4;
      if (word.size() > short_word && !IsAbbreviation(mention::Lower(word)) &&
          lex::UsStateOfAbbreviation(doc->Text(Span{
              doc->tokens[l - 2].span.begin, doc->tokens[l - 1].span.end})) <
              0) {
        --l;
      }
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

void CutNamesRunningOn(Document* doc) {
  // Names of people have few words; a run-on mention has more. Most
  // documents have none, so the name set is built only when one is seen.
  constexpr uint32_t kMinRunOnWords = 3;
  std::unordered_set<std::string> names;
  bool names_built = false;
  // Whether the article writes `word` in lower case somewhere: a common
  // word, not a name ("tears", "team"; not "Bush" of "George W. Bush",
  // whose "George W." the tagger may have cut elsewhere). Rarely asked.
  auto written_in_lower_case = [&](std::string_view word) {
    for (uint32_t i = 0; i < doc->tokens.size(); ++i) {
      const Token& t = doc->tokens[i];
      if (t.kind == TokenKind::kWord && !t.capitalized &&
          doc->TokenText(i) == word) {
        return true;
      }
    }
    return false;
  };
  for (Entity& e : doc->entities) {
    if (e.label != EntityLabel::kPerson) continue;
    uint32_t f, l;
    mention::TokenRange(*doc, e.span, &f, &l);
    if (l - f < kMinRunOnWords) continue;
    if (!names_built) {
      for (const Entity& p : doc->entities) {
        if (p.label == EntityLabel::kPerson) {
          names.insert(mention::Lower(doc->Text(p.span)));
        }
      }
      names_built = true;
    }
    for (uint32_t cut = l - 1; cut > f; --cut) {
      const uint32_t words = cut - f;
      if (words < 2 && l - cut < 3) continue;
      const Span prefix{doc->tokens[f].span.begin,
                        doc->tokens[cut - 1].span.end};
      if (names.count(mention::Lower(doc->Text(prefix))) != 0 &&
          written_in_lower_case(mention::Lower(doc->TokenText(cut)))) {
        e.span = prefix;
        break;
      }
    }
  }
}

std::string InitialsOf(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty() || w == "of" || w == "and" || w == "the" || w == "for") {
      continue;
    }
    const char c = w[0];
    if (!(('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'))) return "";
    out += static_cast<char>('a' <= c && c <= 'z' ? c - ('a' - 'A') : c);
  }
  return out;
}

void AddAcronymOrgs(Document* doc) {
  std::vector<Entity> added;
  AcronymOrgs(doc, &added);
  MergeEntities(doc, added);
}

void JoinInstitutionNames(Document* doc) {
  std::vector<Entity> added;
  InstitutionNames(doc, &added);
  MergeEntities(doc, added);
}

}  // namespace whosaid
