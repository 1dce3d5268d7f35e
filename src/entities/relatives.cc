#include "src/entities/relatives.h"

#include <string>

#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/us_states.h"

namespace whosaid {
namespace {

using mention::LowerToken;

// Words between the appositive's comma and its kin noun ("the senator 's").
constexpr uint32_t kMaxWordsBeforeKin = 4;
// Words of a place before a relative's title ("his son, New Mexico Attorney
// General X").
constexpr uint32_t kMaxPlaceWords = 3;

// Token i is a kin noun, "-in-law" forms included.
bool KinAt(const Document& doc, uint32_t i, lex::Gender* gender) {
  return mention::IsKinNoun(LowerToken(doc, i), gender);
}

// "first lady", "first gentleman", "first daughter", "first son" in the
// tokens [f, l).
bool HasFirstFamilyTitle(const Document& doc, uint32_t f, uint32_t l,
                         lex::Gender* gender) {
  for (uint32_t i = f; i + 1 < l; ++i) {
    if (!mention::TokenIs(doc, i, "first")) continue;
    std::string w = LowerToken(doc, i + 1);
    if (w == "lady") {
      *gender = lex::Gender::kFemale;
      return true;
    }
    if (w == "gentleman") {
      *gender = lex::Gender::kMale;
      return true;
    }
    if (w == "daughter" || w == "son") return mention::IsKinNoun(w, gender);
  }
  return false;
}

// True when token `mark` is a possessive "'s" after a capitalised name
// other than `surname` ("Miller's uncle, David Glosser"): the person is
// someone else's relative and may well be the principal of their own
// surname.
bool OtherNamesPossessive(const Document& doc, uint32_t mark,
                          std::string_view surname) {
  if (mark == 0 || !mention::IsPossessiveMark(doc, mark)) return false;
  const Token& owner = doc.tokens[mark - 1];
  return owner.capitalized && owner.kind == TokenKind::kWord &&
         doc.TokenText(mark - 1) != surname;
}

// Whether token i names a place: a US state or country word, or a word of
// a LOC entity ("Delaware" in "his son, Delaware Attorney General X").
bool PlaceTokenAt(const Document& doc, uint32_t i) {
  if (!doc.tokens[i].capitalized) return false;
  const std::string w = LowerToken(doc, i);
  if (lex::UsStateOfName(w) >= 0 || lex::IsCountryOrDemonym(w)) return true;
  const Entity* e = speakers::EntityAtToken(doc, i);
  return e != nullptr && e->label == EntityLabel::kLoc;
}

}  // namespace

bool IntroducedAsRelative(const Document& doc, const Entity& e,
                          lex::Gender* gender) {
  *gender = lex::Gender::kUnknown;
  uint32_t f, l;
  mention::TokenRange(doc, e.span, &f, &l);
  if (f >= l) return false;
  const std::string_view surname = doc.TokenText(l - 1);
  uint32_t start = f;
  if (!e.title.empty()) {
    uint32_t tf, tl;
    mention::TokenRange(doc, e.title, &tf, &tl);
    if (tf < tl) {
      if (HasFirstFamilyTitle(doc, tf, tl, gender)) return true;
      if (tf < start) start = tf;
    }
  }
  // Before: "[his|the mayor's] [late] daughter[,] [place] [title] Name".
  for (uint32_t k = 0; k < kMaxPlaceWords && start > 0 && !e.title.empty() &&
                       PlaceTokenAt(doc, start - 1);
       ++k) {
    --start;
  }
  if (start > 0) {
    uint32_t i = start - 1;
    if (doc.TokenText(i) == "," && i > 0) --i;
    if (KinAt(doc, i, gender) && i > 0) {
      uint32_t p = i - 1;
      std::string before = LowerToken(doc, p);
      if (!mention::IsPossessivePronoun(before) &&
          !mention::IsPossessiveMark(doc, p) && p > 0 &&
          !doc.tokens[p].capitalized &&
          doc.tokens[p].kind == TokenKind::kWord) {
        before = LowerToken(doc, --p);  // one adjective: "his late wife"
      }
      if (OtherNamesPossessive(doc, p, surname)) return false;
      if (mention::IsPossessivePronoun(before) ||
          mention::IsPossessiveMark(doc, p)) {
        return true;
      }
      if (before == "first" && HasFirstFamilyTitle(doc, p, i + 1, gender)) {
        return true;
      }
    }
  }
  // After: "Name, [the senator's] daughter-in-law" / "Name, son of".
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (l < n && doc.TokenText(l) == ",") {
    for (uint32_t i = l + 1; i < n && i <= l + 1 + kMaxWordsBeforeKin; ++i) {
      std::string_view raw = doc.TokenText(i);
      std::string w = LowerToken(doc, i);
      if (KinAt(doc, i, gender)) {
        if (OtherNamesPossessive(doc, i - 1, surname)) break;
        // The kin noun closes the appositive or opens "of ...".
        if (i + 1 >= n) return true;
        std::string next = LowerToken(doc, i + 1);
        return next == "," || next == "." || next == "of" || next == "and" ||
               next == ")" || next == ";";
      }
      if (w == "who" || w == "whose" || w == "which" || w == "that") break;
      if (doc.tokens[i].kind == TokenKind::kPunct &&
          !mention::IsPossessiveMark(doc, i) && raw != "-") {
        break;
      }
    }
  }
  *gender = lex::Gender::kUnknown;
  return false;
}

}  // namespace whosaid
