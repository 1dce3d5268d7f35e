#include "src/claims/claims.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "src/claims/context_rules.h"
#include "src/claims/counted.h"
#include "src/claims/counted_context.h"
#include "src/claims/counted_holders.h"
#include "src/claims/ellipsis.h"
#include "src/claims/exclusions.h"
#include "src/claims/lexicon.h"
#include "src/claims/number_parser.h"
#include "src/claims/quantity.h"
#include "src/claims/sources.h"
#include "src/claims/token_window.h"
#include "src/claims/trigger_filter.h"
#include "src/claims/units.h"

namespace whosaid {
namespace claims {
namespace {

// The grammar driver: finds trigger tokens, reads a number with its unit,
// a range, modifiers and the counted phrase, filters exclusions and emits
// claims; sources are assigned at the end.
class Scanner {
 public:
  Scanner(const ClaimsOptions& options, Document* doc)
      : opt_(options), doc_(*doc), num_(options, win_) {
    win_.doc = doc;
  }

  void Run() {
    for (const Sentence& s : doc_.sentences) {
      win_.sb = s.token_begin;
      win_.se = std::min<uint32_t>(s.token_end, doc_.tokens.size());
      uint32_t i = win_.sb;
      const size_t first_claim = doc_.claims.size();
      const Token* toks = doc_.tokens.data();
      while (i < win_.se) {
        if (!filter_.MayTriggerToken(toks[i], doc_.text) || !Trigger(i)) {
          ++i;
          continue;
        }
        Quantity q;
        uint32_t next = i + 1;
        if (Parse(i, &q, &next)) Emit(q);
        i = std::max(next, i + 1);
      }
      ShareOneGroup(win_, first_claim, &doc_.claims);
      ShareVerbPhrases(win_, first_claim, &doc_.claims);
      UnitOfTheAmountContrasted(win_, first_claim, &doc_.claims);
    }
    size_t too_long = too_long_ + num_.too_long();
    if (too_long > 0) {
      doc_.warnings.push_back("claims: " + std::to_string(too_long) +
                              " number(s) too long or out of range, skipped");
    }
    if (dropped_ > 0) {
      doc_.warnings.push_back("claims: " + std::to_string(dropped_) +
                              " claim(s) over max_claims dropped");
    }
    AssignSources(opt_, &doc_);
  }

 private:
  // Cheap test run on every token: digits, currency marks, number words.
  bool Trigger(uint32_t i) const {
    const Token& t = win_.Tk(i);
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind == TokenKind::kSymbol) {
      return win_.IsCurrencySymbol(i) || VulgarFraction(win_.T(i)) > 0;
    }
    if (t.kind != TokenKind::kWord) return false;
    std::string_view w = win_.T(i);
    if (w.size() > 20 || w.empty()) return false;
    // Most words ("the", "said") fail on their first three bytes.
    if (!filter_.MayTrigger(w)) return false;
    char c = Lower(w[0]);
    switch (c) {
      case 'a':
        return (w.size() <= 2) && (IEq(w, "a") || IEq(w, "an")) &&
               (win_.IsScaleWordTok(i + 1) || num_.FractionAt(i + 1, true));
      case 'h':
        return IEq(w, "half") &&
               ((win_.Is(i + 1, "a") && win_.IsScaleWordTok(i + 2)) ||
                win_.IsScaleWordTok(i + 1) || num_.BareHalf(i));
      case 'q':
        return IEq(w, "quarter") && win_.IsScaleWordTok(i + 1);
      case 'm':
      case 'n':
        if (IEq(w, "minus") || IEq(w, "negative")) {
          return i + 1 < win_.se &&
                 (win_.Tk(i + 1).kind == TokenKind::kNumber ||
                  IsNumberWord(win_.T(i + 1)));
        }
        return IsNumberWord(w);
      case 'u':
      case 'e':
        if (GluedCurrencyCode(w, nullptr)) return true;
        [[fallthrough]];
      case 'g':
      case 'j':
        if (GluedCurrencyCode(w, nullptr)) return true;
        [[fallthrough]];
      case 'r':
      case 'c':
        // Currency codes before the number ("USD 20", "US$ 5").
        if (w.size() <= 4 &&
            (win_.IsCurrencySymbol(i + 1) ||
             (i + 1 < win_.se && win_.Tk(i + 1).kind == TokenKind::kNumber))) {
          if (CurrencyCodeAt(win_, i)) return true;
        }
        return IsNumberWord(w);
      default:
        return IsNumberWord(w);
    }
  }

