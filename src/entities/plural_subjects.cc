// Plural subjects (see plural_subjects.h).
#include "src/entities/plural_subjects.h"

#include <algorithm>
#include <string>

#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"

namespace whosaid::speakers {
namespace {

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

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

}  // namespace

bool IsPluralPeopleNoun(std::string_view lower) {
  if (InList(kGroupNouns, lower)) return true;
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
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
      std::string_view text = doc.TokenText(i);
      // Possessives and hyphens stay inside the phrase.
      if (text == "'s" || text == "\xE2\x80\x99s" || text == "'" ||
          text == "-" || text == ".") {
        continue;
      }
      return UINT32_MAX;
    }
    std::string w = mention::LowerToken(doc, i);
    if (w == "'s" || w == "\xE2\x80\x99s") continue;
    if (InList(kPhraseEnders, w) ||
        lex::PronounOf(w) != lex::PronounKind::kNone) {
      return UINT32_MAX;
    }
    if (IsPluralPeopleNoun(w)) {
      // "the authorities' searches": a possessor, not the head.
      const bool possessor =
          i + 1 < end && (doc.TokenText(i + 1) == "'" ||
                          doc.TokenText(i + 1) == "\xE2\x80\x99");
      if (!possessor) return i;
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
