#include "src/claims/trigger_filter.h"

#include <string_view>

#include "src/claims/lexicon.h"
#include "src/claims/units.h"

namespace whosaid::claims {

TriggerFilter::TriggerFilter() {
  for (const Named& e : SmallNumberTable()) Allow(e.word);  // heads
  for (std::string_view w :
       {"a", "an", "half", "quarter", "minus", "negative"}) {
    Allow(w);
  }
  // Codes glued to digits, read for words opening with u, e, g, j.
  for (const UnitWord& c : GluedCurrencyCodeTable()) {
    if (std::string_view("uegj").find(c.surface[0]) != std::string_view::npos) {
      Allow(c.surface);
    }
  }
  // Currency codes before a number, read for u, e, g, j, r, c words.
  for (const UnitWord& c : CurrencyPrefixTable()) {
    std::string_view first = c.surface.substr(0, c.surface.find(' '));
    if (c.surface.size() > 1 &&
        std::string_view("uegjrc").find(first[0]) != std::string_view::npos) {
      Allow(first);
    }
  }
}

}  // namespace whosaid::claims
