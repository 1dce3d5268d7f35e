// Speaker resolution, the sieves for one mention (see speaker_sieves.h):
// named entity, pronoun (speaker_pronouns.cc), name word, organisation noun
// and role noun ("the general"; the role's person is found in
// speaker_roles.cc). Any thread, on a document it owns.
#include "src/entities/speaker_sieves.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "src/base/calendar_words.h"
#include "src/base/word_lists.h"
#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/subjects.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Whether the article writes the word `lower` in lower case somewhere.
bool WrittenInLowerCase(const Document& doc, std::string_view lower) {
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].kind == TokenKind::kWord && !doc.tokens[i].capitalized &&
        doc.TokenText(i) == lower) {
      return true;
    }
  }
  return false;
}

bool IsAnonymousSourceNoun(std::string_view head) {
  return head == "official" || head == "aide" || head == "adviser" ||
         head == "advisor" || head == "staffer" || head == "source" ||
         head == "insider" || head == "person";
}

// Whether a phrase ending in `head` names people other than its possessor:
// a plural ("critics", "lawyers", "allies") or a relative ("son").
bool PeopleOfThePossessor(std::string_view head) {
  static constexpr std::string_view kRelatives[] = {
      "son",     "daughter", "wife",  "husband", "brother", "sister",
      "father",  "mother",   "widow", "nephew",  "niece",   "cousin",
      "partner", "friend",   "ally",  "critic",  "rival"};
  if (InWordList(kRelatives, head)) return true;
  return head.size() > 3 && head.back() == 's' && !head.ends_with("ss") &&
         !head.ends_with("us");
}

// Whether token i is the first word of its sentence (after quote marks
// and punctuation).
bool OpensSentence(const Document& doc, uint32_t i) {
  if (doc.sentences.empty()) return false;
  uint32_t k = doc.sentences[mention::SentenceOf(doc, i)].token_begin;
  while (k < i && doc.tokens[k].kind != TokenKind::kWord &&
         doc.tokens[k].kind != TokenKind::kNumber) {
    ++k;
  }
  return k == i;
}

}  // namespace

bool IsAddressee(const Document& doc, Span name) {
  const uint32_t t = mention::TokenAtOrAfter(doc, name.begin);
  if (t == 0 || t >= doc.tokens.size()) return false;
  const std::string w = LowerToken(doc, t - 1);
  return w == "told" || w == "to" || w == "with" || w == "on";
}

bool IsLawName(std::string_view canonical) {
  static constexpr std::string_view kLawWords[] = {
      "act",          "amendment", "amendments", "treaty",  "clause",
      "bill",         "law",       "accord",     "accords", "agreement",
      "constitution", "code",      "protocol",   "doctrine"};
  const size_t cut = canonical.find_last_of(' ');
  if (cut == std::string_view::npos) return false;
  return InWordList(kLawWords, mention::Lower(canonical.substr(cut + 1)));
}

bool IsDayName(std::string_view lower) {
  if (WeekdayOfName(lower) != 0) return true;
  // "May" is a name as often as a month.
  if (lower == "may" || lower == "may.") return false;
  if (IsFullMonthName(lower)) return true;
  // Abbreviated months keep their period as one token ("a Dec. 28 tweet").
  return lower.ends_with('.') &&
         MonthOfWord(lower.substr(0, lower.size() - 1)) != 0;
}

// A person group holding `word` (lower case) among its name words; the one
// mentioned most recently before `begin_byte`.
// The group of the last entity mention before `begin_byte` whose group's
// name holds `word` ("gedney" -> "Felix Gedney"), else of the first one
// after; -1 when none. Looked up in an index the cache builds once.
int32_t ResolveNameWord(const Document& doc, const std::string& word,
                        uint32_t begin_byte, SpeakerCache* cache) {
  using Use = SpeakerCache::NameWordUse;
  auto add = [](std::vector<Use>* list, const Entity& e, bool head) {
    // A name that repeats a word ("Kim Kim") lists the mention once.
    if (list->empty() || list->back().begin != e.span.begin) {
      list->push_back({e.span.begin, e.group, head});
    } else {
      list->back().head |= head;
    }
  };
  if (!cache->name_words_built) {
    for (const Entity& e : doc.entities) {
      if (e.group < 0) continue;
      std::string_view name = doc.groups[e.group].canonical;
      size_t p = 0;
      while (p < name.size()) {
        size_t q = name.find(' ', p);
        if (q == std::string_view::npos) q = name.size();
        add(&cache->name_words[mention::Lower(name.substr(p, q - p))], e,
            q == name.size());
        p = q + 1;
      }
      // "CBO" for the Congressional Budget Office it was grouped with.
      for (const std::string& alias : doc.groups[e.group].aliases) {
        if (!mention::IsAcronym(alias)) continue;
        add(&cache->name_words[mention::Lower(alias)], e, true);
      }
    }
    cache->name_words_built = true;
  }
  auto it = cache->name_words.find(word);
  if (it == cache->name_words.end()) return -1;
  const std::vector<Use>& list = it->second;
  // A name's last word first: "Trump" is Donald Trump before Trump Tower,
  // whatever comes nearer. The latest use before the mention, else the
  // first after it.
  const bool any_head = std::any_of(list.begin(), list.end(),
                                    [](const Use& u) { return u.head; });
  int32_t after = -1;
  int32_t before = -1;
  for (const Use& u : list) {
    if (any_head && !u.head) continue;
    if (u.begin < begin_byte) {
      before = u.group;
    } else if (after < 0) {
      after = u.group;
    }
  }
  return before >= 0 ? before : after;
}

