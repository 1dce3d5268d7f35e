// Sentence subjects (see subjects.h).
#include "src/entities/subjects.h"

#include <algorithm>
#include <string>

#include "src/base/word_lists.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// Plural nouns for groups of people or bodies that are not role heads.
constexpr std::string_view kGroupNouns[] = {
    "people",       "groups",        "members",         "supporters",
    "critics",      "opponents",     "detractors",      "proponents",
    "advocates",    "activists",     "protesters",      "demonstrators",
    "residents",    "citizens",      "voters",          "plaintiffs",
    "defendants",   "investigators", "authorities",     "police",
    "officers",     "agents",        "troops",          "soldiers",
    "experts",      "researchers",   "scientists",      "scholars",
    "doctors",      "workers",       "employees",       "students",
    "parents",      "teachers",      "families",        "victims",
    "witnesses",    "organizers",    "organisers",      "negotiators",
    "diplomats",    "legislators",   "conservatives",   "liberals",
    "progressives", "others",        "companies",       "firms",
    "agencies",     "organizations", "organisations",   "campaigners",
    "insiders",     "observers",     "aides",           "allies",
    "colleagues",   "lawyers",       "attorneys",       "prosecutors",
    "judges",       "officials",     "lawmakers",       "leaders",
    "sources",      "reporters",     "journalists",     "economists",
    "analysts",     "senators",      "representatives", "executives",
    "democrats",    "republicans",   "lobbyists",       "donors",
    "consumers",    "customers",     "farmers",         "immigrants",
    "migrants",     "refugees",      "rebels",          "militants",
    "fighters",     "protestors",    "businesses",      "unions"};

// Words that end a subject noun phrase before its head: verbs and
// auxiliaries that commonly follow a subject, and relative words.
constexpr std::string_view kPhraseEnders[] = {
    "said", "say",  "says",  "have", "has",   "had",  "are",   "were", "is",
    "was",  "will", "would", "can",  "could", "may",  "might", "who",  "which",
    "that", "did",  "do",    "does", "told",  "also", "not"};

}  // namespace

bool IsClauseWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "on",     "in",    "at",    "by",     "for",      "from",
      "with",   "of",    "to",    "as",     "after",    "before",
      "during", "since", "until", "when",   "while",    "if",
      "but",    "and",   "or",    "though", "although", "because"};
  return InWordList(kWords, lower);
}

// The token where the subject of sentence s starts: after opening quote
// marks and punctuation, a leading conjunction ("But", "And"), and an
// introductory phrase closed by a comma within kIntroTokens when the
// sentence opens with a preposition or an adverb ("On Monday, ...").
uint32_t SubjectToken(const Document& doc, uint32_t s) {
  constexpr uint32_t kIntroTokens = 8;
  const Sentence& sent = doc.sentences[s];
  const uint32_t end = std::min<uint32_t>(sent.token_end, doc.tokens.size());
  uint32_t i = sent.token_begin;
  while (i < end && doc.tokens[i].kind != TokenKind::kWord &&
         doc.tokens[i].kind != TokenKind::kNumber) {
    ++i;
  }
  if (i >= end) return i;
  std::string w = LowerToken(doc, i);
  if (w == "but" || w == "and" || w == "so" || w == "yet") {
    if (++i >= end) return i;
    w = LowerToken(doc, i);
  }
  if (IsClauseWord(w) || (w.size() > 4 && w.ends_with("ly"))) {
    for (uint32_t j = i + 1; j < end && j <= i + kIntroTokens; ++j) {
      if (doc.TokenText(j) == ",") return j + 1;
    }
  }
  return i;
}