  // A second, smaller unit of a compound amount: "5 feet 2 inches", "3
  // dollars and 50 cents", "6 pounds 4 ounces". Returns the token after it.
  uint32_t CompoundAmount(uint32_t t, Quantity* q) {
    double per = 0;
    std::string_view small;
    if (q->unit == "foot") {
      per = 12, small = "inch";
    } else if (q->unit == "USD" || q->unit == "EUR") {
      per = 100, small = "cent";
    } else if (q->unit == "GBP") {
      per = 100, small = "penny";
    } else if (q->unit == "lb") {
      per = 16, small = "oz";
    } else {
      return t;
    }
    if (q->first.scaled || q->first.suffix_hyphen) return t;
    uint32_t k = win_.Is(t, "and") ? t + 1 : t;
    Number n2;
    if (k >= win_.se || !num_.ParseNumber(k, &n2) || n2.reject || n2.is_range ||
        n2.scaled || !(n2.value >= 0) || n2.value >= per) {
      return t;
    }
    Quantity q2;
    uint32_t e = n2.tok_end;
    if (!n2.suffix.empty()) {
      if (!SuffixUnit(win_, n2, &q2)) return t;
    } else {
      e = LexiconUnit(win_, e, &q2);
    }
    if (q2.unit.empty() && small == "inch" && n2.suffix.empty() &&
        (win_.Is(e, "in") || win_.Is(e, "in."))) {
      // "5 ft 2 in": "in" is the inch only right after feet and a number.
      q2.unit = "inch";
      q2.unit_span = win_.Tk(e).span;
      ++e;
    }
    if (q2.unit != small) return t;
    q->value += n2.value / per;
    q->low = q->value;
    q->byte_end = std::max(n2.byte_end, q2.unit_span.end);
    q->tok_end = e;
    return e;
  }

  // Proportions: "3 in 10", "nine out of ten", "one in five" -> 0.3, 0.9,
  // 0.2 (the value of the fraction). Returns the token after it.
  uint32_t Proportion(uint32_t t, const Number& n1, Quantity* q,
                      uint32_t* next) {
    if (n1.scaled || n1.is_range || !(n1.plain_int || n1.from_words) ||
        q->value <= 0) {
      return t;
    }
    uint32_t m = win_.Is(t, "in") ? 1 : win_.Match(t, "out of");
    if (m == 0) return t;
    Number n2;
    if (!num_.ParseNumber(t + m, &n2) || n2.reject || n2.is_range ||
        n2.scaled || !n2.suffix.empty() || !(n2.plain_int || n2.from_words) ||
        n2.value <= q->value || n2.value > 1000 || n2.int_digits > 3) {
      return t;
    }
    // "5 in 10 days": a duration, not a proportion.
    Quantity probe;
    if (LexiconUnit(win_, n2.tok_end, &probe) != n2.tok_end) return t;
    std::string_view after = win_.T(n2.tok_end);
    if (after.size() > 2 && (after.back() == 's' || after.back() == 'S')) {
      after.remove_suffix(1);
    }
    if (IsPeriodWord(after)) return t;
    q->value /= n2.value;
    q->low = q->value;
    q->byte_end = n2.byte_end;
    q->tok_end = n2.tok_end;
    q->first.only_one = false;
    *next = n2.tok_end;
    return n2.tok_end;
  }