const Entity* EntityAtToken(const Document& doc, uint32_t i) {
  const Span t = doc.tokens[i].span;
  auto it = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.end <= t.begin; });
  return it != doc.entities.end() && it->span.begin < t.end ? &*it : nullptr;
}

// Whether token i of mention `m` lies in a place or other name that only
// modifies a noun after it ("U.S." of "U.S. intelligence agencies"; see
// mention::ModifiesALaterNoun): no name of the speaker.
bool InModifierName(const Document& doc, Span m, uint32_t i) {
  const Entity* e = EntityAtToken(doc, i);
  return e != nullptr && mention::ModifiesALaterNoun(doc, *e, m);
}

bool InPlaceAfterNoun(const Document& doc, Span m, uint32_t i) {
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  if (i <= f || i >= l) return false;
  uint32_t p = i;
  // Walks back over places listed one after another ("Northbrook,
  // Illinois", "Texas and Arizona") to the preposition before the first.
  while (true) {
    // Places only: "a study in The Lancet", "data from FlightRadar24" name
    // their source. By the group's label; and a first name before another
    // word is a person the tagger took for a place ("a lesson from Loretta
    // Lynch"). Capitalised words no entity holds may be a place the tagger
    // missed ("engineers in Reno").
    if (const Entity* it = EntityAtToken(doc, p); it != nullptr) {
      if ((it->group >= 0 ? doc.groups[it->group].label : it->label) !=
          EntityLabel::kLoc) {
        return false;
      }
      uint32_t ef, el;
      mention::TokenRange(doc, it->span, &ef, &el);
      if (el > ef + 1 &&
          lex::GenderOfWord(LowerToken(doc, ef)) != lex::Gender::kUnknown) {
        return false;
      }
      p = std::max(f, mention::TokenAtOrAfter(doc, it->span.begin));
    } else {
      if (!doc.tokens[p].capitalized || !mention::IsWord(doc, p)) return false;
      while (p > f && doc.tokens[p - 1].capitalized &&
             mention::IsWord(doc, p - 1) &&
             EntityAtToken(doc, p - 1) == nullptr) {
        --p;
      }
    }
    if (p > f && mention::TokenIs(doc, p - 1, "the")) --p;
    if (p <= f + 1) return false;
    if (doc.TokenText(p - 1) != "," && !mention::TokenIs(doc, p - 1, "and")) {
      break;
    }
    p -= 2;
  }
  // Not "at": "anyone at the White House", "a colleague at NYU" belong to
  // what they are at.
  static constexpr std::string_view kPlacePrepositions[] = {
      "in", "from", "near", "across", "outside", "throughout"};
  bool place_preposition = false;
  for (std::string_view w : kPlacePrepositions) {
    place_preposition |= mention::TokenIs(doc, p - 1, w);
  }
  if (!place_preposition) return false;
  // A text or its maker names its source, not its place: "a study in the
  // Lancet", "a report from Politico", "a writer at Salon".
  static constexpr std::string_view kTextNouns[] = {
      "study",     "studies",   "report",    "reports",  "poll",
      "polls",     "polling",   "survey",    "analysis", "data",
      "article",   "story",     "paper",     "review",   "commentary",
      "editorial", "column",    "piece",     "op-ed",    "writer",
      "reporter",  "editor",    "columnist", "tweet",    "post",
      "statement", "letter",    "memo",      "research", "findings",
      "figures",   "numbers",   "count",     "estimate", "estimates",
      "readout",   "video",     "interview", "records",  "documents",
      "account",   "published", "released",  "journal",  "information"};
  bool noun = false;
  for (uint32_t k = f; k + 1 < p; ++k) {
    const Token& w = doc.tokens[k];
    // A capitalised word opening the mention counts when no name holds it
    // ("Police in Marlow").
    if (w.kind != TokenKind::kWord ||
        (w.capitalized && (k != f || EntityAtToken(doc, k) != nullptr))) {
      continue;
    }
    std::string lower = LowerToken(doc, k);
    for (std::string_view n : kTextNouns) {
      if (lower == n) return false;
    }
    noun |= !lex::IsDeterminer(lower);
  }
  return noun;
}

