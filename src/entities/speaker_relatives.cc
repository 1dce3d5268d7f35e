// Speaker resolution, the relative-pronoun sieve (see speaker_sieves.h):
// "who"/"which" -> the name just before it, or the holder a place or a
// modifier before it describes. Any thread, on a document it owns.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// Whether a lower-case word lies between byte `from` and `to`: a noun the
// name before it modifies ("the White House physician who").
bool NounAfter(const Document& doc, uint32_t from, uint32_t to) {
  for (uint32_t i = mention::TokenAtOrAfter(doc, from);
       i < doc.tokens.size() && doc.tokens[i].span.end <= to; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kWord && !t.capitalized) return true;
  }
  return false;
}

// Whether a role noun lies between byte `from` and `to` ("Treasury
// Secretary who").
bool RoleWordBetween(const Document& doc, uint32_t from, uint32_t to) {
  for (uint32_t i = mention::TokenAtOrAfter(doc, from);
       i < doc.tokens.size() && doc.tokens[i].span.end <= to; ++i) {
    if (mention::IsRoleHeadWord(LowerToken(doc, i))) return true;
  }
  return false;
}

// Whether a comma in tokens [from, to) is followed by a lower-case word
// that opens no description (a verb: ", has filed").
bool ClauseGoesOn(const Document& doc, uint32_t from, uint32_t to) {
  static constexpr std::string_view kDescriptionWords[] = {
      "a", "an", "the", "of", "from", "in", "at", "as", "and", "former"};
  for (uint32_t i = from; i + 1 < to; ++i) {
    const Token& t = doc.tokens[i + 1];
    if (doc.TokenText(i) != "," || t.kind != TokenKind::kWord ||
        t.capitalized) {
      continue;
    }
    std::string w = LowerToken(doc, i + 1);
    if (std::find(std::begin(kDescriptionWords), std::end(kDescriptionWords),
                  w) == std::end(kDescriptionWords)) {
      return true;
    }
  }
  return false;
}

// The person or body described by what runs from it to `before` (a place
// or a modified noun): the nearest PERSON/ORG entity of the same sentence,
// at most kMaxDescriptionTokens tokens back, followed by a comma or a
// preposition ("Ana Ruiz, 52, of Norland", "Ana Ruiz in Norland", "Ana Ruiz
// as mayor of Norland"); -1 when there is none ("McConnell will pay the
// price with conservatives in Kentucky who": a verb follows the name).
template <typename It, typename Fits>
int32_t DescribedHolder(const Document& doc, It it, It end, uint32_t before,
                        const Fits& fits) {
  constexpr uint32_t kMaxDescriptionTokens = 20;
  const uint32_t last = mention::TokenAtOrAfter(doc, before);
  if (last >= doc.tokens.size()) return -1;
  const uint32_t sentence = mention::SentenceOf(doc, last);
  for (; it != end; ++it) {
    const uint32_t after = mention::TokenAtOrAfter(doc, it->span.end);
    if (after >= doc.tokens.size() || after + kMaxDescriptionTokens < last ||
        mention::SentenceOf(doc, after) != sentence) {
      return -1;
    }
    const Token& next = doc.tokens[after];
    // A comma then a verb closed an appositive before the place: the
    // sentence went on ("Ana Ruiz, a mayor, has sued people in Norland who").
    if (ClauseGoesOn(doc, after, last)) return -1;
    // Punctuation ("NSC)", "McConnell's") is inside the description; a
    // party tag in brackets is the name's own ("Mark Kirk (R., Ill.), who").
    if (next.kind != TokenKind::kWord && doc.TokenText(after) != "," &&
        doc.TokenText(after) != "(") {
      continue;
    }
    if (it->group < 0 ||
        (it->label != EntityLabel::kPerson && it->label != EntityLabel::kOrg)) {
      continue;
    }
    std::string w = LowerToken(doc, after);
    if (w == "of" || w == "from" || w == "in" || w == "as" || w == "at" ||
        (w == "(" && it->label == EntityLabel::kPerson)) {
      return fits(it->group) ? it->group : -1;
    }
    // An appositive opens with an article, an age or a name, not a verb
    // ("Ivanka Trump, met last week with an Australian minister who").
    if (w == "," && after + 1 < doc.tokens.size()) {
      const Token& t = doc.tokens[after + 1];
      std::string a = LowerToken(doc, after + 1);
      if (a == "a" || a == "an" || a == "the" || a == "former" ||
          t.kind == TokenKind::kNumber ||
          (t.kind == TokenKind::kWord && t.capitalized)) {
        return fits(it->group) ? it->group : -1;
      }
    }
    return -1;
  }
  return -1;
}

}  // namespace

