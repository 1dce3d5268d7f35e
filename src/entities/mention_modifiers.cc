// Mention helpers (see mentions.h) that tell which name in a mention is its
// head: a name that only modifies a later person or noun ("Trump
// spokeswoman Hope Hicks", "U.S. intelligence agencies") and a place that
// opens a longer name the tagger cut short ("the Atlanta
// Journal-Constitution"). Pure functions of their arguments; safe from any
// thread.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"

namespace whosaid::mention {

// True if token `i` (before `end`) is a possessive marker ("'s", or "'"
// after a name in -s).
static bool IsPossessive(const Document& doc, uint32_t i, uint32_t end) {
  return i < end && IsPossessiveMark(doc, i);
}

bool ModifiesALaterPerson(const Document& doc,
                          std::vector<Entity>::const_iterator it,
                          std::vector<Entity>::const_iterator end, Span m) {
  // At most this many words between the two names: a modifier, not a clause.
  constexpr uint32_t kMaxModifierWords = 6;
  // Words that make what follows a clause, a coordination or a prepositional
  // phrase ("Trump's tweet about Mr Khan", "Pelosi and Senate Democratic
  // leader Chuck Schumer") rather than a noun modified by the first name.
  static constexpr std::string_view kNotModifierWords[] = {
      "and",   "or",  "&",    "of",   "on",    "about", "against", "after",
      "to",    "for", "with", "in",   "at",    "by",    "from",    "the",
      "a",     "an",  "his",  "her",  "their", "its",   "that",    "who",
      "which", "was", "is",   "were", "are",   "has",   "had",     "have",
      "while", "but", "as",   "than"};
  auto head = std::next(it);
  while (head != end && head->span.end <= m.end &&
         head->label != EntityLabel::kPerson) {
    ++head;
  }
  if (head == end || head->span.end > m.end) return false;
  uint32_t f, l;
  TokenRange(doc, m, &f, &l);
  uint32_t i = TokenAtOrAfter(doc, it->span.end);
  bool possessive = IsPossessive(doc, i, l);
  if (possessive) ++i;
  bool role = false;
  uint32_t words = 0, commas = 0;
  for (; i < l && doc.tokens[i].span.begin < head->span.begin; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord) {
      // Only one comma, after the role or relation ("adviser, John
      // Podesta", "Dorn's wife, police Sgt. Ann Dorn"), or right before
      // the head.
      bool comma_before_head =
          doc.TokenText(i) == "," &&
          (i + 1 >= l || doc.tokens[i + 1].span.begin >= head->span.begin);
      bool comma_after_role = doc.TokenText(i) == "," && role && commas == 0;
      if (!comma_before_head && !comma_after_role) return false;
      ++commas;
      continue;
    }
    std::string w = LowerToken(doc, i);
    bool role_word = IsRoleHeadWord(w);
    if (!role_word && !IsTitleWord(w)) {
      for (std::string_view n : kNotModifierWords) {
        if (w == n) return false;
      }
      // A past-tense verb ("directed", "berated") starts a clause.
      if (w.size() > 4 && w.ends_with("ed")) return false;
    }
    role |= role_word || (possessive && IsRelationNoun(w));
    if (++words > kMaxModifierWords) return false;
  }
  return role;
}