int32_t PersonWithSurname(const Document& doc, const Entity& e) {
  std::string_view word = doc.Text(e.span);
  if (word.empty() || word.find(' ') != std::string_view::npos) return -1;
  int32_t found = -1;
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    const EntityGroup& group = doc.groups[g];
    std::string_view name = group.canonical;
    if (group.label != EntityLabel::kPerson || name.size() <= word.size() ||
        !name.ends_with(word) || name[name.size() - word.size() - 1] != ' ') {
      continue;
    }
    // A first name before it: "Alexandrian Jews" is no person's name.
    size_t space = name.find(' ');
    if (lex::GenderOfWord(mention::Lower(name.substr(0, space))) ==
        lex::Gender::kUnknown) {
      continue;
    }
    if (found >= 0) return -1;
    found = static_cast<int32_t>(g);
  }
  return found;
}

namespace {

// Byte offset where a relative clause opens inside mention m (the comma
// before "who", "whom", "whose" or "which"), or m.end when none does.
uint32_t RelativeClauseBegin(const Document& doc, Span m) {
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  for (uint32_t i = f + 1; i + 1 < l; ++i) {
    if (doc.TokenText(i) != ",") continue;
    if (mention::TokenIs(doc, i + 1, "who") ||
        mention::TokenIs(doc, i + 1, "whom") ||
        mention::TokenIs(doc, i + 1, "whose") ||
        mention::TokenIs(doc, i + 1, "which")) {
      return doc.tokens[i].span.begin;
    }
  }
  return m.end;
}

}  // namespace

