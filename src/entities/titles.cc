// Titles and appositives of person mentions (see titles.h).
#include "src/entities/titles.h"

#include <string>
#include <vector>

#include "src/base/word_lists.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/subjects.h"

namespace whosaid {
namespace {

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

// Whether tokens [b, e) carry a finite verb of their own (an auxiliary or
// a verb of saying) before any relative pronoun: "the president has also
// said that ..." is a clause, "the mayor who was elected" a noun phrase.
bool HasOwnFiniteVerb(const Document& doc, uint32_t b, uint32_t e) {
  static constexpr std::string_view kFinite[] = {
      "is",    "was",   "are",    "were", "has",  "have", "had", "will",
      "would", "could", "should", "can",  "did",  "does", "may", "might",
      "must",  "isn't", "wasn't", "said", "says", "told"};
  for (uint32_t i = b; i < e; ++i) {
    const std::string w = LowerToken(doc, i);
    if (w == "who" || w == "that" || w == "which" || w == "whose" ||
        w == "whom") {
      return false;
    }
    if (InWordList(kFinite, w)) return true;
  }
  return false;
}

// Whether the phrase [b, e) after the comma at token `comma` is the main
// clause that follows an opening adverbial clause or phrase: the sentence
// (from `sb`) opens with a preposition or subordinator, `comma` is its first
// comma, and the phrase carries a finite verb before any relative pronoun.
// "While ... to Mueller, the president was famously reluctant": the
// president is the subject, not Mueller's appositive ("For Ana Ruiz, the
// mayor of Norland, ..." and "Ana Ruiz, the mayor who was elected" stay
// appositives).
bool IsMainClauseAfterOpener(const Document& doc, uint32_t sb, uint32_t comma,
                             uint32_t b, uint32_t e) {
  uint32_t first = sb;
  while (first < comma && doc.tokens[first].kind != TokenKind::kWord) ++first;
  if (first >= comma) return false;
  const std::string opener = LowerToken(doc, first);
  if (opener == "and" || opener == "or" || opener == "but" ||
      !speakers::IsClauseWord(opener)) {
    return false;
  }
  for (uint32_t i = first; i < comma; ++i) {
    if (IsComma(doc, i)) return false;
  }
  return HasOwnFiniteVerb(doc, b, e);
}

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

}  // namespace

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
      if (IsRolePhrase(*doc, b, q) &&
          !IsMainClauseAfterOpener(*doc, sb, p, b, q)) {
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
        // "The president has also said that ..., Comey told him": a
        // clause, not Comey's appositive.
        if (head && !source && !HasOwnFiniteVerb(*doc, d + 1, end)) {
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

}  // namespace whosaid
