// NumberParser's numbers written in words ("twenty-eight", "two and a
// half", "a quarter million", "two-thirds", "two-year"); the digits and
// the composition of a number are in number_parser.cc.
#include <array>
#include <cmath>

#include "src/claims/number_parser.h"  // IWYU pragma: associated
#include "src/claims/word_index.h"

namespace whosaid::claims {

// A number written in words, starting at token i. Handles hyphenated
// tokens ("twenty-eight", "two-thirds", "two-year").
bool NumberParser::ParseWordNumber(uint32_t i, Number* n) {
  struct Piece {
    std::string_view s;
    uint32_t tok;
    uint32_t begin;
  };
  std::array<Piece, 16> pieces;
  size_t np = 0;
  for (uint32_t t = i; t < win_.se && np < pieces.size(); ++t) {
    if (win_.Tk(t).kind != TokenKind::kWord) break;
    std::string_view w = win_.T(t);
    uint32_t b = win_.Tk(t).span.begin;
    size_t off = 0;
    while (np < pieces.size()) {
      size_t d = w.find('-', off);
      std::string_view part = w.substr(
          off, d == std::string_view::npos ? std::string_view::npos : d - off);
      pieces[np++] = {part, t, b + static_cast<uint32_t>(off)};
      if (d == std::string_view::npos) break;
      off = d + 1;
    }
    if (t - i >= 10) break;
  }
  double total = 0, cur = 0;
  enum Last { kNone, kUnit, kTeen, kTens, kHundred, kScale, kFrac };
  Last last = kNone;
  bool any = false;
  bool article = false;
  size_t k = 0;
  if (k < np && (IEq(pieces[k].s, "a") || IEq(pieces[k].s, "an"))) {
    article = true;
    ++k;
  }
  if (!article && k + 1 < np &&
      (IEq(pieces[k].s, "half") || IEq(pieces[k].s, "quarter"))) {
    const Named* sc = FindScale(pieces[k + 1].s);
    if (sc && IsWordScale(sc) && sc->value >= 1000) {
      total = (IEq(pieces[k].s, "half") ? 0.5 : 0.25) * sc->value;
      any = true;
      k += 2;
      last = kScale;
    }
  }
  if (!any && !article && k + 2 < np && IEq(pieces[k].s, "half") &&
      IEq(pieces[k + 1].s, "a")) {
    const Named* sc = FindScale(pieces[k + 2].s);
    if (sc && sc->value >= 12) {
      total = 0.5 * sc->value;
      any = true;
      k += 3;
      last = kScale;
    }
  }
  if (!any && !article && k == 0 && BareHalf(i)) {
    n->bare_half = true;
    total = 0.5;
    any = true;
    k = 1;
    last = kFrac;
  }
  size_t consumed = k;
  // A scale word of a thousand or more after the fraction read so far
  // multiplies it ("two point five million", "five and a half million").
  auto trailing_scale = [&] {
    if (k >= np) return;
    const Named* sc = FindScale(pieces[k].s);
    if (sc && IsWordScale(sc) && sc->value >= 1000) {
      total += cur * sc->value;
      cur = 0;
      consumed = ++k;
    }
  };
  double frac_value = -1;
  double last_scale_value = 0;  // of the last scale word read
  // "at one point", "some point": not a decimal point.
  std::string_view before = i > win_.sb ? win_.T(i - 1) : std::string_view();
  bool point_ok =
      !(IEq(before, "at") || IEq(before, "some") || IEq(before, "any") ||
        IEq(before, "every") || IEq(before, "another") || IEq(before, "that") ||
        IEq(before, "this") || IEq(before, "the"));
  while (k < np && last != kFrac) {
    std::string_view w = pieces[k].s;
    if (const Named* e = FindSmallNumber(w)) {
      double v = e->value;
      if (article) break;
      if (v < 10) {
        if (last == kUnit || last == kTeen) break;
        if (last == kTens && std::fmod(cur, 10) != 0) break;
        last = kUnit;
      } else if (v < 20) {
        if (last == kUnit || last == kTeen || last == kTens) break;
        last = kTeen;
      } else {
        if (last == kUnit || last == kTeen || last == kTens) break;
        last = kTens;
      }
      if (last == kTens && std::fmod(cur, 100) != 0) break;
      cur += v;
      any = true;
      consumed = ++k;
      continue;
    }
    const Named* sc = FindScale(w);
    if (sc && IsWordScale(sc)) {
      if (!any && !article) break;
      if (sc->value == 100) {
        if (last == kHundred || cur >= 100) break;
        cur = (cur == 0 ? 1 : cur) * 100;
        last = kHundred;
      } else if (sc->value == 12) {
        cur = (cur == 0 ? 1 : cur) * 12;
        last = kHundred;
      } else {
        total += (cur == 0 && total == 0 ? 1 : cur) * sc->value;
        if (cur == 0 && total > sc->value) break;
        cur = 0;
        last = kScale;
        last_scale_value = sc->value;
      }
      any = true;
      article = false;
      consumed = ++k;
      continue;
    }
    if (const Named* f = FindFraction(w)) {
      bool plural = w.back() == 's' || w.back() == 'S';
      double num = article ? 1 : (total + cur);
      if (!article && !any) break;
      if (!plural && num != 1) break;
      if (plural && num == 1 && !article) break;
      if (num <= 0) break;
      frac_value = num / f->value;
      total = frac_value;
      cur = 0;
      any = true;
      last = kFrac;
      consumed = ++k;
      // "a quarter million", "two thirds of a million"
      size_t s2 = k;
      if (s2 + 1 < np && IEq(pieces[s2].s, "of") &&
          IEq(pieces[s2 + 1].s, "a")) {
        s2 += 2;
      }
      if (s2 < np) {
        const Named* sc2 = FindScale(pieces[s2].s);
        if (sc2 && IsWordScale(sc2) && sc2->value >= 1000) {
          total *= sc2->value;
          consumed = k = s2 + 1;
        }
      }
      break;
    }
    if (IEq(w, "point") && any && point_ok && last != kScale && k + 1 < np &&
        pieces[k].tok != pieces[k - 1].tok) {
      // "two point five", "nine point nought four", "point seventy-one".
      size_t j = k + 1;
      double frac = 0;
      const Named* e = FindSmallNumber(pieces[j].s);
      if (!e) break;
      if (e->value >= 10) {
        double d = e->value;
        ++j;
        const Named* u = j < np ? FindSmallNumber(pieces[j].s) : nullptr;
        if (d >= 20 && u && u->value > 0 && u->value < 10 &&
            pieces[j].tok == pieces[j - 1].tok) {
          d += u->value;  // "seventy-one"
          ++j;
        }
        frac = d / 100;
      } else {
        double place = 0.1;
        while (j < np && j < k + 7) {
          const Named* dg = FindSmallNumber(pieces[j].s);
          if (!dg || dg->value >= 10) break;
          frac += dg->value * place;
          place /= 10;
          ++j;
        }
      }
      cur += frac;
      consumed = k = j;
      last = kFrac;
      trailing_scale();  // "two point five million"
      break;
    }
    if (IEq(w, "and") && any && k + 1 < np) {
      // "one hundred and six", "one and a half"
      // "and a half", "and a quarter", "and two thirds"
      const Named* fr = k + 2 < np ? FindFraction(pieces[k + 2].s) : nullptr;
      const Named* numr =
          k + 1 < np ? FindSmallNumber(pieces[k + 1].s) : nullptr;
      bool fr_ok =
          fr && (IEq(pieces[k + 1].s, "a") || IEq(pieces[k + 1].s, "one") ||
                 (numr && numr->value > 1 && numr->value < 10 &&
                  (pieces[k + 2].s.back() == 's')));
      if (fr_ok) {
        double num = numr ? numr->value : 1;
        bool after_scale =
            last == kScale && cur == 0 && last_scale_value >= 1000;
        if (after_scale) {
          total +=
              num / fr->value * last_scale_value;  // "a million and a half"
        } else {
          cur += num / fr->value;
        }
        consumed = k += 3;
        last = kFrac;
        // A scale may still follow: "five and a half million".
        if (!after_scale) trailing_scale();
        break;
      }
      if ((last == kHundred || last == kScale) &&
          FindSmallNumber(pieces[k + 1].s)) {
        ++k;
        continue;
      }
      break;
    }
    break;
  }
  if (!any || consumed == 0) return false;
  if (consumed < np && last != kFrac && IsOrdinalWord(pieces[consumed].s)) {
    // "twenty-first", "one hundred twenty fifth"; but after a unit or a
    // teen "second" is the time unit ("a seven-second delay").
    bool time_unit = (last == kUnit || last == kTeen) &&
                     (IEq(pieces[consumed].s, "second") ||
                      IEq(pieces[consumed].s, "seconds"));
    if (!time_unit) n->reject = true;
  }
  if (article && last != kFrac && last != kScale && last != kHundred) {
    return false;
  }
  n->value = total + cur;
  n->from_words = true;
  const Piece& end_piece = pieces[consumed - 1];
  n->tok_begin = i;
  n->tok_end = end_piece.tok + 1;
  n->byte_end = end_piece.begin + static_cast<uint32_t>(end_piece.s.size());
  // A hyphen suffix left in the same token: "two-year", "five-year-old".
  if (consumed < np && pieces[consumed].tok == end_piece.tok) {
    n->suffix = {pieces[consumed].begin, win_.Tk(end_piece.tok).span.end};
    n->suffix_hyphen = true;
  }
  n->only_one = consumed == 1 && IEq(pieces[0].s, "one");
  return true;
}

}  // namespace whosaid::claims