bool ModifiesALaterNoun(const Document& doc, const Entity& e, Span m) {
  // The group's label (its mentions' majority) is steadier than one
  // mention's: "Google" tagged LOC once is still the company.
  const EntityLabel label =
      e.group >= 0 && static_cast<size_t>(e.group) < doc.groups.size()
          ? doc.groups[e.group].label
          : e.label;
  if (label == EntityLabel::kPerson) return false;
  if (label == EntityLabel::kOrg) {
    // An organisation's people who speak for themselves: "the Fox News
    // host", "a NYU Langone mechanic" (its officials speak for it).
    if (e.span.end >= m.end) return false;
    uint32_t i = TokenAtOrAfter(doc, e.span.end);
    return i < doc.tokens.size() && doc.tokens[i].span.end <= m.end &&
           doc.tokens[i].kind == TokenKind::kWord &&
           !doc.tokens[i].capitalized && IsOwnVoiceNoun(LowerToken(doc, i));
  }
  // A name headed by the noun of an institution or a publication speaks
  // through the people after it: "White House officials", "the Des Moines
  // Register editorial board", "the Courier-Journal newspaper".
  {
    static constexpr std::string_view kInstitutionHeads[] = {
        "house",    "register", "times",     "post",     "journal",
        "tribune",  "herald",   "gazette",   "globe",    "chronicle",
        "inquirer", "observer", "telegraph", "examiner", "courier",
        "dispatch", "sentinel", "enquirer",  "bulletin"};
    std::string name = Lower(doc.Text(e.span));
    std::string_view last = name;
    if (size_t cut = last.find_last_of(" -"); cut != std::string_view::npos) {
      last = last.substr(cut + 1);
    }
    for (std::string_view h : kInstitutionHeads) {
      if (last == h) return false;
    }
  }
  if (label == EntityLabel::kMisc) {
    // Of the other names only adjectives modify ("Russian", "Democratic",
    // "Obama-era"); a company the tagger calls MISC ("Boeing employees")
    // still names the speaker's side.
    std::string name = Lower(doc.Text(e.span));
    bool adjective =
        lex::IsCountryOrDemonym(name) || name.find('-') != std::string::npos;
    for (std::string_view suffix : {"an", "ic", "ish", "ese", "i", "ch"}) {
      adjective |= name.size() > 4 && name.ends_with(suffix);
    }
    if (!adjective) return false;
  }
  // Words after a name that start no noun it modifies: prepositions,
  // conjunctions, determiners, relative words, auxiliaries and adverbials
  // of time.
  static constexpr std::string_view kNotHeadWords[] = {
      "and",      "or",    "of",      "on",    "in",      "at",    "by",
      "for",      "from",  "with",    "to",    "as",      "after", "before",
      "since",    "until", "during",  "about", "against", "the",   "a",
      "an",       "this",  "that",    "these", "those",   "its",   "their",
      "who",      "which", "whose",   "is",    "was",     "are",   "were",
      "has",      "had",   "have",    "will",  "would",   "could", "can",
      "last",     "next",  "earlier", "later", "also",    "too",   "however",
      "itself",   "alone", "again",   "now",   "then",    "today", "tonight",
      "yesterday"};
  if (e.span.end >= m.end) return false;
  uint32_t i = TokenAtOrAfter(doc, e.span.end);
  if (i >= doc.tokens.size() || doc.tokens[i].span.end > m.end) return false;
  const Token& t = doc.tokens[i];
  std::string w = LowerToken(doc, i);
  // A party noun after a place is the person it describes: "the Ohio
  // Republican", "Texas Democrats".
  if (label == EntityLabel::kLoc && IsPartyNoun(w)) {
    return true;
  }
  if (t.kind != TokenKind::kWord || t.capitalized ||
      IsPossessive(doc, i, i + 1)) {
    return false;
  }
  for (std::string_view n : kNotHeadWords) {
    if (w == n) return false;
  }
  // An adverb ("China reportedly", "Iran previously").
  return !w.ends_with("ly");
}

uint32_t LongerNameEnd(const Document& doc, const Entity& e, Span m) {
  const EntityLabel label =
      e.group >= 0 && static_cast<size_t>(e.group) < doc.groups.size()
          ? doc.groups[e.group].label
          : e.label;
  if (label == EntityLabel::kPerson || label == EntityLabel::kOrg ||
      e.span.end >= m.end) {
    return 0;
  }
  const uint32_t first = TokenAtOrAfter(doc, e.span.end);
  if (first >= doc.tokens.size()) return 0;
  // Only in the mention's head, before any comma ("Abe, who is Hong
  // Kong-Canadian" is Abe).
  for (uint32_t k = TokenAtOrAfter(doc, m.begin); k < first; ++k) {
    if (doc.TokenText(k) == ",") return 0;
  }
  const Token& t = doc.tokens[first];
  if (t.span.begin != e.span.end + 1 || doc.text[e.span.end] != ' ') {
    return 0;
  }
  // No entity of its own starts there ("Norland Senator Ana Ruiz").
  auto next = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& o) { return o.span.begin < t.span.begin; });
  if (next != doc.entities.end() && next->span.begin == t.span.begin) {
    return 0;
  }
  // The capitalised run after the name must reach the mention's end: then
  // it is the mention's head ("the Atlanta Journal-Constitution"), not a
  // modifier of a noun after it ("Iraq War veterans").
  uint32_t i = first;
  for (; i < doc.tokens.size() && doc.tokens[i].span.end <= m.end; ++i) {
    const Token& w = doc.tokens[i];
    if (w.newline_before) return 0;
    if (w.kind == TokenKind::kWord && w.capitalized) {
      const std::string lower = LowerToken(doc, i);
      if (IsRoleHeadWord(lower) || lex::IsHonorific(lower) ||
          IsPartyNoun(lower) ||
          lex::PronounOf(lower) != lex::PronounKind::kNone) {
        return 0;
      }
      continue;
    }
    // A hyphen between two capitalised words ("Times-News").
    if (doc.TokenText(i) == "-" && i > first && i + 1 < doc.tokens.size() &&
        !w.space_before && doc.tokens[i + 1].capitalized &&
        !doc.tokens[i + 1].space_before) {
      continue;
    }
    break;
  }
  if (i == first) return 0;
  if (i < doc.tokens.size() && doc.tokens[i].span.end <= m.end) return 0;
  // A person inside the run is the speaker, and the words before them a
  // title ("White House Counsel Pat Cipollone").
  const uint32_t run_end = doc.tokens[i - 1].span.end;
  for (auto o = next; o != doc.entities.end() && o->span.begin < run_end; ++o) {
    if (o->label == EntityLabel::kPerson) return 0;
  }
  return i;
}

}  // namespace whosaid::mention