int32_t ResolveMentionWith(const Document& doc, Span m,
                           int32_t previous_speaker, SpeakerCache* cache) {
  if (m.empty() || doc.tokens.empty()) return -1;
  // One mention resolved alone (no document cache): the indexes are built
  // for it here.
  SpeakerCache local_cache;
  if (cache == nullptr) cache = &local_cache;
  // A relative clause in the mention ("Ben Bradley, who had backed Mrs May's
  // deal,") describes its head: the names inside it are someone else's.
  m.end = RelativeClauseBegin(doc, m);
  // 1. The mention is (or contains) a named entity. Entities are sorted and
  // do not overlap one another, so those overlapping the mention are the
  // ones just before the first entity starting at or after its end.
  int32_t found = -1;
  bool modified = false;  // holds a name that only modifies a noun
  bool placed = false;    // holds the place of a noun ("judge in Ohio")
  // A place opens a longer name the tagger cut short (LongerNameEnd), which
  // spans [longer_begin, longer_end).
  bool longer_name = false;
  uint32_t longer_begin = 0, longer_end = 0;
  auto entities_end = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.end; });
  auto overlapping = entities_end;
  while (overlapping != doc.entities.begin() &&
         std::prev(overlapping)->span.end > m.begin) {
    --overlapping;
  }
  // "German said", "German, a former agent,": a one-word place or
  // adjectival name opening the mention is the surname of the person the
  // article names so, if it names one.
  if (overlapping != entities_end && overlapping->span.begin == m.begin &&
      overlapping->label != EntityLabel::kPerson &&
      overlapping->label != EntityLabel::kOrg) {
    uint32_t f, l;
    mention::TokenRange(doc, m, &f, &l);
    if (l == f + 1 || (l > f + 1 && doc.TokenText(f + 1) == ",")) {
      if (int32_t g = PersonWithSurname(doc, *overlapping); g >= 0) return g;
    }
  }
  for (int pass = 0; pass < 3 && found < 0; ++pass) {
    for (auto it = overlapping; it != entities_end; ++it) {
      const Entity& e = *it;
      if (!Overlaps(e.span, m) || e.group < 0) continue;
      if (e.label != EntityLabel::kPerson && e.label != EntityLabel::kOrg &&
          InPlaceAfterNoun(doc, m,
                           mention::TokenAtOrAfter(doc, e.span.begin))) {
        // "a federal judge in Ohio", like "an Ohio judge", is someone new.
        placed = true;
        continue;
      }
      if (mention::ModifiesALaterNoun(doc, e, m)) {
        modified = true;
        continue;
      }
      if (mention::ModifiesALaterPerson(doc, it, entities_end, m)) continue;
      // "the Atlanta Journal-Constitution": the tagger's place is the
      // start of the speaker's longer name (the caller names the run).
      // Nor is an entity inside that name ("Korea" of "U.S. Forces Korea").
      if (e.span.begin >= longer_begin && e.span.begin < longer_end) continue;
      if (uint32_t end = mention::LongerNameEnd(doc, e, m); end > 0) {
        longer_name = true;
        longer_begin = e.span.begin;
        longer_end = doc.tokens[end - 1].span.end;
        continue;
      }
      // "critics of Trump", "friends of Hale": their people speak; "a
      // lawyer for Trump, Daniel Petrocelli," is the lawyer named after.
      const uint32_t e_first = mention::TokenAtOrAfter(doc, e.span.begin);
      const uint32_t m_first = mention::TokenAtOrAfter(doc, m.begin);
      if (mention::ObjectOfOtherPerson(doc, e_first, m_first)) continue;
      if (e.label == EntityLabel::kPerson && std::next(it) != entities_end &&
          std::next(it)->label == EntityLabel::kPerson &&
          std::next(it)->span.end <= m.end &&
          mention::ObjectOfRepresentative(doc, e_first, m_first) &&
          doc.TokenText(mention::TokenAtOrAfter(doc, e.span.end)) == ",") {
        continue;
      }
      // "Hale's father", "Trump's lawyers": the possessor is someone else.
      if (mention::PossessesOtherPerson(
              doc, mention::TokenAtOrAfter(doc, e.span.end),
              mention::TokenAtOrAfter(doc, m.end),
              e.label == EntityLabel::kPerson)) {
        continue;
      }
      // Beside such a modifier, another place is no speaker either ("the
      // Norland envoy to Veltia").
      if (modified && pass == 2) continue;
      if (e.label != EntityLabel::kPerson && e.span.size() < 12 &&
          IsDayName(mention::Lower(doc.Text(e.span)))) {
        continue;
      }
      bool person = e.label == EntityLabel::kPerson;
      bool org = e.label == EntityLabel::kOrg;
      if ((pass == 0 && person) || (pass == 1 && org) || pass == 2) {
        found = e.group;
        break;
      }
    }
  }
  if (found >= 0) return found;
  // The mention's head is a name the tagger cut short: no word of it names
  // another entity ("Times" of the "St. Louis Post-Dispatch" is not the New
  // York Times); the caller names it by the whole run.
  if (longer_name) return -1;
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  if (f >= l) return -1;
  // 2. Pronouns.
  for (uint32_t i = f; i < l; ++i) {
    lex::PronounKind kind = lex::PronounOf(LowerToken(doc, i));
    if (kind == lex::PronounKind::kNone) continue;
    if (l - f > 2) break;  // a longer phrase that merely contains one
    // "her husband", "his critics": the possessor is someone else; "his
    // lawyer" may be the lawyer the article names (the role sieve).
    if (const std::string p = LowerToken(doc, i);
        mention::IsPossessivePronoun(p) &&
        mention::HeadsOtherPerson(doc, i + 1, l, p == "his" || p == "her")) {
      break;
    }
    if (i + 1 < l && mention::IsRelationNoun(LowerToken(doc, i + 1))) {
      return -1;
    }
    if (kind == lex::PronounKind::kRelative) return ResolveRelative(doc, f);
    if (kind == lex::PronounKind::kFirst) {
      for (const Attribution& q : doc.quotes) {
        if (q.content.begin <= m.begin && m.end <= q.content.end &&
            q.speaker_group >= 0) {
          return q.speaker_group;
        }
      }
      return -1;
    }
    return ResolvePronoun(doc, f, kind, previous_speaker, cache);
  }
  // 3. Name words not tagged as entities ("Gedney").
  for (uint32_t i = l; i-- > f;) {
    const Token& t = doc.tokens[i];
    std::string w = LowerToken(doc, i);
    if (t.kind != TokenKind::kWord || !t.capitalized ||
        mention::IsTitleWord(w) || lex::IsDeterminer(w) ||
        InModifierName(doc, m, i) || InPlaceAfterNoun(doc, m, i)) {
      continue;
    }
    if (mention::PossessesOtherPerson(doc, i + 1, l,
                                      /*person_possessor=*/true) ||
        mention::ObjectOfOtherPerson(doc, i, f)) {
      continue;
    }
    // "the Ohio Republican" is a person (the role sieve), not the party.
    if (modified && mention::IsPartyNoun(w)) {
      continue;
    }
    // "Abortion opponents", "Port officers": a sentence's first word is
    // capitalised for its place, and before a lower-case noun it is that
    // noun's modifier, no name, when the article writes it in lower case
    // elsewhere. An acronym or an organisation's noun stays one ("DOJ
    // lawyers", "Committee staffers"), and so does a name ("Teneo
    // officials").
    if (i + 1 < l && OpensSentence(doc, i) && !lex::IsOrgWord(w) &&
        !mention::IsAcronym(doc.TokenText(i)) &&
        doc.tokens[i + 1].kind == TokenKind::kWord &&
        !doc.tokens[i + 1].capitalized && WrittenInLowerCase(doc, w)) {
      continue;
    }
    std::string word = mention::Lower(doc.TokenText(i));
    int32_t g = ResolveNameWord(doc, word, m.begin, cache);
    // "WFS workers", "ACME engineers": an organisation's people who speak
    // for themselves (as mention::ModifiesALaterNoun for tagged names).
    if (g >= 0 && doc.groups[g].label == EntityLabel::kOrg && i + 1 < l &&
        doc.tokens[i + 1].kind == TokenKind::kWord &&
        !doc.tokens[i + 1].capitalized &&
        mention::IsOwnVoiceNoun(LowerToken(doc, i + 1))) {
      continue;
    }
    if (g >= 0 && !(modified && doc.groups[g].label != EntityLabel::kPerson &&
                    doc.groups[g].label != EntityLabel::kOrg)) {
      return g;
    }
  }
  // 4. Organisation nouns ("the company"): speaker_org_nouns.cc.
  if (const int32_t g = ResolveOrgNoun(doc, m, f, l); g != kNotAnOrgNoun) {
    return g;
  }
  // 5. Role nouns ("the general", "the Pentagon spokesman"). An indefinite
  // one with a place before its noun ("a Norland army officer") brings in
  // someone new.
  const bool indefinite =
      mention::TokenIs(doc, f, "a") || mention::TokenIs(doc, f, "an") ||
      mention::TokenIs(doc, f, "one") || mention::TokenIs(doc, f, "another");
  // "an administration official", "one longtime aide": the words of an
  // unnamed source bring in no one the article names (a judge or a
  // spokesman so introduced is often named next, and is kept).
  // The noun may be followed by words the span took along ("a senior
  // official, simply", "a department official in an email").
  if (indefinite) {
    for (uint32_t i = f + 1; i < l; ++i) {
      const std::string w = LowerToken(doc, i);
      if (w == "," || w == "in" || w == "with" || w == "on" || w == "at") {
        break;
      }
      if (IsAnonymousSourceNoun(w)) return -1;
    }
  }
  for (uint32_t i = l; i-- > f && !((modified || placed) && indefinite);) {
    std::string w = LowerToken(doc, i);
    // "the Ohio Republican": a party noun ending a definite phrase.
    const bool party_noun = i + 1 == l && mention::TokenIs(doc, f, "the") &&
                            (w == "democrat" || w == "republican");
    if (!mention::IsRoleHeadWord(w) && !party_noun) continue;
    // "the grandson of former President X" is not the president.
    if (mention::ObjectOfOtherPerson(doc, i, f)) return -1;
    // Nor are "the president's critics" or "the senator's son" the
    // president or the senator: people of the possessor's are others. (His
    // office, team or campaign speak for him.)
    if (i + 1 < l && mention::IsPossessiveMark(doc, i + 1) &&
        PeopleOfThePossessor(LowerToken(doc, l - 1))) {
      return -1;
    }
    // "attorneys general", "inspectors general": a plural title names a
    // group, nobody in particular.
    if (i > f && (w == "general" || w == "generals")) {
      std::string before = LowerToken(doc, i - 1);
      if (before.size() > 1 && before.back() == 's' &&
          mention::IsRoleHeadWord(
              std::string_view(before).substr(0, before.size() - 1))) {
        return -1;
      }
    }
    return ResolveRole(doc, lex::ExpandAbbreviation(w), m.begin,
                       StateInPhrase(doc, f, i), f, i);
  }
  return -1;
}

}  // namespace whosaid::speakers