  // Range: "8 to 10", "60 - 70", "$3 to $5 billion", "between X and Y",
  // "1 or 2 percent", "four or five hours": the first number n1 starts at
  // token i and its unit ends before token t. Returns the token after the
  // range (t when there is none).
  uint32_t Range(uint32_t i, const Number& n1, uint32_t t, Quantity* q,
                 uint32_t* next) {
    if (q->is_range || q->noun_unit || n1.bare_half || t >= win_.se) return t;
    // "$4.9 million in 2008 to $23.2 million": a year, then the next amount.
    if (YearBeforeTo(win_, i, n1.value, n1.plain_int, n1.int_digits)) return t;
    bool between = win_.MatchBefore(i, "between") > 0;
    bool from = win_.MatchBefore(i, "from") > 0;
    bool after_change = false;
    for (uint32_t k = i; k > win_.sb && k + 3 > i; --k) {
      if (FindChangeWord(win_.T(k - 1))) after_change = true;
    }
    bool joined = win_.IsDashTok(t) || (win_.Is(t, "to") && !after_change) ||
                  win_.Is(t, "through") ||
                  // "either 10 bln or 10 tln": alternatives, no range.
                  (win_.Is(t, "or") && win_.MatchBefore(i, "either") == 0) ||
                  (between && win_.Is(t, "and"));
    if (!joined) return t;
    uint32_t k = t + 1;
    std::string_view cur2;
    uint32_t pre2 = CurrencyPrefix(win_, k, &cur2);
    Number n2;
    if (num_.ParseNumber(k + pre2, &n2) && !n2.reject && !n2.is_range &&
        n2.tok_end > k + pre2) {
      Quantity q2;
      q2.first = n2;
      q2.value = n2.value;
      q2.currency = pre2 > 0 || q->currency;
      if (pre2) q2.unit = cur2;
      bool ok = true;
      uint32_t t2 = n2.tok_end;
      if (!n2.suffix.empty()) {
        ok = SuffixUnit(win_, n2, &q2);
      } else if (!pre2) {
        t2 = LexiconUnit(win_, t2, &q2);
      }
      double lo = q->value, hi = n2.value;
      if (n2.scale > 1 && n1.scale == 1 && !n1.from_words) {
        double f = n2.scale;
        if (lo * f <= hi) lo *= f;
      }
      bool units_agree =
          q->unit.empty() || q2.unit.empty() || q->unit == q2.unit;
      bool order_ok = hi > lo || (from && hi != lo);
      if (ok && units_agree && order_ok && !q2.noun_unit) {
        q->is_range = true;
        q->low = lo;
        q->high = hi;
        if (q->unit.empty() && !q2.unit.empty()) {
          q->unit = q2.unit;
          q->unit_span = q2.unit_span;
          q->currency = q2.currency;
          q->percent = q2.percent;
        }
        q->byte_end =
            std::max(n2.byte_end, q2.unit_span.empty() ? 0u : q2.unit_span.end);
        q->first.scaled = q->first.scaled || n2.scaled;
        *next = t2;
        return t2;
      }
    }
    return t;
  }

  // "$15 an hour", "$450 million a year": a money rate over time (a
  // price "a share" stays money; "a year earlier" is no rate).
  // Returns the token after the rate (t when there is none).
  uint32_t MoneyRate(uint32_t t, Quantity* q, uint32_t* next) const {
    if (q->currency && !q->noun_unit) {
      uint32_t m = PeriodAt(win_, t);
      std::string_view per = m ? win_.T(t + m - 1) : std::string_view();
      bool time = IEq(per, "hour") || IEq(per, "day") || IEq(per, "week") ||
                  IEq(per, "month") || IEq(per, "year");
      uint32_t a = t + m;
      if (m && time &&
          !(win_.Is(a, "earlier") || win_.Is(a, "ago") || win_.Is(a, "later") ||
            win_.Is(a, "before") || win_.Is(a, "after") || win_.Is(a, "from") ||
            win_.Is(a, "prior"))) {
        q->rate = win_.T(t + m - 1);
        q->byte_end = win_.Tk(t + m - 1).span.end;
        t += m;
        *next = std::max(*next, t);
      }
    }
    return t;
  }