// "X, who said ...", "Google, which said ...": the entity ending just
// before ", who" / ", which".
int32_t ResolveRelative(const Document& doc, uint32_t first_token) {
  // A sentence-initial "Which ..." asks; it refers to nothing before it.
  if (doc.sentences.empty() ||
      doc.sentences[mention::SentenceOf(doc, first_token)].token_begin ==
          first_token) {
    return -1;
  }
  // "which" stands for a thing or a body, never a person: not for a
  // PERSON group with a gendered first name or honorific (a single-word
  // "Google" tagged PERSON by mistake still fits).
  bool not_person = LowerToken(doc, first_token) == "which";
  auto fits = [&](int32_t g) {
    return !not_person || doc.groups[g].label != EntityLabel::kPerson ||
           GroupGender(doc, g) == lex::Gender::kUnknown;
  };
  uint32_t end_tok = first_token;
  if (end_tok > 0 && doc.TokenText(end_tok - 1) == ",") --end_tok;
  if (end_tok == 0) return -1;
  uint32_t end_byte = doc.tokens[end_tok - 1].span.end;
  for (const Entity& e : doc.entities) {
    if (e.group >= 0 && !e.appositive.empty() && e.appositive.end == end_byte) {
      return fits(e.group) ? e.group : -1;  // "X, a retired general, who"
    }
  }
  for (auto it = doc.entities.rbegin(); it != doc.entities.rend(); ++it) {
    if (it->span.end > end_byte) continue;
    if (it->group >= 0 && it->span.end + 24 >= end_byte) {
      // A place, or a name that modifies a noun ("the White House physician
      // who"), is not what "who" (or "which") stands for: the holder the
      // phrase describes is ("Ana Ruiz of Norland, who", "Ana Ruiz, the
      // Norland physician who"), or no one named. A person's own appositive
      // ("Mark Feigin, the lawyer who") is his.
      const bool modifies =
          NounAfter(doc, it->span.end, end_byte) &&
          !(it->label == EntityLabel::kPerson &&
            doc.TokenText(mention::TokenAtOrAfter(doc, it->span.end)) == ",");
      // "Iran, which ..." is the country acting; "Ohio, who" is never Ohio.
      if ((it->label == EntityLabel::kLoc && !not_person) || modifies) {
        return DescribedHolder(doc, std::next(it), doc.entities.rend(),
                               it->span.begin, fits);
      }
      // "who" stands for a person or a body, or for people named by their
      // party or nation ("Democrats who"): not one such noun ("a
      // Republican who", "the Philippine leader who"), nor a body whose
      // role noun comes between ("the former Treasury Secretary who" is
      // the secretary).
      if (!not_person && ((it->label == EntityLabel::kMisc &&
                           !doc.Text(it->span).ends_with('s')) ||
                          (it->label != EntityLabel::kPerson &&
                           RoleWordBetween(doc, it->span.end, end_byte)))) {
        return -1;
      }
      // Allow an appositive between the name and ", who".
      return fits(it->group) ? it->group : -1;
    }
    break;
  }
  return -1;
}

}  // namespace whosaid::speakers