// The subject of the main clause of sentence s when the sentence opens
// with a subordinate clause closed by a comma ("While X was astounded when
// ..., Biden's reaction ..."), else UINT32_MAX.
uint32_t MainClauseSubject(const Document& doc, uint32_t s) {
  constexpr uint32_t kClauseTokens = 30;
  static constexpr std::string_view kSubordinators[] = {
      "while", "although", "though", "when",   "because",
      "since", "if",       "after",  "before", "whereas"};
  const Sentence& sent = doc.sentences[s];
  const uint32_t end = std::min<uint32_t>(sent.token_end, doc.tokens.size());
  uint32_t i = sent.token_begin;
  while (i < end && doc.tokens[i].kind != TokenKind::kWord) ++i;
  if (i >= end) return UINT32_MAX;
  const std::string w = LowerToken(doc, i);
  if (!InWordList(kSubordinators, w)) return UINT32_MAX;
  for (uint32_t j = i + 1; j + 1 < end && j <= i + kClauseTokens; ++j) {
    if (doc.TokenText(j) != ",") continue;
    // "When Trump sat down ..., he altered ...": a pronoun there stands
    // for a name in the clause before it, which keeps its bonus.
    if (lex::PronounOf(LowerToken(doc, j + 1)) != lex::PronounKind::kNone) {
      return UINT32_MAX;
    }
    return j + 1;
  }
  return UINT32_MAX;
}

// Whether an entity mention starting at token `tok` is the subject of its
// sentence: it starts at the subject token or right after a determiner
// there ("The Harbor Board said ...").
bool IsSubject(const Document& doc, uint32_t tok) {
  uint32_t subj = SubjectToken(doc, mention::SentenceOf(doc, tok));
  return tok == subj ||
         (tok == subj + 1 && lex::IsDeterminer(LowerToken(doc, subj)));
}

// Whether sentence s has a subject that is a singular common noun phrase,
// not a name ("The image was made ...", "A report found ..."): a
// determiner followed by a lower-case word not ending in -s, at the
// subject token.
bool HasThingSubject(const Document& doc, uint32_t s) {
  uint32_t i = SubjectToken(doc, s);
  const uint32_t end =
      std::min<uint32_t>(doc.sentences[s].token_end, doc.tokens.size());
  if (i + 1 >= end || !lex::IsDeterminer(LowerToken(doc, i))) return false;
  const Token& next = doc.tokens[i + 1];
  // Singular: "The companies can defer ..." is no "it".
  return next.kind == TokenKind::kWord && !next.capitalized &&
         !LowerToken(doc, i + 1).ends_with("s");
}

// Whether sentence s has a place for its subject ("Israel demands ...",
// "Mexico was the second largest supplier ..."): a country is an "it" too,
// and organisations named before it are out of reach.
bool HasPlaceSubject(const Document& doc, uint32_t s) {
  uint32_t i = SubjectToken(doc, s);
  const uint32_t end =
      std::min<uint32_t>(doc.sentences[s].token_end, doc.tokens.size());
  if (i < end && lex::IsDeterminer(LowerToken(doc, i))) ++i;
  if (i >= end) return false;
  const Entity* e = EntityAtToken(doc, i);
  if (e == nullptr || e->span.begin != doc.tokens[i].span.begin ||
      (e->group >= 0 ? doc.groups[e->group].label : e->label) !=
          EntityLabel::kLoc) {
    return false;
  }
  // Only a place that heads the subject: not "the Montana Supreme Court",
  // "China's envoy" nor "U.S. officials".
  const uint32_t next = mention::TokenAtOrAfter(doc, e->span.end);
  if (next >= end) return true;
  const Token& t = doc.tokens[next];
  const std::string w = LowerToken(doc, next);
  return !(t.kind == TokenKind::kWord &&
           (t.capitalized || IsPluralPeopleNoun(w))) &&
         !mention::IsPossessiveMark(doc, next);
}

bool IsPluralPeopleNoun(std::string_view lower) {
  if (InWordList(kGroupNouns, lower)) return true;
  if (lower.size() <= 3 || lower.back() != 's' || lower.ends_with("ss")) {
    return false;
  }
  // "Americans", "Iraqis": a demonym in -an or -i plus -s (not a country
  // plus -s: "Frances" is a name).
  const std::string_view singular = lower.substr(0, lower.size() - 1);
  return lex::IsRoleHead(singular) ||
         ((singular.ends_with("an") || singular.ends_with('i')) &&
          lex::IsCountryOrDemonym(singular));
}

