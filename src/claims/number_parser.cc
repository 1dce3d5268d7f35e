#include "src/claims/number_parser.h"

#include <array>
#include <charconv>
#include <cmath>

#include "src/claims/word_index.h"

namespace whosaid::claims {

bool NumberParser::FractionAt(uint32_t i, bool singular_ok) const {
  if (i >= win_.se) return false;
  const Named* f = FindFraction(win_.T(i));
  if (!f) return false;
  std::string_view w = win_.T(i);
  bool plural = w.back() == 's' || w.back() == 'S';
  return plural || singular_ok;
}

// Parses the digits of `s` (one token's text, possibly with a sign) into
// *v; returns the number of bytes consumed, 0 on failure.
size_t NumberParser::ParseDigits(std::string_view s, double* v, Number* n) {
  size_t p = 0;
  bool neg = false;
  if (p < s.size() && (s[p] == '-' || s[p] == '+')) {
    neg = s[p] == '-';
    ++p;
  }
  size_t start = p;
  int commas = 0, periods = 0, digits = 0;
  size_t last_comma = 0, last_period = 0;
  bool groups3 = true;  // every group after a separator has 3 digits
  size_t group_start = p;
  bool seen_sep = false;
  while (p < s.size()) {
    char c = s[p];
    if (IsAsciiDigit(c)) {
      ++digits;
      ++p;
      continue;
    }
    if ((c == ',' || c == '.') && p + 1 < s.size() && IsAsciiDigit(s[p + 1]) &&
        p > start) {
      if (seen_sep && p - group_start != 3) groups3 = false;
      seen_sep = true;
      group_start = p + 1;
      if (c == ',') {
        ++commas;
        last_comma = p;
      } else {
        ++periods;
        last_period = p;
      }
      ++p;
      continue;
    }
    break;
  }
  if (digits == 0) return 0;
  if (seen_sep && p - group_start != 3) groups3 = false;
  if (static_cast<size_t>(digits) > opt_.max_digits) {
    n->too_long = true;
    return 0;
  }
  // Normalise separators into a plain decimal string.
  char buf[160];
  size_t len = 0;
  enum {
    kPlain,
    kStripCommas,
    kDecimalComma,
    kEuropean,
    kStripPeriods
  } mode = kPlain;
  if (commas == 0 && periods == 1 && groups3 && last_period - start <= 3 &&
      s[start] != '0' && s.substr(last_period + 1, 3) == "000") {
    // "2.000 euros", "400.000 comments": nobody writes a decimal 2 with
    // three zero decimals in prose, so the period groups thousands.
    mode = kStripPeriods;
  } else if (commas == 0 && periods <= 1) {
    mode = kPlain;
  } else if (commas > 0 && periods == 0) {
    mode = groups3 ? kStripCommas : (commas == 1 ? kDecimalComma : kPlain);
    if (!groups3 && commas > 1) {
      n->reject = true;  // "1,2,3" — a list or an identifier
    }
  } else if (commas > 0 && periods == 1 && last_period > last_comma) {
    mode = kStripCommas;
  } else if (periods > 1 && commas == 0) {
    mode = kStripPeriods;
    if (!groups3) n->reject = true;  // "1.2.3" — a version or a date
  } else if (periods >= 1 && commas == 1 && last_comma > last_period) {
    mode = kEuropean;
  } else {
    n->reject = true;
  }
  if (neg) buf[len++] = '-';
  int int_digits = 0;
  bool in_int = true;
  for (size_t k = start; k < p && len + 2 < sizeof(buf); ++k) {
    char c = s[k];
    if (IsAsciiDigit(c)) {
      buf[len++] = c;
      if (in_int) ++int_digits;
    } else if (c == ',') {
      if (mode == kDecimalComma || mode == kEuropean) {
        buf[len++] = '.';
        in_int = false;
      }
    } else if (c == '.') {
      if (mode == kPlain || mode == kStripCommas) {
        buf[len++] = '.';
        in_int = false;
      }
    }
  }
  // Exponent: "1e10", "-12e-1" — only when the token ends there.
  if (p + 1 < s.size() && (s[p] == 'e' || s[p] == 'E')) {
    size_t q = p + 1;
    if (q < s.size() && (s[q] == '-' || s[q] == '+')) ++q;
    size_t ds = q;
    while (q < s.size() && IsAsciiDigit(s[q])) ++q;
    if (q > ds && q == s.size() && q - ds <= 4) {
      for (size_t k = p; k < q && len + 1 < sizeof(buf); ++k) {
        buf[len++] = s[k];
      }
      p = q;
    }
  }
  double out = 0;
  auto res = std::from_chars(buf, buf + len, out);
  if (res.ec != std::errc() || !std::isfinite(out)) {
    n->too_long = true;
    return 0;
  }
  *v = out;
  n->int_digits = int_digits;
  n->plain_int = (commas == 0 && periods == 0 && !neg &&
                  (p == s.size() || !(s[p] == 'e' || s[p] == 'E')));
  return p;
}

// A number starting at a kNumber token.
bool NumberParser::ParseDigitToken(uint32_t i, size_t skip, Number* n) {
  std::string_view s = win_.T(i).substr(skip);
  uint32_t base = win_.Tk(i).span.begin + static_cast<uint32_t>(skip);
  double v = 0;
  size_t p = ParseDigits(s, &v, n);
  if (p == 0) return false;
  n->value = v;
  n->tok_begin = i;
  n->tok_end = i + 1;
  n->byte_end = base + p;
  std::string_view rest = s.substr(p);
  if (rest.empty()) return true;
  char c = rest[0];
  if (c == ':') {
    n->reject = true;  // time of day, ratio, verse
    return true;
  }
  if (c == '/') {
    std::string_view d = rest.substr(1);
    int den = 0;
    size_t k = 0;
    while (k < d.size() && IsAsciiDigit(d[k]) && k < 6) {
      den = den * 10 + (d[k] - '0');
      ++k;
    }
    bool ok_den = den == 2 || den == 3 || den == 4 || den == 5 || den == 6 ||
                  den == 8 || den == 10 || den == 16 || den == 100;
    if (k == d.size() && n->plain_int && ok_den && v < den) {
      n->value = v / den;
      n->byte_end = base + s.size();
      n->plain_int = false;
      return true;
    }
    n->reject = true;  // 9/11, 24/7, 12/25 dates
    return true;
  }
  if (c == '-' && rest.size() > 1 && IsAsciiDigit(rest[1])) {
    Number second;
    double v2 = 0;
    size_t p2 = ParseDigits(rest.substr(1), &v2, &second);
    if (p2 == 0) {
      n->reject = true;
      return true;
    }
    std::string_view rest2 = rest.substr(1 + p2);
    if (!rest2.empty() && rest2[0] == '-' && rest2.size() > 1 &&
        IsAsciiDigit(rest2[1])) {
      n->reject = true;  // phone number or date 2017-12-28
      return true;
    }
    if (!(v2 > v)) {
      n->reject = true;  // a score "3-2" or a vote "52-48"
      return true;
    }
    n->is_range = true;
    n->high = v2;
    n->byte_end = base + p + 1 + p2;
    rest = rest2;
    if (rest.empty()) return true;
    c = rest[0];
  }
  uint32_t suffix_begin = n->byte_end;
  if (c == '-' && rest.size() > 1 && IsAsciiAlpha(rest[1])) {
    n->suffix = {suffix_begin + 1, base + static_cast<uint32_t>(s.size())};
    n->suffix_hyphen = true;
    return true;
  }
  if (IsAsciiAlpha(c)) {
    std::string_view suf = rest;
    if (IEq(suf, "st") || IEq(suf, "nd") || IEq(suf, "rd") || IEq(suf, "th") ||
        IEq(suf, "s") || IEq(suf, "am") || IEq(suf, "pm") || IEq(suf, "a.m") ||
        IEq(suf, "p.m")) {
      n->reject = true;  // ordinal, decade, time of day
      return true;
    }
    n->suffix = {suffix_begin, base + static_cast<uint32_t>(s.size())};
    return true;
  }
  n->reject = true;  // something else glued on
  return true;
}

// Any number at token i, followed by scale words ("3.5 million").
bool NumberParser::ParseNumber(uint32_t i, size_t skip, Number* n) {
  if (i >= win_.se) return false;
  bool ok = false;
  if (win_.Tk(i).kind == TokenKind::kNumber || skip > 0) {
    ok = ParseDigitToken(i, skip, n);
    if (ok && skip == 0) LeadingDot(i, n);
  } else if (win_.Tk(i).kind == TokenKind::kWord) {
    ok = ParseWordNumber(i, n);
  } else if (double f = VulgarFraction(win_.T(i)); f > 0) {
    n->value = f;  // "½ teaspoon"
    n->tok_begin = i;
    n->tok_end = i + 1;
    n->byte_end = win_.Tk(i).span.end;
    ok = true;
  }
  if (n->too_long) ++too_long_;
  if (!ok) return false;
  n->ok = true;
  if (!n->suffix.empty()) {
    std::string_view suf = win_.doc->Text(n->suffix);
    if (!n->suffix_hyphen && suf == "MM") {
      Scale(n, 1e6);  // "$1MM": finance shorthand for million
      n->byte_end = n->suffix.end;
      n->suffix = {};
      return true;
    }
    if (!n->suffix_hyphen) {
      if (const Named* sc = FindScaleSuffix(suf)) {
        // "5m" is million with money, metres otherwise (decided later).
        if (suf != "m") {  // "10M", "5bn": a scale
          Scale(n, sc->value);
          n->byte_end = n->suffix.end;
          n->suffix = {};
        }
      }
    }
    return true;
  }
  if (!n->from_words) SpacedGroups(n);
  // "2½": an integer and a vulgar fraction.
  if (n->plain_int && !n->is_range && n->tok_end < win_.se) {
    if (double f = VulgarFraction(win_.T(n->tok_end)); f > 0) {
      n->value += f;
      n->plain_int = false;
      n->byte_end = win_.Tk(n->tok_end).span.end;
      ++n->tok_end;
    }
  }
  // Mixed fraction: "10 1/2".
  if (!n->from_words && n->plain_int && !n->is_range && n->tok_end < win_.se &&
      win_.Tk(n->tok_end).kind == TokenKind::kNumber) {
    std::string_view f = win_.T(n->tok_end);
    size_t sl = f.find('/');
    if (sl != std::string_view::npos && sl > 0 && sl + 1 < f.size() &&
        f.size() <= 5) {
      int a = 0, b = 0;
      bool digits = true;
      for (size_t k = 0; k < f.size(); ++k) {
        if (k == sl) continue;
        if (!IsAsciiDigit(f[k]))
          digits = false;
        else if (k < sl)
          a = a * 10 + (f[k] - '0');
        else
          b = b * 10 + (f[k] - '0');
      }
      if (digits && b > a && a > 0 && (b == 2 || b == 4 || b == 3 || b == 8)) {
        n->value += static_cast<double>(a) / b;
        n->plain_int = false;
        n->byte_end = win_.Tk(n->tok_end).span.end;
        ++n->tok_end;
      }
    }
  }
  // Scale words after digits: "3.5 million", "322 hundred", "10 k".
  uint32_t t = n->tok_end;
  while (t < win_.se && t < n->tok_end + 3) {
    const Named* sc = FindScale(win_.T(t));
    if (!sc) break;
    if (n->from_words && IsWordScale(sc)) {
      break;  // the word grammar took its scales already
    }
    if (IEq(win_.T(t), "k") && !win_.Tk(t).space_before) {
      // fine
    }
    bool was_int = n->plain_int;
    Scale(n, sc->value);
    n->byte_end = win_.Tk(t).span.end;
    ++t;
    if (t < win_.se && win_.Tk(t - 1).kind == TokenKind::kWord &&
        win_.T(t - 1).find('-') != std::string_view::npos) {
      break;
    }
    if (IsWordScale(sc) && !n->is_range) {
      // "3 million and a half" -> 3.5 million.
      if (uint32_t m = AndFraction(t, sc->value, n)) {
        t += m;
        break;
      }
      // "4 thousand 3 hundred and 21": smaller digit groups.
      if (was_int && (sc->value == 100 || sc->value == 1000)) {
        uint32_t after = DigitRemainder(t, sc->value, n);
        if (after != t) {
          t = after;
          break;
        }
      }
    }
  }
  n->tok_end = t;
  // "million-dollar": a hyphenated scale word token.
  return true;
}

uint32_t NumberParser::AndFraction(uint32_t t, double scale, Number* n) {
  if (!win_.Is(t, "and") || scale < 1000 || t + 2 >= win_.se) return 0;
  std::string_view num = win_.T(t + 1);
  double count = 0;
  if (IEq(num, "a") || IEq(num, "one")) {
    count = 1;
  } else if (const Named* e = FindSmallNumber(num); e && e->value < 10) {
    count = e->value;
  } else {
    return 0;
  }
  const Named* f = FindFraction(win_.T(t + 2));
  std::string_view fw = win_.T(t + 2);
  bool plural = !fw.empty() && (fw.back() == 's' || fw.back() == 'S');
  if (!f || (count > 1) != plural || count >= f->value) return 0;
  n->value += count / f->value * scale;
  n->byte_end = win_.Tk(t + 2).span.end;
  return 3;
}

uint32_t NumberParser::DigitRemainder(uint32_t t, double scale, Number* n) {
  // Each step: ["and"] digits [a smaller scale word]; the remainder is
  // smaller than the scale before it. "and" only before the last group
  // under a hundred, as in "3 hundred and 21".
  double last_scale = scale;
  while (t < win_.se) {
    uint32_t k = win_.Is(t, "and") ? t + 1 : t;
    if (k >= win_.se || win_.Tk(k).kind != TokenKind::kNumber) break;
    std::string_view d = win_.T(k);
    if (d.size() > 3) break;
    double v = 0;
    for (char c : d) {
      if (!IsAsciiDigit(c)) return t;
      v = v * 10 + (c - '0');
    }
    if (v <= 0 || v >= last_scale) break;
    const Named* sc = k + 1 < win_.se ? FindScale(win_.T(k + 1)) : nullptr;
    if (sc && IsWordScale(sc) && sc->value < last_scale && v < 1000) {
      if (k > t) break;  // "and 3 hundred": a new number
      n->value += v * sc->value;
      n->byte_end = win_.Tk(k + 1).span.end;
      last_scale = sc->value;
      t = k + 2;
      continue;
    }
    if (sc || v >= 100) break;
    n->value += v;
    n->byte_end = win_.Tk(k).span.end;
    return k + 1;
  }
  return t;
}

void NumberParser::Scale(Number* n, double f) {
  n->value *= f;
  n->high *= f;
  n->scaled = true;
  n->scale *= f;
  n->plain_int = false;
}

// ".5", ".08": a decimal whose leading zero is omitted. The period must be
// glued to the digits and stand after a space (or open the text).
void NumberParser::LeadingDot(uint32_t i, Number* n) const {
  if (i == 0 || !n->plain_int || n->is_range || !n->suffix.empty()) return;
  const Token& dot = win_.Tk(i - 1);
  const Token& num = win_.Tk(i);
  if (dot.span.end != num.span.begin || dot.span.end - dot.span.begin != 1 ||
      win_.doc->text[dot.span.begin] != '.') {
    return;
  }
  if (i - 1 > 0 && !dot.space_before) return;  // "end.5" / "v.2"
  uint32_t digits = n->byte_end - num.span.begin;
  if (digits > 20) return;
  n->value /= std::pow(10.0, digits);
  n->plain_int = false;
  n->int_digits = 0;
  n->dot_lead = true;
}

void NumberParser::SpacedGroups(Number* n) {
  if (!n->plain_int || n->is_range || !n->suffix.empty() || n->int_digits > 3 ||
      n->value == 0) {
    return;
  }
  uint32_t t = n->tok_end;
  double v = n->value;
  uint32_t end = n->byte_end;
  int groups = 0;
  while (t < win_.se && groups < 6) {
    const Token& g = win_.Tk(t);
    if (g.kind != TokenKind::kNumber || g.span.begin != end + 1 ||
        g.span.end - g.span.begin != 3 || win_.doc->text[end] != ' ') {
      break;
    }
    std::string_view d = win_.T(t);
    if (!IsAsciiDigit(d[0]) || !IsAsciiDigit(d[1]) || !IsAsciiDigit(d[2])) {
      break;
    }
    v = v * 1000 + (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0');
    end = g.span.end;
    ++t;
    ++groups;
  }
  if (groups == 0) return;
  n->value = v;
  n->tok_end = t;
  n->byte_end = end;
  n->int_digits += 3 * groups;
}

bool NumberParser::BareHalf(uint32_t i) const {
  if (i >= win_.se || !IEq(win_.T(i), "half")) return false;
  if (win_.Is(i + 1, "a") || win_.Is(i + 1, "an")) return false;
  std::string_view p = i > win_.sb ? win_.T(i - 1) : std::string_view();
  // "the first half of 2013", "his half of the talk": a part, not 0.5.
  static constexpr std::string_view kPartOf[] = {
      "the",   "a",        "his",      "her",     "their",  "its",    "our",
      "my",    "your",     "first",    "second",  "bottom", "top",    "back",
      "front", "other",    "latter",   "'s",      "’s",     "better", "lower",
      "upper", "northern", "southern", "eastern", "western"};
  static const WordIndex part_of = IndexWords(kPartOf);
  if (win_.Is(i + 1, "of")) {
    return !win_.Is(i + 2, "time") && !part_of.Contains(p);
  }
  // "for half the race", "half their budget": 0.5 of what follows.
  if (win_.Is(i + 1, "the") || win_.Is(i + 1, "their") ||
      win_.Is(i + 1, "its") || win_.Is(i + 1, "his") || win_.Is(i + 1, "her") ||
      win_.Is(i + 1, "our")) {
    return !win_.Is(i + 2, "time") && !part_of.Contains(p);
  }
  if (p.empty()) return false;
  return IEq(p, "than") || IEq(p, "nearly") || IEq(p, "almost") ||
         IEq(p, "about") || IEq(p, "roughly") || IEq(p, "around") ||
         IEq(p, "over") || IEq(p, "some");
}

}  // namespace whosaid::claims