  // ---------------------------------------------------------- a quantity
  bool Parse(uint32_t i, Quantity* q, uint32_t* next) {
    uint32_t j = i;
    std::string_view cur_norm;
    uint32_t pre = CurrencyPrefix(win_, j, &cur_norm);
    if (pre == 0 && win_.Tk(i).kind != TokenKind::kNumber &&
        win_.Tk(i).kind != TokenKind::kWord && VulgarFraction(win_.T(i)) == 0) {
      return false;
    }
    bool neg = false;
    if (pre == 0 && (win_.Is(j, "minus") || win_.Is(j, "negative")) &&
        j + 1 < win_.se && !PlusOrMinusBefore(win_, j) &&
        (win_.Tk(j + 1).kind == TokenKind::kNumber ||
         IsNumberWord(win_.T(j + 1)))) {
      neg = true;
      ++j;
    }
    j += pre;
    Number n1;
    size_t glued = 0;
    if (pre == 0 && !neg && win_.Tk(j).kind == TokenKind::kWord) {
      glued = GluedCurrencyCode(win_.T(j), &cur_norm);
    }
    if (!num_.ParseNumber(j, glued, &n1)) return false;
    *next = n1.tok_end;
    if (n1.reject) return false;
    q->first = n1;
    q->num_begin = i;
    q->tok_begin = i;
    q->tok_end = n1.tok_end;
    q->byte_begin = win_.Tk(i).span.begin;
    if (n1.dot_lead && !neg && pre == 0)
      q->byte_begin = win_.Tk(i - 1).span.begin;
    q->byte_end = n1.byte_end;
    q->value = neg ? -n1.value : n1.value;
    if (neg) q->first.only_one = false;  // "minus one" is a number
    q->is_range = n1.is_range;
    q->low = n1.value;
    q->high = n1.high;
    if (pre) {
      q->unit = cur_norm;
      q->currency = true;
      q->unit_span = {win_.Tk(i).span.begin, win_.Tk(i + pre - 1).span.end};
    } else if (glued) {
      q->unit = cur_norm;
      q->currency = true;
      uint32_t b = win_.Tk(j).span.begin;
      q->unit_span = {b, b + static_cast<uint32_t>(glued)};
    }
    // Unit of the first number.
    uint32_t t = n1.tok_end;
    if (q->currency && n1.suffix.empty() && !n1.scaled &&
        (win_.Is(t, "m") || win_.Is(t, "m."))) {
      q->value *= 1e6;  // "€40 m"
      q->low = q->value;
      q->first.scaled = true;
      q->first.scale = 1e6;
      q->byte_end = win_.Tk(t).span.end;
      q->tok_end = ++t;
      n1.tok_end = t;
    }
    if (!n1.suffix.empty()) {
      if (!SuffixUnit(win_, n1, q)) return false;
      // A suffix glued to the digits is part of the span, also when the
      // unit is a currency sign before them ("$5m", "$7-billion"); a
      // hyphenated one may run on into the counted noun ("2-foot-long").
      bool whole_suffix = !n1.suffix_hyphen || q->currency;
      q->byte_end = std::max(
          {q->byte_end, q->unit_span.empty() ? n1.suffix.end : q->unit_span.end,
           whole_suffix ? n1.suffix.end : 0u});
    } else if (!q->currency) {
      std::string_view code;
      if (MillionCurrencyCode(win_.T(t), &code) && !n1.scaled) {
        // "30 MUSD": a million US dollars.
        q->unit = code;
        q->currency = true;
        q->unit_span = win_.Tk(t).span;
        q->value *= 1e6;
        q->low = q->value;
        q->high *= 1e6;
        q->first.scaled = true;
        q->first.scale = 1e6;
        ++t;
      } else {
        t = LexiconUnit(win_, t, q);
      }
      // "75 USD million": the scale after the currency word.
      if (q->currency && !q->first.scaled && t < win_.se) {
        const Named* sc = FindScale(win_.T(t));
        if (sc && sc->value >= 1e6) {
          q->value *= sc->value;
          q->low = q->value;
          q->high *= sc->value;
          q->first.scaled = true;
          q->first.scale = sc->value;
          n1.scaled = true;
          q->byte_end = win_.Tk(t).span.end;
          ++t;
        }
      }
    } else {
      // "$5 m", "$10 bn" handled by scales; "$ 3 million dollars" rare.
    }
    if (t > n1.tok_end && !q->unit_span.empty()) {
      q->byte_end = std::max(q->byte_end, q->unit_span.end);
    }
    if (q->first.scaled && q->byte_end < win_.Tk(t - 1).span.end &&
        t > n1.tok_end && FindScale(win_.T(t - 1))) {
      q->byte_end = win_.Tk(t - 1).span.end;
    }
    if (!q->is_range) {
      t = CompoundAmount(t, q);
      if (q->unit.empty() && n1.suffix.empty()) t = Proportion(t, n1, q, next);
    }
    t = Range(i, n1, t, q, next);
    if (q->is_range && !n1.is_range) {
      // value fields set above
    } else if (q->is_range) {
      q->low = q->value;
      q->high = n1.high * (neg ? -1 : 1);
    }
    t = MoneyRate(t, q, next);
    // "since I was 18", "when she was nine,": an age.
    // "voters ages 18 to 29": a range of ages too.
    if (q->unit.empty() && (!q->is_range || AfterAgeWord(win_, i)) &&
        n1.suffix.empty() && (n1.plain_int || n1.from_words) && q->value >= 1 &&
        q->value <= 120 && StatedAge(win_, i, t)) {
      q->unit = "year of age";
    }
    t = ReadCounted(win_, opt_.max_counted_tokens, n1, t, q);
    q->tok_end = std::max(q->tok_end, t);
    *next = std::max(*next, q->noun_unit ? n1.tok_end : t);
    // Modifiers and change words before the expression.
    Modifiers(q);
    if (Excluded(win_, *q)) return false;
    if (q->is_range) {
      if (!std::isfinite(q->low) || !std::isfinite(q->high)) return false;
    }
    if (std::fabs(q->value) > opt_.max_abs_value ||
        std::fabs(q->high) > opt_.max_abs_value) {
      ++too_long_;
      return false;
    }
    return true;
  }