uint32_t PluralSubjectHead(const Document& doc, uint32_t s,
                           uint32_t subject_token) {
  // "Democratic senators", "the Texas plaintiffs", "Some 74 House members",
  // "Maine's governor and other officials": the head lies within this many
  // tokens of the subject's start.
  constexpr uint32_t kModifierTokens = 7;
  const uint32_t end =
      std::min<uint32_t>(doc.sentences[s].token_end, doc.tokens.size());
  for (uint32_t i = subject_token;
       i < end && i <= subject_token + kModifierTokens; ++i) {
    const Token& t = doc.tokens[i];
    // "5% said they ...", "Seventy-one percent of voters": a share of
    // people heads the subject.
    if (i <= subject_token + 2 && t.kind == TokenKind::kNumber && i + 1 < end &&
        (doc.TokenText(i + 1) == "%" ||
         mention::TokenIs(doc, i + 1, "percent"))) {
      return i;
    }
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
      std::string_view text = doc.TokenText(i);
      // Possessives, hyphens and quote marks stay inside the phrase
      // ("Some 500 “sanctuary” cities").
      if (mention::IsPossessiveMark(doc, i) || text == "-" || text == "." ||
          t.kind == TokenKind::kQuote) {
        continue;
      }
      return UINT32_MAX;
    }
    std::string w = mention::LowerToken(doc, i);
    if (mention::IsPossessiveMark(doc, i)) continue;
    if (InWordList(kPhraseEnders, w) ||
        lex::PronounOf(w) != lex::PronounKind::kNone) {
      return UINT32_MAX;
    }
    // Places and institutions as bodies, in lower case ("cities and
    // counties have decided"; not "the United States").
    static constexpr std::string_view kPluralBodies[] = {
        "cities",        "counties",    "states",   "countries",
        "nations",       "governments", "schools",  "colleges",
        "universities",  "hospitals",   "towns",    "municipalities",
        "jurisdictions", "districts",   "churches", "groups",
        "outlets",       "networks",    "banks"};
    if (IsPluralPeopleNoun(w) ||
        (!t.capitalized && InWordList(kPluralBodies, w))) {
      // "the authorities' searches": a possessor, not the head.
      if (!(i + 1 < end && mention::IsPossessiveMark(doc, i + 1))) return i;
      continue;
    }
    // After a name only its head or possessive may follow: "the Pew
    // Research Center asked Republicans", "The PAC supports former
    // members" have their verb there, and the plural is an object.
    if (!t.capitalized && i > subject_token &&
        doc.tokens[i - 1].kind == TokenKind::kWord &&
        doc.tokens[i - 1].capitalized) {
      const Entity* e = EntityAtToken(doc, i - 1);
      if (e != nullptr && e->span.end == doc.tokens[i - 1].span.end) {
        return UINT32_MAX;
      }
    }
  }
  return UINT32_MAX;
}

uint32_t ClausePluralHead(const Document& doc, uint32_t s, uint32_t before) {
  uint32_t best = UINT32_MAX;
  const uint32_t end =
      std::min<uint32_t>({doc.sentences[s].token_end, before,
                          static_cast<uint32_t>(doc.tokens.size())});
  for (uint32_t j = doc.sentences[s].token_begin; j + 1 < end; ++j) {
    if (!mention::TokenIs(doc, j, "that")) continue;
    const uint32_t h = PluralSubjectHead(doc, s, j + 1);
    if (h < before) best = h;
  }
  return best;
}

namespace {

// Whether a name holds a list or is followed by its next item ("A and B",
// "A, B").
bool InAList(const Document& doc, Span name) {
  const std::string_view text = doc.Text(name);
  if (text.find(" and ") != std::string_view::npos ||
      text.find(", ") != std::string_view::npos) {
    return true;
  }
  const uint32_t next = mention::TokenAtOrAfter(doc, name.end);
  return next < doc.tokens.size() &&
         (doc.TokenText(next) == "," || mention::TokenIs(doc, next, "and") ||
          mention::TokenIs(doc, next, "or"));
}

}  // namespace

