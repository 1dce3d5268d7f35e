#include "src/claims/units.h"

#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>

#include "src/claims/word_index.h"

namespace whosaid::claims {
namespace {

// Longer entries first where they share a prefix.
constexpr UnitWord kUnits[] = {
    {"% of", "percent"},  // never matched: placeholder kept for ordering
    {"%", "percent"},
    {"percentage points", "percentage point"},
    {"percentage point", "percentage point"},
    {"percent", "percent"},
    {"per cent", "percent"},
    {"pct", "percent"},
    {"basis points", "basis point"},
    {"basis point", "basis point"},
    {"bps", "basis point"},
    {"bp", "basis point"},
    {"pc", "percent"},
    {"square kilometers", "km2"},
    {"square kilometres", "km2"},
    {"square kilometer", "km2"},
    {"square kilometre", "km2"},
    {"square km", "km2"},
    {"sq km", "km2"},
    {"km2", "km2"},
    {"km ²", "km2"},
    {"square meters", "m2"},
    {"square metres", "m2"},
    {"square meter", "m2"},
    {"square metre", "m2"},
    {"sq m", "m2"},
    {"m2", "m2"},
    {"m ²", "m2"},
    {"square miles", "square mile"},
    {"square mile", "square mile"},
    {"sq mi", "square mile"},
    {"square feet", "square foot"},
    {"square foot", "square foot"},
    {"sq ft", "square foot"},
    {"cubic meters", "m3"},
    {"cubic metres", "m3"},
    {"cubic feet", "cubic foot"},
    {"kilometers per hour", "km/h"},
    {"kilometres per hour", "km/h"},
    {"kilometers an hour", "km/h"},
    {"kilometres an hour", "km/h"},
    {"km/h", "km/h"},
    {"kmph", "km/h"},
    {"kph", "km/h"},
    {"miles per hour", "mph"},
    {"miles an hour", "mph"},
    {"mph", "mph"},
    {"kilometers", "km"},
    {"kilometres", "km"},
    {"kilometer", "km"},
    {"kilometre", "km"},
    {"km", "km"},
    {"centimeters", "cm"},
    {"centimetres", "cm"},
    {"centimeter", "cm"},
    {"centimetre", "cm"},
    {"cm", "cm"},
    {"millimeters", "mm"},
    {"millimetres", "mm"},
    {"millimeter", "mm"},
    {"millimetre", "mm"},
    {"mm", "mm"},
    {"meters", "m"},
    {"metres", "m"},
    {"meter", "m"},
    {"metre", "m"},
    {"miles", "mile"},
    {"mile", "mile"},
    {"feet", "foot"},
    {"foot", "foot"},
    {"ft", "foot"},
    {"inches", "inch"},
    {"inch", "inch"},
    {"yards", "yard"},
    {"yard", "yard"},
    {"hectares", "hectare"},
    {"hectare", "hectare"},
    {"acres", "acre"},
    {"acre", "acre"},
    {"kilograms", "kg"},
    {"kilogram", "kg"},
    {"kilos", "kg"},
    {"kg", "kg"},
    {"grams", "g"},
    {"gram", "g"},
    {"milligrams", "mg"},
    {"mg", "mg"},
    {"micrograms", "microgram"},
    {"microgram", "microgram"},
    {"metric tons", "metric ton"},
    {"metric tonnes", "metric ton"},
    {"metric ton", "metric ton"},
    {"tonnes", "metric ton"},
    {"tonne", "metric ton"},
    {"tons", "ton"},
    {"ton", "ton"},
    {"lbs", "lb"},
    {"lb", "lb"},
    {"ounces", "oz"},
    {"ounce", "oz"},
    {"oz", "oz"},
    {"liters", "l"},
    {"litres", "l"},
    {"liter", "l"},
    {"litre", "l"},
    {"gallons", "gallon"},
    {"gallon", "gallon"},
    {"barrels per day", "barrel per day"},
    {"barrels a day", "barrel per day"},
    {"bpd", "barrel per day"},
    {"barrels", "barrel"},
    {"barrel", "barrel"},
    {"degrees celsius", "celsius"},
    {"degrees fahrenheit", "fahrenheit"},
    {"degrees c", "celsius"},
    {"degrees f", "fahrenheit"},
    {"deg c", "celsius"},
    {"deg f", "fahrenheit"},
    {"° celsius", "celsius"},
    {"° fahrenheit", "fahrenheit"},
    {"° c", "celsius"},
    {"° f", "fahrenheit"},
    {"°c", "celsius"},
    {"°f", "fahrenheit"},
    {"degree celsius", "celsius"},
    {"degree fahrenheit", "fahrenheit"},
    {"deg celsius", "celsius"},
    {"deg fahrenheit", "fahrenheit"},
    {"degrees farenheit", "fahrenheit"},
    {"celsius", "celsius"},
    {"celcius", "celsius"},
    {"centigrade", "celsius"},
    {"farenheit", "fahrenheit"},
    {"fahrenheit", "fahrenheit"},
    {"degrees", "degree"},
    {"degree", "degree"},
    {"°", "degree"},
    {"megawatts", "MW"},
    {"megawatt", "MW"},
    {"mw", "MW"},
    {"gigawatts", "gigawatt"},
    {"gw", "gigawatt"},
    {"kilowatt-hours", "kWh"},
    {"kwh", "kWh"},
    {"times", "times"},
    {"fold", "times"},
    {"gb", "gigabyte"},
    {"tb", "terabyte"},
};

// Currency marks and codes written before the number ("$", "US$", "EUR").
constexpr UnitWord kCurrencyPrefixes[] = {
    {"us $", "USD"}, {"u.s. $", "USD"}, {"us$", "USD"},     {"c $", "CAD"},
    {"ca $", "CAD"}, {"cad $", "CAD"},  {"a $", "AUD"},     {"au $", "AUD"},
    {"hk $", "HKD"}, {"nz $", "NZD"},   {"s $", "SGD"},     {"mex $", "MXN"},
    {"r $", "BRL"},  {"$", "USD"},      {"€", "EUR"},       {"£", "GBP"},
    {"¥", "JPY"},    {"₹", "INR"},      {"₿", "bitcoin"}, {"usd", "USD"},
    {"eur", "EUR"},  {"gbp", "GBP"},    {"jpy", "JPY"},     {"rmb", "CNY"},
    {"cny", "CNY"},  {"inr", "INR"},    {"rs", "INR"},      {"rs.", "INR"},
    {"chf", "CHF"},
};

// Currency words and codes written after the number ("10 euros").
constexpr UnitWord kCurrencyWords[] = {
    {"us dollars", "USD"},
    {"us dollar", "USD"},
    {"u.s. dollars", "USD"},
    {"american dollars", "USD"},
    {"canadian dollars", "CAD"},
    {"australian dollars", "AUD"},
    {"hong kong dollars", "HKD"},
    {"new zealand dollars", "NZD"},
    {"singapore dollars", "SGD"},
    {"mexican pesos", "MXN"},
    {"swiss francs", "CHF"},
    {"pounds sterling", "GBP"},
    {"dollars", "USD"},
    {"dollar", "USD"},
    {"bucks", "USD"},
    {"usd", "USD"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"eur", "EUR"},
    {"€", "EUR"},
    {"$", "USD"},
    {"gbp", "GBP"},
    {"sterling", "GBP"},
    {"yen", "JPY"},
    {"jpy", "JPY"},
    {"yuan", "CNY"},
    {"renminbi", "CNY"},
    {"cny", "CNY"},
    {"rupees", "INR"},
    {"rupee", "INR"},
    {"francs", "CHF"},
    {"franc", "CHF"},
    {"chf", "CHF"},
    {"rubles", "RUB"},
    {"roubles", "RUB"},
    {"ruble", "RUB"},
    {"pesos", "peso"},
    {"lira", "TRY"},
    {"won", "KRW"},
    {"cents", "cent"},
    {"cent", "cent"},
    {"pence", "penny"},
    {"penny", "penny"},
    {"bitcoins", "bitcoin"},
    {"bitcoin", "bitcoin"},
    {"shekels", "ILS"},
};

constexpr std::string_view kAgePhrases[] = {
    "years old", "year old",  "years of age", "months old",
    "month old", "weeks old", "days old",     "day old"};

// Hash indexes of the tables above by first word (for phrase matching at a
// token) and by whole surface (for equality with one string). Built once on
// first use, read-only afterwards.
struct UnitIndex {
  WordIndex units_first, units_full;
  WordIndex prefixes_first;
  WordIndex currency_first, currency_full;
};

template <size_t N>
void IndexPhrases(const UnitWord (&table)[N], WordIndex* first,
                  WordIndex* full) {
  for (size_t i = 0; i < N; ++i) {
    std::string_view sf = table[i].surface;
    if (sf == "% of") continue;  // the placeholder never matches
    if (first) first->Add(sf.substr(0, sf.find(' ')), i);
    if (full) full->Add(sf, i);
  }
  if (first) first->Finish();
  if (full) full->Finish();
}

UnitIndex BuildIndex() {
  UnitIndex x;
  IndexPhrases(kUnits, &x.units_first, &x.units_full);
  IndexPhrases(kCurrencyPrefixes, &x.prefixes_first, nullptr);
  IndexPhrases(kCurrencyWords, &x.currency_first, &x.currency_full);
  return x;
}

const UnitIndex& Index() {
  static const UnitIndex index = BuildIndex();
  return index;
}

// Ids of the phrases of `first` whose first word is token i's text (none
// outside the sentence, where TokenWindow::Match fails anyway).
std::span<const uint32_t> StartingAt(const TokenWindow& win, uint32_t i,
                                     const WordIndex& first) {
  if (i >= win.se || i < win.sb) return {};
  return first.Find(win.T(i));
}

// "year-old", "years-old", "year-olds", "month-old", ... -> the age unit,
// "" when `w` is none of them.
std::string_view AgeSuffixUnit(std::string_view w) {
  static constexpr UnitWord kAges[] = {
      {"year-old", "year of age"},    {"years-old", "year of age"},
      {"year-olds", "year of age"},   {"month-old", "month of age"},
      {"months-old", "month of age"}, {"month-olds", "month of age"},
      {"week-old", "week of age"},    {"week-olds", "week of age"},
      {"day-old", "day of age"},      {"day-olds", "day of age"}};
  for (const UnitWord& a : kAges) {
    if (IEq(w, a.surface)) return a.norm;
  }
  return {};
}

}  // namespace

namespace {
constexpr UnitWord kGluedCodes[] = {
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"},
    {"cny", "CNY"}, {"rmb", "CNY"}, {"inr", "INR"}, {"chf", "CHF"},
    {"aud", "AUD"}, {"cad", "CAD"}, {"hkd", "HKD"}, {"nzd", "NZD"},
    {"sgd", "SGD"}, {"rub", "RUB"}, {"krw", "KRW"}};
}  // namespace

std::span<const UnitWord> CurrencyPrefixTable() { return kCurrencyPrefixes; }
std::span<const UnitWord> GluedCurrencyCodeTable() { return kGluedCodes; }

size_t GluedCurrencyCode(std::string_view w, std::string_view* norm) {
  if (w.size() < 4 || w.size() > 24 || !IsAsciiDigit(w[3])) return 0;
  for (const auto& c : kGluedCodes) {
    if (IEq(w.substr(0, 3), c.surface)) {
      if (norm) *norm = c.norm;
      return 3;
    }
  }
  return 0;
}

bool MillionCurrencyCode(std::string_view w, std::string_view* norm) {
  if (w.size() != 4 || w[0] != 'M') return false;
  for (size_t k = 1; k < 4; ++k) {
    if (w[k] < 'A' || w[k] > 'Z') return false;  // upper case only: "MUSD"
  }
  for (const auto& c : kGluedCodes) {
    if (IEq(w.substr(1), c.surface)) {
      if (norm) *norm = c.norm;
      return true;
    }
  }
  return false;
}

bool CurrencyCodeAt(const TokenWindow& win, uint32_t i) {
  for (uint32_t id : StartingAt(win, i, Index().prefixes_first)) {
    const auto& cp = kCurrencyPrefixes[id];
    if (cp.surface.size() > 1 && win.Match(i, cp.surface)) return true;
  }
  return false;
}

// Currency marks before the number. Returns tokens matched.
uint32_t CurrencyPrefix(const TokenWindow& win, uint32_t i,
                        std::string_view* norm) {
  for (uint32_t id : StartingAt(win, i, Index().prefixes_first)) {
    const auto& c = kCurrencyPrefixes[id];
    uint32_t m = win.Match(i, c.surface);
    if (m == 0) {
      // "US$" written as one token pair "US" "$" is covered; "C$" too.
      continue;
    }
    // Codes need a number right after.
    if (i + m < win.se && (win.Tk(i + m).kind == TokenKind::kNumber ||
                           (c.surface.size() <= 3 && win.IsCurrencySymbol(i) &&
                            win.IsWord(i + m) && IsNumberWord(win.T(i + m))))) {
      *norm = c.norm;
      return m;
    }
  }
  return 0;
}

// Unit right after a number at token t (and a glued suffix). Sets q's
// unit fields; returns the token after the unit.
uint32_t LexiconUnit(const TokenWindow& win, uint32_t t, Quantity* q) {
  // Currency words ("10 euros", "5 US dollars").
  for (uint32_t id : StartingAt(win, t, Index().currency_first)) {
    const auto& c = kCurrencyWords[id];
    if (uint32_t m = win.Match(t, c.surface)) {
      if (c.surface == "won" && !q->first.scaled) continue;
      q->unit = c.norm;
      q->currency = true;
      q->unit_span = {win.Tk(t).span.begin, win.Tk(t + m - 1).span.end};
      return t + m;
    }
  }
  if (win.Match(t, "pounds") || win.Match(t, "pound")) {
    // Money when scaled or followed by "sterling"; mass otherwise.
    bool money = q->first.scaled || win.Is(t + 1, "sterling");
    uint32_t m = win.Is(t + 1, "sterling") ? 2 : 1;
    q->unit = money ? "GBP" : "lb";
    q->currency = money;
    q->unit_span = {win.Tk(t).span.begin, win.Tk(t + m - 1).span.end};
    return t + m;
  }
  // "16 year-old student": the age word apart from the digits.
  if (t < win.se) {
    std::string_view a = AgeSuffixUnit(win.T(t));
    if (!a.empty()) {
      q->unit = a;
      q->unit_span = win.Tk(t).span;
      return t + 1;
    }
  }
  // Ages: "five years old", "3 years of age" (each has "old" or "of" second).
  bool age_next = win.Is(t + 1, "old") || win.Is(t + 1, "of");
  for (std::string_view p :
       age_next ? kAgePhrases : std::span<const std::string_view>()) {
    if (uint32_t m = win.Match(t, p)) {
      q->unit = p[0] == 'y'   ? "year of age"
                : p[0] == 'm' ? "month of age"
                : p[0] == 'w' ? "week of age"
                              : "day of age";
      q->unit_span = {win.Tk(t).span.begin, win.Tk(t + m - 1).span.end};
      return t + m;
    }
  }
  for (uint32_t id : StartingAt(win, t, Index().units_first)) {
    const auto& u = kUnits[id];
    if (uint32_t m = win.Match(t, u.surface)) {
      // "in", "m", "g" as separate words are too ambiguous; the table
      // holds only unambiguous words.
      q->unit = u.norm;
      q->percent = u.norm == "percent";
      q->unit_span = {win.Tk(t).span.begin, win.Tk(t + m - 1).span.end};
      return t + m;
    }
  }
  if (win.Is(t, "m") && !q->currency && win.Tk(t).space_before) {
    q->unit = "m";
    q->unit_span = win.Tk(t).span;
    return t + 1;
  }
  return t;
}

// Units glued to the digits ("300mm", "115.5USD") or hyphenated
// ("12-cent", "two-year", "five-year-old", "45-acre").
bool SuffixUnit(const TokenWindow& win, const Number& n, Quantity* q) {
  std::string_view suf = win.doc->Text(n.suffix);
  std::string_view low_suf = suf;
  if (IEq(suf, "m") && !n.suffix_hyphen) {
    uint32_t after = n.tok_end;
    bool money_after =
        after < win.se && Index().currency_full.Contains(win.T(after));
    // "2m people", "5m barrels": British shorthand for million before a
    // counted noun (not "the 400m hurdles").
    static constexpr std::string_view kCountNouns[] = {
        "people",   "voters",    "users",     "jobs",        "households",
        "homes",    "children",  "adults",    "workers",     "viewers",
        "visitors", "customers", "residents", "subscribers", "tonnes",
        "tons",     "barrels",   "doses",     "cases",       "copies",
        "refugees", "migrants",  "members",   "votes",       "deaths"};
    static const WordIndex count_nouns = IndexWords(kCountNouns);
    bool count_after = after < win.se && count_nouns.Contains(win.T(after));
    if (q->currency || money_after || count_after) {
      q->first.scaled = true;
      q->first.scale *= 1e6;
      q->value *= 1e6;
      q->low *= 1e6;
      q->high *= 1e6;
      return true;
    }
    q->unit = "m";
    q->unit_span = n.suffix;
    return true;
  }
  if (n.suffix_hyphen) {
    // "the 57-million population": a scale, the noun follows.
    const Named* sc = FindScale(suf, /*words_only=*/true);
    if (sc && IsWordScale(sc) && sc->value >= 1000) {
      q->first.scaled = true;
      q->first.scale *= sc->value;
      q->value *= sc->value;
      q->low *= sc->value;
      q->high *= sc->value;
      return true;
    }
    q->unit = AgeSuffixUnit(suf);
    if (!q->unit.empty()) {
      q->unit_span = n.suffix;
      return true;
    }
    // "an 11-percentage-point lead", "a 900-square-foot house": a unit of
    // several words written with hyphens (the longest one that fits).
    if (suf.find('-') != std::string_view::npos && suf.size() <= 40) {
      std::string spaced;
      for (char c : suf) spaced.push_back(c == '-' ? ' ' : Lower(c));
      for (size_t end = spaced.size(); end != std::string::npos && end > 0;
           end = spaced.rfind(' ', end - 1)) {
        std::string_view cand = std::string_view(spaced).substr(0, end);
        if (cand.find(' ') == std::string_view::npos) break;
        std::span<const uint32_t> ids = Index().units_full.Find(cand);
        if (!ids.empty()) {
          q->unit = kUnits[ids.front()].norm;
          q->percent = q->unit == "percent";
          q->unit_span = {n.suffix.begin,
                          n.suffix.begin + static_cast<uint32_t>(end)};
          return true;
        }
      }
    }
  }
  for (uint32_t id : Index().currency_full.Find(low_suf)) {
    const auto& c = kCurrencyWords[id];
    if (c.surface.find(' ') == std::string_view::npos) {
      q->unit = c.norm;
      q->currency = true;
      q->unit_span = n.suffix;
      return true;
    }
  }
  for (uint32_t id : Index().units_full.Find(low_suf)) {
    const auto& u = kUnits[id];
    if (u.surface.find(' ') == std::string_view::npos) {
      q->unit = u.norm;
      q->unit_span = n.suffix;
      return true;
    }
  }
  static constexpr UnitWord kGlued[] = {
      {"g", "g"},     {"l", "l"},         {"t", "metric ton"}, {"in", "inch"},
      {"kw", "kW"},   {"gw", "gigawatt"}, {"mb", "megabyte"},  {"ml", "ml"},
      {"mi", "mile"}, {"hz", "hertz"},
  };
  if (!n.suffix_hyphen) {
    for (const auto& g : kGlued) {
      // Case matters for one letter: "5g" is grams, "5G" a generation.
      if (IEq(low_suf, g.surface) && !(suf.size() == 1 && suf[0] >= 'A' &&
                                       suf[0] <= 'Z' && g.surface == "g")) {
        q->unit = g.norm;
        q->unit_span = n.suffix;
        return true;
      }
    }
    return false;  // "737MAX", "5G": an identifier
  }
  // A hyphenated noun: "a 12-member panel", "a two-year operation".
  std::string_view head = suf.substr(0, suf.find('-'));
  if (!AllLowerAlpha(head) || IsStopWord(head) || head.size() < 2) {
    return false;
  }
  if (IEq(suf, "plus")) {
    // "a 60-plus age group", "5,000-plus words": a lower bound.
    q->approx_symbol = ">";
    q->approx_span = n.suffix;
    return true;
  }
  if (IEq(head, "strong")) {
    // "a 60,000-strong guard": a head count, no unit of its own.
    q->unit_span = n.suffix;
    return true;
  }
  q->noun_unit = true;
  q->noun.assign(head);
  q->unit_span = {n.suffix.begin,
                  n.suffix.begin + static_cast<uint32_t>(head.size())};
  return true;
}

}  // namespace whosaid::claims