  void Modifiers(Quantity* q) const {
    uint32_t s = q->tok_begin;
    if (win_.MatchBefore(s, "between")) {
      --s;
      q->tok_begin = s;
      q->byte_begin = win_.Tk(s).span.begin;
    } else if (win_.MatchBefore(s, "from") && q->is_range) {
      --s;
      q->tok_begin = s;
      q->byte_begin = win_.Tk(s).span.begin;
    }
    // Only phrases ending with the word before s can match before s.
    std::span<const uint32_t> cands;
    if (s > win_.sb && s - 1 < win_.se)
      cands = ModifiersEndingWith(win_.T(s - 1));
    for (uint32_t id : cands) {
      const Modifier& m = ModifierPhrases()[id];
      if (uint32_t n = win_.MatchBefore(s, m.surface)) {
        // "over" after a verb of motion is not a bound, but keep it simple.
        q->approx_symbol = m.symbol;
        q->approx_span = {win_.Tk(s - n).span.begin, win_.Tk(s - 1).span.end};
        q->tok_begin = s - n;
        q->byte_begin = win_.Tk(s - n).span.begin;
        return;
      }
    }
    uint32_t v = s;
    if (win_.MatchBefore(v, "by") || win_.MatchBefore(v, "to")) --v;
    if (v > win_.sb) {
      if (const Named* c = FindChangeWord(win_.T(v - 1))) {
        if (c->value > 0 && win_.Is(v - 1, "up") && win_.Is(v, "to")) return;
        q->change = c->value > 0 ? "up" : "down";
        q->approx_span = {win_.Tk(v - 1).span.begin, win_.Tk(s - 1).span.end};
      }
    }
  }

  // ---------------------------------------------------------- output
  void Emit(const Quantity& q) {
    if (doc_.claims.size() >= opt_.max_claims) {
      ++dropped_;
      return;
    }
    Claim c;
    c.span = {q.byte_begin, std::max(q.byte_begin, q.byte_end)};
    c.is_range = q.is_range && q.low != q.high;
    if (c.is_range) {
      c.low = std::min(q.low, q.high);
      c.high = std::max(q.low, q.high);
      c.value = c.low;
    } else {
      c.value = q.value;
      c.low = c.high = q.value;
    }
    if (q.noun_unit) {
      c.unit = q.noun;
    } else {
      c.unit.assign(q.unit);
      if (!q.rate.empty()) {
        c.unit += " per ";
        for (char ch : q.rate) c.unit.push_back(Lower(ch));
      }
    }
    c.unit_span = q.unit_span;
    if (!q.approx_span.empty()) {
      std::string_view a = doc_.Text(q.approx_span);
      for (char ch : a) c.approx.push_back(Lower(ch));
    }
    if (!q.change.empty()) {
      c.change.assign(q.change);
    } else {
      c.change.assign(q.approx_symbol);
    }
    c.counted = q.counted;
    doc_.claims.push_back(std::move(c));
  }

  const ClaimsOptions& opt_;
  const TriggerFilter& filter_ = TriggerFilter::Get();
  Document& doc_;
  TokenWindow win_;
  NumberParser num_;
  size_t too_long_ = 0;
  size_t dropped_ = 0;
};

}  // namespace
}  // namespace claims

void ExtractClaims(const ClaimsOptions& options, Document* doc) {
  doc->claims.clear();
  if (doc->tokens.empty()) return;
  claims::Scanner(options, doc).Run();
}

void ExtractClaims(Document* doc) { ExtractClaims(ClaimsOptions(), doc); }

}  // namespace whosaid