uint32_t PeopleSubject(const Document& doc, uint32_t s) {
  // "A, joined by B", "A, who was joined by B": the second name lies
  // within this many tokens of the first's end.
  constexpr uint32_t kJoinTokens = 10;
  // Title words may come first ("Chief Justice A").
  constexpr uint32_t kTitleTokens = 3;
  const uint32_t subject = SubjectToken(doc, s);
  const Entity* first = nullptr;
  for (uint32_t t = subject;
       t < doc.tokens.size() && t <= subject + kTitleTokens; ++t) {
    first = EntityAtToken(doc, t);
    if (first != nullptr || doc.tokens[t].kind != TokenKind::kWord ||
        !doc.tokens[t].capitalized) {
      break;
    }
  }
  if (first == nullptr || first->label != EntityLabel::kPerson) {
    return UINT32_MAX;
  }
  const uint32_t end =
      std::min<uint32_t>(doc.sentences[s].token_end, doc.tokens.size());
  uint32_t i = mention::TokenAtOrAfter(doc, first->span.end);
  // "A and B": the next token names a person.
  if (i + 1 < end && mention::TokenIs(doc, i, "and")) {
    const Entity* second = EntityAtToken(doc, i + 1);
    return second != nullptr && second->label == EntityLabel::kPerson
               ? subject
               : UINT32_MAX;
  }
  // "A dissented, joined by B": "joined by" and a person soon after.
  for (uint32_t j = i; j + 2 < end && j < i + kJoinTokens; ++j) {
    if (!mention::TokenIs(doc, j, "joined") ||
        !mention::TokenIs(doc, j + 1, "by")) {
      continue;
    }
    for (uint32_t k = j + 2; k < end && k < j + 2 + kJoinTokens; ++k) {
      const Entity* other = EntityAtToken(doc, k);
      if (other != nullptr && other->label == EntityLabel::kPerson) {
        return subject;
      }
    }
    return UINT32_MAX;
  }
  return UINT32_MAX;
}

bool IsListedExample(const Document& doc, Span name) {
  // "including A, B, C and D": the list reaches back this far at most.
  constexpr uint32_t kListTokens = 16;
  uint32_t i = mention::TokenAtOrAfter(doc, name.begin);
  if (i >= doc.tokens.size()) return false;
  const uint32_t sentence_begin =
      doc.sentences[mention::SentenceOf(doc, i)].token_begin;
  bool listed = false;
  for (uint32_t n = 0; i > sentence_begin && n < kListTokens; ++n) {
    --i;
    const std::string w = mention::LowerToken(doc, i);
    if (w == "including" || w == "like" ||
        (w == "as" && i > 0 && mention::TokenIs(doc, i - 1, "such"))) {
      // One of several: a single example ("companies including Twitter
      // Inc. The company declined") is what a singular noun after it means.
      return listed || InAList(doc, name);
    }
    listed |= w == "," || w == "and" || w == "or";
    // Only names, commas, "and"/"or" and articles lie between.
    const Token& t = doc.tokens[i];
    if (w == "," || w == "and" || w == "or" || w == "the" ||
        (t.kind == TokenKind::kWord && t.capitalized) ||
        t.kind == TokenKind::kNumber || w == "." || w == "&") {
      continue;
    }
    return false;
  }
  return false;
}

bool OpensWithUnnamedBody(const Document& doc, uint32_t s, uint32_t before) {
  uint32_t i = doc.sentences[s].token_begin;
  while (i < before && doc.tokens[i].kind != TokenKind::kWord) ++i;
  if (i + 1 >= before) return false;
  const std::string w = mention::LowerToken(doc, i);
  if ((w != "a" && w != "an") || doc.tokens[i + 1].capitalized ||
      doc.tokens[i + 1].kind != TokenKind::kWord) {
    return false;
  }
  for (const Entity* e = nullptr; i < before; ++i) {
    e = EntityAtToken(doc, i);
    if (e != nullptr && e->label != EntityLabel::kPerson &&
        !IsListedExample(doc, e->span)) {
      return false;
    }
  }
  return true;
}

}  // namespace whosaid::speakers
