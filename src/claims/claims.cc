#include "src/claims/claims.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/base/chars.h"

namespace whosaid {
namespace {

// ------------------------------------------------------------ small helpers

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ASCII case-insensitive equality; `lower` must be lowercase.
bool IEq(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool AllLowerAlpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(c >= 'a' && c <= 'z') && c != '-') return false;
  }
  return s.front() != '-' && s.back() != '-';
}

struct Named {
  std::string_view word;
  double value;
};

template <size_t N>
const Named* FindNamed(const Named (&table)[N], std::string_view w) {
  for (const auto& e : table) {
    if (IEq(w, e.word)) return &e;
  }
  return nullptr;
}

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  for (auto e : list) {
    if (IEq(w, e)) return true;
  }
  return false;
}

constexpr Named kSmallNumbers[] = {
    {"zero", 0},      {"nought", 0},    {"naught", 0},   {"one", 1},
    {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
    {"six", 6},       {"seven", 7},     {"eight", 8},    {"nine", 9},
    {"ten", 10},      {"eleven", 11},   {"twelve", 12},  {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
    {"forty", 40},    {"fifty", 50},    {"sixty", 60},   {"seventy", 70},
    {"eighty", 80},   {"ninety", 90},
};

// Scale words that may follow a number (as separate tokens).
constexpr Named kScales[] = {
    {"hundred", 1e2},   {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"lakh", 1e5},     {"lakhs", 1e5},   {"crore", 1e7},
    {"crores", 1e7},    {"dozen", 12},     {"bn", 1e9},      {"bln", 1e9},
    {"mn", 1e6},        {"mln", 1e6},      {"tn", 1e12},     {"trn", 1e12},
    {"k", 1e3},
};
constexpr size_t kWordScales = 10;  // the first entries are words

// Glued suffixes that scale ("5bn", "10k", "1.2b"); "m" is handled apart.
constexpr Named kScaleSuffixes[] = {
    {"k", 1e3},   {"bn", 1e9},  {"b", 1e9},    {"bln", 1e9}, {"mn", 1e6},
    {"mln", 1e6}, {"tn", 1e12}, {"trn", 1e12}, {"m", 1e6},
};

constexpr Named kFractions[] = {
    {"half", 2},         {"halves", 2},   {"third", 3},   {"thirds", 3},
    {"quarter", 4},      {"quarters", 4}, {"fourths", 4}, {"fifth", 5},
    {"fifths", 5},       {"sixth", 6},    {"sixths", 6},  {"eighth", 8},
    {"eighths", 8},      {"tenth", 10},   {"tenths", 10}, {"hundredth", 100},
    {"hundredths", 100}, {"sevenths", 7},
};

constexpr std::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};

bool IsMonth(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return InList(kMonths, w);
}

constexpr std::string_view kTimeZones[] = {
    "a.m.", "p.m.", "a.m", "p.m", "am",  "pm",  "gmt", "utc",
    "et",   "est",  "edt", "pt",  "pst", "pdt", "cet", "o'clock"};

// Words that, capitalised before a number, do not make it part of a name.
constexpr std::string_view kFunctionWords[] = {
    "the",    "a",       "an",        "and",
    "or",     "but",     "of",        "in",
    "on",     "at",      "by",        "for",
    "to",     "from",    "with",      "about",
    "around", "nearly",  "almost",    "some",
    "over",   "under",   "only",      "just",
    "all",    "another", "roughly",   "approximately",
    "more",   "less",    "fewer",     "up",
    "down",   "since",   "until",     "after",
    "before", "during",  "these",     "those",
    "this",   "that",    "their",     "its",
    "his",    "her",     "our",       "my",
    "your",   "another", "estimated", "than",
    "least",  "most",    "between",   "among",
    "are",    "were",    "is",        "was",
    "have",   "had",     "as",        "another"};

// Words that stop a noun unit / counted phrase.
constexpr std::string_view kStopWords[] = {
    "the",    "a",     "an",     "and",    "or",    "but",   "of",     "in",
    "on",     "at",    "by",     "for",    "to",    "from",  "with",   "as",
    "than",   "that",  "which",  "who",    "whom",  "whose", "this",   "these",
    "those",  "it",    "its",    "they",   "them",  "their", "he",     "him",
    "his",    "she",   "her",    "we",     "us",    "our",   "you",    "your",
    "i",      "me",    "my",     "is",     "are",   "was",   "were",   "be",
    "been",   "being", "has",    "have",   "had",   "will",  "would",  "could",
    "should", "may",   "might",  "can",    "must",  "do",    "does",   "did",
    "not",    "no",    "per",    "more",   "less",  "fewer", "about",  "over",
    "under",  "into",  "after",  "before", "since", "until", "during", "while",
    "when",   "where", "if",     "so",     "also",  "each",  "every",  "then",
    "there",  "here",  "all",    "up",     "down",  "out",   "off",    "said",
    "says",   "ago",   "percent"};

constexpr std::string_view kDeterminers[] = {"the",   "a",     "an",   "its",
                                             "their", "his",   "her",  "our",
                                             "this",  "these", "those"};

constexpr std::string_view kPeriods[] = {
    "day",  "week",  "month",  "year",   "hour",  "minute", "second",
    "game", "share", "person", "capita", "night", "season"};

// ------------------------------------------------------------ unit lexicon

struct UnitEntry {
  std::string_view surface;  // lowercase tokens separated by single spaces
  std::string_view norm;     // what we emit (canonicalises in the scorer)
};

// Longer entries first where they share a prefix.
constexpr UnitEntry kUnits[] = {
    {"% of", "percent"},  // never matched: placeholder kept for ordering
    {"%", "percent"},
    {"percentage points", "percentage point"},
    {"percentage point", "percentage point"},
    {"percent", "percent"},
    {"per cent", "percent"},
    {"pct", "percent"},
    {"basis points", "basis point"},
    {"basis point", "basis point"},
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

struct Currency {
  std::string_view surface;
  std::string_view norm;
};

// Currency marks and codes written before the number ("$", "US$", "EUR").
constexpr Currency kCurrencyPrefixes[] = {
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
constexpr Currency kCurrencyWords[] = {
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

constexpr Named kChangeWords[] = {
    {"rose", 1},     {"rise", 1},       {"rising", 1},    {"increased", 1},
    {"grew", 1},     {"climbed", 1},    {"jumped", 1},    {"gained", 1},
    {"soared", 1},   {"surged", 1},     {"up", 1},        {"fell", -1},
    {"falling", -1}, {"decreased", -1}, {"declined", -1}, {"dropped", -1},
    {"slipped", -1}, {"plunged", -1},   {"tumbled", -1},  {"down", -1},
    {"sank", -1},    {"slumped", -1},
};

struct Modifier {
  std::string_view surface;  // lowercase tokens separated by spaces
  std::string_view symbol;   // "~", ">", "<"
};

constexpr Modifier kModifiers[] = {
    {"no more than", "<"},
    {"no less than", ">"},
    {"not more than", "<"},
    {"in excess of", ">"},
    {"as many as", "<"},
    {"as much as", "<"},
    {"more than", ">"},
    {"greater than", ">"},
    {"higher than", ">"},
    {"less than", "<"},
    {"fewer than", "<"},
    {"lower than", "<"},
    {"at least", ">"},
    {"at most", "<"},
    {"up to", "<"},
    {"close to", "~"},
    {"upwards of", ">"},
    {"an estimated", "~"},
    {"just over", ">"},
    {"just under", "<"},
    {"well over", ">"},
    {"well under", "<"},
    {"just above", ">"},
    {"just below", "<"},
    {"about", "~"},
    {"around", "~"},
    {"roughly", "~"},
    {"approximately", "~"},
    {"approx.", "~"},
    {"nearly", "~"},
    {"almost", "~"},
    {"some", "~"},
    {"estimated", "~"},
    {"circa", "~"},
    {"over", ">"},
    {"under", "<"},
    {"above", ">"},
    {"below", "<"},
    {"exceeding", ">"},
    {"exceed", ">"},
    {"~", "~"},
    {">", ">"},
    {"<", "<"},
    {"≈", "~"},
};

// ------------------------------------------------------------ the scanner

struct Number {
  bool ok = false;
  double value = 0;
  bool is_range = false;
  double high = 0;
  uint32_t tok_begin = 0;
  uint32_t tok_end = 0;   // exclusive
  uint32_t byte_end = 0;  // end of the number proper
  Span suffix;            // glued or hyphen suffix ("mm", "year-old")
  bool suffix_hyphen = false;
  bool scaled = false;
  double scale = 1;  // product of the scale words applied
  bool from_words = false;
  bool plain_int = false;  // digits only
  int int_digits = 0;
  bool reject = false;  // ordinal, time, decade, id...
  bool too_long = false;
  bool only_one = false;  // the bare word "one"
};

struct Quantity {
  uint32_t tok_begin = 0;  // first token of the expression (with modifier)
  uint32_t num_begin = 0;  // first token of the number (with currency)
  uint32_t tok_end = 0;
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  bool is_range = false;
  double value = 0, low = 0, high = 0;
  std::string_view unit;  // normalised
  Span unit_span;
  bool noun_unit = false;
  std::string noun;  // noun unit text (with " per period")
  bool currency = false;
  bool percent = false;
  std::string_view approx_symbol;
  Span approx_span;
  std::string_view change;
  Span counted;
  Number first;
};

class Scanner {
 public:
  Scanner(const ClaimsOptions& options, Document* doc)
      : opt_(options), doc_(*doc), text_(doc->text) {}

  void Run() {
    for (const Sentence& s : doc_.sentences) {
      sb_ = s.token_begin;
      se_ = std::min<uint32_t>(s.token_end, doc_.tokens.size());
      uint32_t i = sb_;
      while (i < se_) {
        if (!Trigger(i)) {
          ++i;
          continue;
        }
        Quantity q;
        uint32_t next = i + 1;
        if (Parse(i, &q, &next)) Emit(q);
        i = std::max(next, i + 1);
      }
    }
    if (too_long_ > 0) {
      doc_.warnings.push_back("claims: " + std::to_string(too_long_) +
                              " number(s) too long or out of range, skipped");
    }
    if (dropped_ > 0) {
      doc_.warnings.push_back("claims: " + std::to_string(dropped_) +
                              " claim(s) over max_claims dropped");
    }
    AssignSources();
  }

 private:
  // ---------------------------------------------------------- token access
  std::string_view T(uint32_t i) const {
    return i < se_ ? doc_.TokenText(i) : std::string_view();
  }
  const Token& Tk(uint32_t i) const { return doc_.tokens[i]; }
  bool Is(uint32_t i, std::string_view lower) const {
    return i < se_ && i >= sb_ && IEq(T(i), lower);
  }
  bool IsWord(uint32_t i) const {
    return i < se_ && Tk(i).kind == TokenKind::kWord;
  }
  bool IsDashTok(uint32_t i) const {
    if (i >= se_ || Tk(i).kind != TokenKind::kPunct) return false;
    std::string_view t = T(i);
    return t == "-" || t == "\u2013" || t == "\u2014" || t == "--";
  }

  // Matches a space-separated lowercase phrase at token i; returns the
  // number of tokens matched or 0.
  uint32_t Match(uint32_t i, std::string_view phrase) const {
    uint32_t n = 0;
    while (!phrase.empty()) {
      size_t sp = phrase.find(' ');
      std::string_view w = phrase.substr(0, sp);
      if (!Is(i + n, w)) return 0;
      ++n;
      if (sp == std::string_view::npos) break;
      phrase.remove_prefix(sp + 1);
    }
    return n;
  }
  // Matches a phrase that ends just before token `end`; returns its length.
  uint32_t MatchBefore(uint32_t end, std::string_view phrase) const {
    uint32_t words = 1;
    for (char c : phrase) words += c == ' ';
    if (end < sb_ + words) return 0;
    return Match(end - words, phrase) == words ? words : 0;
  }

  bool IsNumberWord(std::string_view w) const {
    size_t dash = w.find('-');
    std::string_view head = w.substr(0, dash);
    return FindNamed(kSmallNumbers, head) != nullptr;
  }

  bool IsScaleWordTok(uint32_t i) const {
    if (i >= se_) return false;
    for (size_t k = 0; k < kWordScales; ++k) {
      if (IEq(T(i), kScales[k].word)) return true;
    }
    return false;
  }

  bool IsCurrencySymbol(uint32_t i) const {
    if (i >= se_ || Tk(i).kind != TokenKind::kSymbol) return false;
    std::string_view t = T(i);
    return t == "$" || t == "\u20ac" || t == "\u00a3" || t == "\u00a5" ||
           t == "\u20b9" || t == "\u20bf";
  }

  // Cheap test run on every token: digits, currency marks, number words.
  bool Trigger(uint32_t i) const {
    const Token& t = Tk(i);
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind == TokenKind::kSymbol) return IsCurrencySymbol(i);
    if (t.kind != TokenKind::kWord) return false;
    std::string_view w = T(i);
    if (w.size() > 20 || w.empty()) return false;
    char c = Lower(w[0]);
    switch (c) {
      case 'a':
        return (w.size() <= 2) && (IEq(w, "a") || IEq(w, "an")) &&
               (IsScaleWordTok(i + 1) || FractionAt(i + 1, true));
      case 'h':
        return IEq(w, "half") && Is(i + 1, "a") && IsScaleWordTok(i + 2);
      case 'm':
      case 'n':
        if (IEq(w, "minus") || IEq(w, "negative")) {
          return i + 1 < se_ && (Tk(i + 1).kind == TokenKind::kNumber ||
                                 IsNumberWord(T(i + 1)));
        }
        return IsNumberWord(w);
      case 'u':
      case 'e':
      case 'g':
      case 'j':
      case 'r':
      case 'c':
        // Currency codes before the number ("USD 20", "US$ 5").
        if (w.size() <= 4 &&
            (IsCurrencySymbol(i + 1) ||
             (i + 1 < se_ && Tk(i + 1).kind == TokenKind::kNumber))) {
          for (const auto& cp : kCurrencyPrefixes) {
            if (cp.surface.size() > 1 && Match(i, cp.surface)) return true;
          }
        }
        return IsNumberWord(w);
      default:
        return IsNumberWord(w);
    }
  }

  static bool IsOrdinalWord(std::string_view w) {
    static constexpr std::string_view kOrd[] = {
        "first",     "second",     "third",     "fourth",     "fifth",
        "sixth",     "seventh",    "eighth",    "ninth",      "tenth",
        "eleventh",  "twelfth",    "hundredth", "thousandth", "millionth",
        "billionth", "trillionth", "firsts",    "thirds",     "fifths"};
    if (InList(kOrd, w)) return true;
    if (w.ends_with("s")) w.remove_suffix(1);
    if (w.size() < 5 || !w.ends_with("th")) return false;
    static constexpr std::string_view kStems[] = {
        "four",    "fif",       "six",      "seven",    "eigh",     "nin",
        "ten",     "eleven",    "twelf",    "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twentie",  "thirtie",
        "fortie",  "fiftie",    "sixtie",   "seventie", "eightie",  "ninetie",
        "hundred", "thousand",  "million",  "billion",  "trillion"};
    for (auto st : kStems) {
      if (w.size() == st.size() + 2 && IEq(w.substr(0, st.size()), st)) {
        return true;
      }
    }
    return false;
  }

  bool FractionAt(uint32_t i, bool singular_ok) const {
    if (i >= se_) return false;
    const Named* f = FindNamed(kFractions, T(i));
    if (!f) return false;
    std::string_view w = T(i);
    bool plural = w.back() == 's' || w.back() == 'S';
    return plural || singular_ok;
  }

  // ---------------------------------------------------------- numbers

  // Parses the digits of `s` (one token's text, possibly with a sign) into
  // *v; returns the number of bytes consumed, 0 on failure.
  size_t ParseDigits(std::string_view s, double* v, Number* n) {
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
      if ((c == ',' || c == '.') && p + 1 < s.size() &&
          IsAsciiDigit(s[p + 1]) && p > start) {
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
    if (commas == 0 && periods <= 1) {
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
  bool ParseDigitToken(uint32_t i, Number* n) {
    std::string_view s = T(i);
    uint32_t base = Tk(i).span.begin;
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
      if (IEq(suf, "st") || IEq(suf, "nd") || IEq(suf, "rd") ||
          IEq(suf, "th") || IEq(suf, "s") || IEq(suf, "am") || IEq(suf, "pm") ||
          IEq(suf, "a.m") || IEq(suf, "p.m")) {
        n->reject = true;  // ordinal, decade, time of day
        return true;
      }
      n->suffix = {suffix_begin, base + static_cast<uint32_t>(s.size())};
      return true;
    }
    n->reject = true;  // something else glued on
    return true;
  }

  // A number written in words, starting at token i. Handles hyphenated
  // tokens ("twenty-eight", "two-thirds", "two-year").
  bool ParseWordNumber(uint32_t i, Number* n) {
    struct Piece {
      std::string_view s;
      uint32_t tok;
      uint32_t begin;
    };
    std::array<Piece, 16> pieces;
    size_t np = 0;
    for (uint32_t t = i; t < se_ && np < pieces.size(); ++t) {
      if (Tk(t).kind != TokenKind::kWord) break;
      std::string_view w = T(t);
      uint32_t b = Tk(t).span.begin;
      size_t off = 0;
      while (np < pieces.size()) {
        size_t d = w.find('-', off);
        std::string_view part =
            w.substr(off, d == std::string_view::npos ? std::string_view::npos
                                                      : d - off);
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
      const Named* sc = FindNamed(kScales, pieces[k + 1].s);
      if (sc && sc - kScales < static_cast<long>(kWordScales) &&
          sc->value >= 1000) {
        total = (IEq(pieces[k].s, "half") ? 0.5 : 0.25) * sc->value;
        any = true;
        k += 2;
        last = kScale;
      }
    }
    if (!any && !article && k + 2 < np && IEq(pieces[k].s, "half") &&
        IEq(pieces[k + 1].s, "a")) {
      const Named* sc = FindNamed(kScales, pieces[k + 2].s);
      if (sc && sc->value >= 12) {
        total = 0.5 * sc->value;
        any = true;
        k += 3;
        last = kScale;
      }
    }
    size_t consumed = k;
    double frac_value = -1;
    while (k < np && last != kFrac) {
      std::string_view w = pieces[k].s;
      if (const Named* e = FindNamed(kSmallNumbers, w)) {
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
      const Named* sc = FindNamed(kScales, w);
      if (sc && sc - kScales < static_cast<long>(kWordScales)) {
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
        }
        any = true;
        article = false;
        consumed = ++k;
        continue;
      }
      if (const Named* f = FindNamed(kFractions, w)) {
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
          const Named* sc2 = FindNamed(kScales, pieces[s2].s);
          if (sc2 && sc2 - kScales < static_cast<long>(kWordScales) &&
              sc2->value >= 1000) {
            total *= sc2->value;
            consumed = k = s2 + 1;
          }
        }
        break;
      }
      if (IEq(w, "and") && any && k + 1 < np) {
        // "one hundred and six", "one and a half"
        // "and a half", "and a quarter", "and two thirds"
        const Named* fr =
            k + 2 < np ? FindNamed(kFractions, pieces[k + 2].s) : nullptr;
        const Named* numr =
            k + 1 < np ? FindNamed(kSmallNumbers, pieces[k + 1].s) : nullptr;
        bool fr_ok =
            fr && (IEq(pieces[k + 1].s, "a") || IEq(pieces[k + 1].s, "one") ||
                   (numr && numr->value > 1 && numr->value < 10 &&
                    (pieces[k + 2].s.back() == 's')));
        if (fr_ok) {
          double num = numr ? numr->value : 1;
          cur += num / fr->value;
          consumed = k += 3;
          last = kFrac;
          // A scale may still follow: "five and a half million".
          if (k < np) {
            const Named* sc2 = FindNamed(kScales, pieces[k].s);
            if (sc2 && sc2 - kScales < static_cast<long>(kWordScales) &&
                sc2->value >= 1000) {
              total += cur * sc2->value;
              cur = 0;
              consumed = ++k;
            }
          }
          break;
        }
        if ((last == kHundred || last == kScale) &&
            FindNamed(kSmallNumbers, pieces[k + 1].s)) {
          ++k;
          continue;
        }
        break;
      }
      break;
    }
    if (!any || consumed == 0) return false;
    if (consumed < np && last != kFrac && IsOrdinalWord(pieces[consumed].s)) {
      n->reject = true;  // "twenty-first", "one hundred twenty fifth"
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
      n->suffix = {pieces[consumed].begin, Tk(end_piece.tok).span.end};
      n->suffix_hyphen = true;
    }
    n->only_one = consumed == 1 && IEq(pieces[0].s, "one");
    return true;
  }

  // Any number at token i, followed by scale words ("3.5 million").
  bool ParseNumber(uint32_t i, Number* n) {
    if (i >= se_) return false;
    bool ok = false;
    if (Tk(i).kind == TokenKind::kNumber) {
      ok = ParseDigitToken(i, n);
    } else if (Tk(i).kind == TokenKind::kWord) {
      ok = ParseWordNumber(i, n);
    }
    if (n->too_long) ++too_long_;
    if (!ok) return false;
    n->ok = true;
    if (!n->suffix.empty()) {
      std::string_view suf = doc_.Text(n->suffix);
      if (!n->suffix_hyphen) {
        if (const Named* sc = FindNamed(kScaleSuffixes, suf)) {
          // "5m" is million with money, metres otherwise (decided later).
          if (!IEq(suf, "m")) {
            Scale(n, sc->value);
            n->byte_end = n->suffix.end;
            n->suffix = {};
          }
        }
      }
      return true;
    }
    // Mixed fraction: "10 1/2".
    if (!n->from_words && n->plain_int && !n->is_range && n->tok_end < se_ &&
        Tk(n->tok_end).kind == TokenKind::kNumber) {
      std::string_view f = T(n->tok_end);
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
        if (digits && b > a && a > 0 &&
            (b == 2 || b == 4 || b == 3 || b == 8)) {
          n->value += static_cast<double>(a) / b;
          n->plain_int = false;
          n->byte_end = Tk(n->tok_end).span.end;
          ++n->tok_end;
        }
      }
    }
    // Scale words after digits: "3.5 million", "322 hundred", "10 k".
    uint32_t t = n->tok_end;
    while (t < se_ && t < n->tok_end + 3) {
      const Named* sc = FindNamed(kScales, T(t));
      if (!sc) break;
      if (n->from_words && sc - kScales < static_cast<long>(kWordScales)) {
        break;  // the word grammar took its scales already
      }
      if (IEq(T(t), "k") && !Tk(t).space_before) {
        // fine
      }
      Scale(n, sc->value);
      n->byte_end = Tk(t).span.end;
      ++t;
      if (t < se_ && Tk(t - 1).kind == TokenKind::kWord &&
          T(t - 1).find('-') != std::string_view::npos) {
        break;
      }
    }
    n->tok_end = t;
    // "million-dollar": a hyphenated scale word token.
    return true;
  }

  static void Scale(Number* n, double f) {
    n->value *= f;
    n->high *= f;
    n->scaled = true;
    n->scale *= f;
    n->plain_int = false;
  }

  // Currency marks before the number. Returns tokens matched.
  uint32_t CurrencyPrefix(uint32_t i, std::string_view* norm) const {
    for (const auto& c : kCurrencyPrefixes) {
      uint32_t m = Match(i, c.surface);
      if (m == 0) {
        // "US$" written as one token pair "US" "$" is covered; "C$" too.
        continue;
      }
      // Codes need a number right after.
      if (i + m < se_ && (Tk(i + m).kind == TokenKind::kNumber ||
                          (c.surface.size() <= 3 && IsCurrencySymbol(i) &&
                           IsWord(i + m) && IsNumberWord(T(i + m))))) {
        *norm = c.norm;
        return m;
      }
    }
    return 0;
  }

  // Unit right after a number at token t (and a glued suffix). Sets q's
  // unit fields; returns the token after the unit.
  uint32_t LexiconUnit(uint32_t t, Quantity* q) const {
    // Currency words ("10 euros", "5 US dollars").
    for (const auto& c : kCurrencyWords) {
      if (uint32_t m = Match(t, c.surface)) {
        if (c.surface == "won" && !q->first.scaled) continue;
        q->unit = c.norm;
        q->currency = true;
        q->unit_span = {Tk(t).span.begin, Tk(t + m - 1).span.end};
        return t + m;
      }
    }
    if (Match(t, "pounds") || Match(t, "pound")) {
      // Money when scaled or followed by "sterling"; mass otherwise.
      bool money = q->first.scaled || Is(t + 1, "sterling");
      uint32_t m = Is(t + 1, "sterling") ? 2 : 1;
      q->unit = money ? "GBP" : "lb";
      q->currency = money;
      q->unit_span = {Tk(t).span.begin, Tk(t + m - 1).span.end};
      return t + m;
    }
    // Ages: "five years old", "3 years of age".
    for (std::string_view p :
         {"years old", "year old", "years of age", "months old", "month old",
          "weeks old", "days old", "day old"}) {
      if (uint32_t m = Match(t, p)) {
        q->unit = p[0] == 'y'   ? "year of age"
                  : p[0] == 'm' ? "month of age"
                  : p[0] == 'w' ? "week of age"
                                : "day of age";
        q->unit_span = {Tk(t).span.begin, Tk(t + m - 1).span.end};
        return t + m;
      }
    }
    for (const auto& u : kUnits) {
      if (u.surface == "% of") continue;
      if (uint32_t m = Match(t, u.surface)) {
        // "in", "m", "g" as separate words are too ambiguous; the table
        // holds only unambiguous words.
        q->unit = u.norm;
        q->percent = u.norm == "percent";
        q->unit_span = {Tk(t).span.begin, Tk(t + m - 1).span.end};
        return t + m;
      }
    }
    if (Is(t, "m") && !q->currency && Tk(t).space_before) {
      q->unit = "m";
      q->unit_span = Tk(t).span;
      return t + 1;
    }
    return t;
  }

  // Units glued to the digits ("300mm", "115.5USD") or hyphenated
  // ("12-cent", "two-year", "five-year-old", "45-acre").
  bool SuffixUnit(const Number& n, Quantity* q) const {
    std::string_view suf = doc_.Text(n.suffix);
    std::string_view low_suf = suf;
    if (IEq(suf, "m") && !n.suffix_hyphen) {
      uint32_t after = n.tok_end;
      bool money_after = false;
      for (const auto& c : kCurrencyWords) {
        if (after < se_ && IEq(T(after), c.surface)) money_after = true;
      }
      if (q->currency || money_after) {
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
      if (IEq(suf, "year-old") || IEq(suf, "years-old")) {
        q->unit = "year of age";
      } else if (IEq(suf, "month-old") || IEq(suf, "months-old")) {
        q->unit = "month of age";
      } else if (IEq(suf, "week-old")) {
        q->unit = "week of age";
      } else if (IEq(suf, "day-old")) {
        q->unit = "day of age";
      }
      if (!q->unit.empty()) {
        q->unit_span = n.suffix;
        return true;
      }
    }
    for (const auto& c : kCurrencyWords) {
      if (c.surface.find(' ') == std::string_view::npos &&
          IEq(low_suf, c.surface)) {
        q->unit = c.norm;
        q->currency = true;
        q->unit_span = n.suffix;
        return true;
      }
    }
    for (const auto& u : kUnits) {
      if (u.surface.find(' ') == std::string_view::npos &&
          IEq(low_suf, u.surface)) {
        q->unit = u.norm;
        q->unit_span = n.suffix;
        return true;
      }
    }
    static constexpr Currency kGlued[] = {
        {"g", "g"},     {"l", "l"},         {"t", "metric ton"}, {"in", "inch"},
        {"kw", "kW"},   {"gw", "gigawatt"}, {"mb", "megabyte"},  {"ml", "ml"},
        {"mi", "mile"}, {"hz", "hertz"},
    };
    if (!n.suffix_hyphen) {
      for (const auto& g : kGlued) {
        if (IEq(low_suf, g.surface)) {
          q->unit = g.norm;
          q->unit_span = n.suffix;
          return true;
        }
      }
      return false;  // "737MAX", "5G": an identifier
    }
    // A hyphenated noun: "a 12-member panel", "a two-year operation".
    std::string_view head = suf.substr(0, suf.find('-'));
    if (!AllLowerAlpha(head) || InList(kStopWords, head) || head.size() < 2) {
      return false;
    }
    q->noun_unit = true;
    q->noun.assign(head);
    q->unit_span = {n.suffix.begin,
                    n.suffix.begin + static_cast<uint32_t>(head.size())};
    return true;
  }

  static bool LooksPlural(std::string_view w) {
    if (w.size() < 3) return false;
    if (IEq(w, "people") || IEq(w, "children") || IEq(w, "men") ||
        IEq(w, "women") || IEq(w, "police") || IEq(w, "personnel") ||
        IEq(w, "troops") || IEq(w, "staff") || IEq(w, "cattle")) {
      return true;
    }
    char e = Lower(w.back());
    if (e != 's') return false;
    char p = Lower(w[w.size() - 2]);
    return p != 's' && p != 'u' && p != 'i';  // not "process", "bus", "this"
  }

  // Noun unit: the head of the lowercase noun run after the number.
  // Returns the token after the head (and its period phrase).
  uint32_t NounUnit(uint32_t t, Quantity* q) const {
    uint32_t head = UINT32_MAX;
    uint32_t k = t;
    for (; k < se_ && k < t + 3; ++k) {
      if (!IsWord(k)) break;
      std::string_view w = T(k);
      if (!AllLowerAlpha(w) || InList(kStopWords, w)) break;
      if (FindNamed(kSmallNumbers, w) || FindNamed(kScales, w)) break;
      if (LooksPlural(w) ||
          (q->value == 1 && !q->is_range && k == t &&
           !(w.size() > 4 && w.ends_with("ed")) && !w.ends_with("ly"))) {
        head = k;
        if (LooksPlural(w)) break;
      }
      if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"))) break;
    }
    if (head == UINT32_MAX) return t;
    q->noun_unit = true;
    q->noun.clear();
    for (char c : T(head)) q->noun.push_back(Lower(c));
    q->unit_span = Tk(head).span;
    uint32_t after = head + 1;
    // Rates: "sorties a day", "raids every day", "$5 per share".
    if (uint32_t m = PeriodAt(after)) {
      q->noun += " per ";
      std::string_view p = T(after + m - 1);
      for (char c : p) q->noun.push_back(Lower(c));
      after += m;
    }
    return after;
  }

  uint32_t PeriodAt(uint32_t t) const {
    if (!(Is(t, "a") || Is(t, "an") || Is(t, "per") || Is(t, "every") ||
          Is(t, "each"))) {
      return 0;
    }
    if (t + 1 < se_ && InList(kPeriods, T(t + 1))) return 2;
    return 0;
  }

  // The counted phrase: from `t` (first word after the number or the unit)
  // through nouns, a participle, a rate and an of-phrase.
  Span Counted(uint32_t from, uint32_t t, const Quantity& q) const {
    uint32_t limit = std::min<uint32_t>(se_, from + opt_.max_counted_tokens);
    uint32_t end = from;
    uint32_t k = t;
    // A participle right after a noun unit ("terrorists killed").
    if (q.noun_unit && IsWord(k) && k < limit) {
      std::string_view w = T(k);
      if (AllLowerAlpha(w) && w.size() > 4 && w.ends_with("ed") &&
          !InList(kStopWords, w)) {
        end = ++k;
      }
    }
    if (uint32_t m = PeriodAt(k); m && k + m <= limit) {
      k += m;
      end = k;
    }
    if (Is(k, "of") && k + 1 < limit) {
      uint32_t j = k + 1;
      uint32_t last = 0;
      bool det_ok = true;
      while (j < limit && (IsWord(j) || Tk(j).kind == TokenKind::kNumber)) {
        std::string_view w = T(j);
        if (Tk(j).kind == TokenKind::kNumber) {
          ++j;
          continue;
        }
        if (det_ok && InList(kDeterminers, w)) {
          ++j;
          continue;
        }
        det_ok = false;
        if (Tk(j).capitalized) {
          last = ++j;
          continue;
        }
        if (!AllLowerAlpha(w) || InList(kStopWords, w)) break;
        if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing")) &&
            last != 0) {
          break;
        }
        last = ++j;
      }
      if (last > k + 1) end = last;
    }
    if (end <= from) return {};
    return {Tk(from).span.begin, Tk(end - 1).span.end};
  }

  // ---------------------------------------------------------- a quantity
  bool Parse(uint32_t i, Quantity* q, uint32_t* next) {
    uint32_t j = i;
    std::string_view cur_norm;
    uint32_t pre = CurrencyPrefix(j, &cur_norm);
    if (pre == 0 && Tk(i).kind != TokenKind::kNumber &&
        Tk(i).kind != TokenKind::kWord) {
      return false;
    }
    bool neg = false;
    if (pre == 0 && (Is(j, "minus") || Is(j, "negative")) && j + 1 < se_ &&
        (Tk(j + 1).kind == TokenKind::kNumber || IsNumberWord(T(j + 1)))) {
      neg = true;
      ++j;
    }
    j += pre;
    Number n1;
    if (!ParseNumber(j, &n1)) return false;
    *next = n1.tok_end;
    if (n1.reject) return false;
    q->first = n1;
    q->num_begin = i;
    q->tok_begin = i;
    q->tok_end = n1.tok_end;
    q->byte_begin = Tk(i).span.begin;
    q->byte_end = n1.byte_end;
    q->value = neg ? -n1.value : n1.value;
    q->is_range = n1.is_range;
    q->low = n1.value;
    q->high = n1.high;
    if (pre) {
      q->unit = cur_norm;
      q->currency = true;
      q->unit_span = {Tk(i).span.begin, Tk(i + pre - 1).span.end};
    }
    // Unit of the first number.
    uint32_t t = n1.tok_end;
    if (q->currency && n1.suffix.empty() && !n1.scaled &&
        (Is(t, "m") || Is(t, "m."))) {
      q->value *= 1e6;  // "€40 m"
      q->low = q->value;
      q->first.scaled = true;
      q->first.scale = 1e6;
      q->byte_end = Tk(t).span.end;
      q->tok_end = ++t;
      n1.tok_end = t;
    }
    if (!n1.suffix.empty()) {
      if (!SuffixUnit(n1, q)) return false;
      q->byte_end = std::max(
          q->byte_end, q->unit_span.empty() ? n1.suffix.end : q->unit_span.end);
    } else if (!q->currency) {
      t = LexiconUnit(t, q);
    } else {
      // "$5 m", "$10 bn" handled by scales; "$ 3 million dollars" rare.
    }
    if (t > n1.tok_end && !q->unit_span.empty()) {
      q->byte_end = std::max(q->byte_end, q->unit_span.end);
    }
    // Range: "8 to 10", "60 - 70", "$3 to $5 billion", "between X and Y".
    bool between = MatchBefore(i, "between") > 0;
    bool from = MatchBefore(i, "from") > 0;
    bool after_change = false;
    for (uint32_t k = i; k > sb_ && k + 3 > i; --k) {
      if (FindNamed(kChangeWords, T(k - 1))) after_change = true;
    }
    if (!q->is_range && !q->noun_unit && t < se_ &&
        (IsDashTok(t) || (Is(t, "to") && !after_change) || Is(t, "through") ||
         (between && Is(t, "and")))) {
      uint32_t k = t + 1;
      std::string_view cur2;
      uint32_t pre2 = CurrencyPrefix(k, &cur2);
      Number n2;
      if (ParseNumber(k + pre2, &n2) && !n2.reject && !n2.is_range &&
          n2.tok_end > k + pre2) {
        Quantity q2;
        q2.first = n2;
        q2.value = n2.value;
        q2.currency = pre2 > 0 || q->currency;
        if (pre2) q2.unit = cur2;
        bool ok = true;
        uint32_t t2 = n2.tok_end;
        if (!n2.suffix.empty()) {
          ok = SuffixUnit(n2, &q2);
        } else if (!pre2) {
          t2 = LexiconUnit(t2, &q2);
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
          q->byte_end = std::max(n2.byte_end,
                                 q2.unit_span.empty() ? 0u : q2.unit_span.end);
          q->first.scaled = q->first.scaled || n2.scaled;
          t = t2;
          *next = t2;
          if (pre2 || !q2.unit.empty()) {
            // unit already taken
          }
        }
      }
    }
    if (q->is_range && !n1.is_range) {
      // value fields set above
    } else if (q->is_range) {
      q->low = q->value;
      q->high = n1.high * (neg ? -1 : 1);
    }
    // "5m" money after currency prefix is handled in SuffixUnit.
    // Noun unit when nothing else.
    uint32_t counted_from = t;
    if (q->unit.empty() && !q->noun_unit) {
      uint32_t after = NounUnit(t, q);
      if (q->noun_unit) {
        counted_from = t;
        t = after;
      }
    } else if (q->noun_unit) {
      // hyphen noun ("two-year operation"): counted = following nouns
      counted_from = t;
    } else if (!q->percent && !q->currency && !q->unit_span.empty()) {
      counted_from = t;
      // unit words count: "square kilometers of Syrian territory"
      for (uint32_t k = n1.tok_end; k < t; ++k) {
        if (Tk(k).span.begin == q->unit_span.begin) {
          counted_from = k;
          break;
        }
      }
    }
    if (q->noun_unit && !n1.suffix_hyphen) {
      // counted starts at the noun itself
      for (uint32_t k = counted_from; k < se_ && k < counted_from + 4; ++k) {
        if (Tk(k).span.begin == q->unit_span.begin) {
          counted_from = k;
          break;
        }
      }
    }
    if (q->noun_unit && n1.suffix_hyphen) {
      // "a two-year operation": what is counted is the following noun
      uint32_t k = n1.tok_end;
      uint32_t e = k;
      while (e < se_ && e < k + 2 && IsWord(e) && AllLowerAlpha(T(e)) &&
             !InList(kStopWords, T(e))) {
        ++e;
      }
      if (e > k) q->counted = {Tk(k).span.begin, Tk(e - 1).span.end};
    } else {
      uint32_t from_tok = counted_from;
      q->counted = Counted(from_tok, t, *q);
      if (q->noun_unit && q->counted.empty()) {
        q->counted = {Tk(from_tok).span.begin, Tk(t - 1).span.end};
      }
    }
    q->tok_end = std::max(q->tok_end, t);
    *next = std::max(*next, q->noun_unit ? n1.tok_end : t);
    // Modifiers and change words before the expression.
    Modifiers(q);
    if (Excluded(*q)) return false;
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
    if (MatchBefore(s, "between")) {
      --s;
      q->tok_begin = s;
      q->byte_begin = Tk(s).span.begin;
    } else if (MatchBefore(s, "from") && q->is_range) {
      --s;
      q->tok_begin = s;
      q->byte_begin = Tk(s).span.begin;
    }
    for (const auto& m : kModifiers) {
      if (uint32_t n = MatchBefore(s, m.surface)) {
        // "over" after a verb of motion is not a bound, but keep it simple.
        q->approx_symbol = m.symbol;
        q->approx_span = {Tk(s - n).span.begin, Tk(s - 1).span.end};
        q->tok_begin = s - n;
        q->byte_begin = Tk(s - n).span.begin;
        return;
      }
    }
    uint32_t v = s;
    if (MatchBefore(v, "by") || MatchBefore(v, "to")) --v;
    if (v > sb_) {
      if (const Named* c = FindNamed(kChangeWords, T(v - 1))) {
        if (c->value > 0 && Is(v - 1, "up") && Is(v, "to")) return;
        q->change = c->value > 0 ? "up" : "down";
        q->approx_span = {Tk(v - 1).span.begin, Tk(s - 1).span.end};
      }
    }
  }

  // ---------------------------------------------------------- exclusions
  bool Excluded(const Quantity& q) const {
    const Number& n = q.first;
    uint32_t b = q.num_begin;
    uint32_t prev = b > sb_ ? b - 1 : UINT32_MAX;
    uint32_t nt = n.tok_end;
    bool has_unit = !q.unit.empty() || q.noun_unit;
    bool lex_unit = !q.unit.empty();
    // Times: "5 p.m.", "10 GMT".
    if (nt < se_ && InList(kTimeZones, T(nt))) return true;
    // Dates: "December 11", "Dec. 11, 2017", "28 Dec".
    bool day_like = n.plain_int && n.value >= 1 && n.value <= 31;
    bool year_like =
        n.plain_int && n.int_digits == 4 && n.value >= 1600 && n.value <= 2100;
    // The splitter may end a sentence after "Sept." — look across it.
    uint32_t dprev = b > 0 ? b - 1 : UINT32_MAX;
    if (dprev != UINT32_MAX && doc_.tokens[dprev].capitalized &&
        IsMonth(doc_.TokenText(dprev)) && (day_like || year_like) &&
        !q.currency) {
      return true;
    }
    if (day_like && nt < se_ && Tk(nt).capitalized && IsMonth(T(nt))) {
      return true;
    }
    if (day_like && Is(nt, "of") && nt + 1 < se_ && Tk(nt + 1).capitalized &&
        IsMonth(T(nt + 1))) {
      return true;
    }
    // Years: 4-digit integers in date range, unless clearly a quantity.
    if (year_like && !q.currency && !lex_unit && !q.first.scaled) {
      bool keep = !q.approx_symbol.empty() && q.noun_unit;
      if (!keep) return true;
    }
    if (n.is_range && n.plain_int && n.int_digits == 4 && n.value >= 1600 &&
        n.value <= 2100 && !q.currency && !lex_unit) {
      return true;  // "2015-2017"
    }
    // Named numbers: "Section 427", "Boeing 737", "Big 12", "No. 1".
    if (prev != UINT32_MAX && !n.from_words && b == q.num_begin &&
        !q.currency) {
      const Token& p = Tk(prev);
      std::string_view pt = T(prev);
      if (pt == "#" || IEq(pt, "no.") || IEq(pt, "nos.") || IEq(pt, "no")) {
        if (pt != "no" || (Tk(prev).capitalized)) return true;
      }
      if ((p.kind == TokenKind::kWord || p.kind == TokenKind::kNumber) &&
          (p.capitalized || p.all_caps) && p.kind == TokenKind::kWord &&
          pt.find('\'') == std::string_view::npos &&
          pt.find("\u2019") == std::string_view::npos && !IEq(pt, "i") &&
          !InList(kFunctionWords, pt) && !IsMonth(pt) &&
          !FindNamed(kChangeWords, pt)) {
        bool modifier = false;
        for (const auto& m : kModifiers) {
          if (IEq(pt, m.surface)) modifier = true;
        }
        if (!modifier) return true;
      }
      // "the 49ers" are words already; "Apollo-11" is one word token.
    }
    // List numbering: "1." or "2)" opening a sentence; "(3)" alone.
    if (b == sb_ && !has_unit && nt < se_ && (T(nt) == "." || T(nt) == ")")) {
      return true;
    }
    if (prev != UINT32_MAX && T(prev) == "(" && Is(nt, ")") && !has_unit &&
        n.plain_int) {
      return true;
    }
    // The bare word "one": a pronoun in "the one who", "no one", "one
    // another"; a quantity in "one of the N" and "one soldier".
    if (n.only_one && q.unit.empty()) {
      if (prev != UINT32_MAX &&
          (Is(prev, "the") || Is(prev, "each") || Is(prev, "no") ||
           Is(prev, "any") || Is(prev, "every") || Is(prev, "this") ||
           Is(prev, "that") || Is(prev, "which") || Is(prev, "someone") ||
           Is(prev, "only") || Is(prev, "another") || Is(prev, "last") ||
           Is(prev, "big") || Is(prev, "new") || Is(prev, "right") ||
           Is(prev, "little"))) {
        return true;
      }
      if (nt >= se_ || !IsWord(nt)) return true;
      if (Is(nt, "another") || Is(nt, "who") || Is(nt, "that") ||
          Is(nt, "which") || Is(nt, "day") || Is(nt, "way") ||
          Is(nt, "thing") || Is(nt, "time") || Is(nt, "is") || Is(nt, "was") ||
          Is(nt, "can") || Is(nt, "could") || Is(nt, "would") ||
          Is(nt, "should") || Is(nt, "must") || Is(nt, "might") ||
          Is(nt, "will") || Is(nt, "does") || Is(nt, "has") || Is(nt, "and") ||
          Is(nt, "or") || Is(nt, "in") || Is(nt, "on") || Is(nt, "at") ||
          Is(nt, "to") || Is(nt, "for")) {
        return true;
      }
      if (!q.noun_unit && !Is(nt, "of")) return true;
    }
    return false;
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

  // ---------------------------------------------------------- sources
  std::string SourceNameFor(Span s) const {
    // Prefer entity mentions inside the span; after an appositive comma,
    // the name that follows ("the commander ..., Gen. X Y").
    std::string joined;
    uint32_t after_comma = s.begin;
    std::string_view text = doc_.Text(s);
    size_t comma = text.rfind(',');
    if (comma != std::string_view::npos) {
      after_comma = s.begin + static_cast<uint32_t>(comma);
    }
    for (int pass = 0; pass < 2 && joined.empty(); ++pass) {
      uint32_t from = pass == 0 ? after_comma : s.begin;
      for (const Entity& e : doc_.entities) {
        if (e.span.begin < from || e.span.end > s.end) continue;
        if (e.label != EntityLabel::kPerson && e.label != EntityLabel::kOrg) {
          continue;
        }
        std::string name;
        if (e.group >= 0 && static_cast<size_t>(e.group) < doc_.groups.size() &&
            !doc_.groups[e.group].canonical.empty()) {
          name = doc_.groups[e.group].canonical;
        } else {
          name.assign(doc_.Text(e.span));
        }
        if (!joined.empty()) joined += " and ";
        joined += name;
      }
    }
    if (!joined.empty()) return joined;
    return std::string(text);
  }

  // "according to X": the NP after it, to the clause end; an appositive
  // name after a comma is kept; "statements by X" gives X.
  Span AccordingTo(const Sentence& s) const {
    uint32_t sb = s.token_begin;
    uint32_t se = std::min<uint32_t>(s.token_end, doc_.tokens.size());
    for (uint32_t k = sb; k + 2 < se; ++k) {
      if (!IEq(doc_.TokenText(k), "according") ||
          !IEq(doc_.TokenText(k + 1), "to")) {
        continue;
      }
      uint32_t b = k + 2;
      uint32_t e = b;
      uint32_t limit = std::min<uint32_t>(se, b + opt_.max_source_tokens);
      while (e < limit) {
        const Token& t = doc_.tokens[e];
        std::string_view w = doc_.TokenText(e);
        if (t.kind == TokenKind::kQuote) break;
        if (t.kind == TokenKind::kPunct) {
          if (w == ",") {
            if (e + 1 < se && doc_.tokens[e + 1].capitalized &&
                doc_.tokens[e + 1].kind == TokenKind::kWord) {
              ++e;
              continue;
            }
            break;
          }
          if (w == "-") {
            ++e;
            continue;
          }
          break;
        }
        if (t.kind == TokenKind::kWord && !t.capitalized &&
            (IEq(w, "that") || IEq(w, "which") || IEq(w, "who") ||
             IEq(w, "said") || IEq(w, "says"))) {
          break;
        }
        ++e;
      }
      if (e <= b) continue;
      // Holder of a statement: after the last "by".
      for (uint32_t j = e; j > b; --j) {
        if (IEq(doc_.TokenText(j - 1), "by") && j < e) {
          b = j;
          break;
        }
      }
      if (b < e && (IEq(doc_.TokenText(b), "both") ||
                    IEq(doc_.TokenText(b), "either"))) {
        ++b;
      }
      if (b >= e) continue;
      return {doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end};
    }
    return {};
  }

  void AssignSources() {
    if (doc_.claims.empty()) return;
    size_t si = 0;
    Span acc;
    size_t acc_sentence = SIZE_MAX;
    for (Claim& c : doc_.claims) {
      // Quote content (or one of its parts) holding the claim.
      for (size_t qi = 0; qi < doc_.quotes.size(); ++qi) {
        const Attribution& a = doc_.quotes[qi];
        bool inside =
            c.span.begin >= a.content.begin && c.span.end <= a.content.end;
        if (inside && !a.parts.empty()) {
          inside = false;
          for (const Span& p : a.parts) {
            if (c.span.begin >= p.begin && c.span.end <= p.end) inside = true;
          }
        }
        if (!inside) continue;
        c.attribution = static_cast<int32_t>(qi);
        c.source = a.speaker;
        if (!a.speaker_name.empty()) {
          c.source_name = a.speaker_name;
        } else if (!a.speaker.empty()) {
          c.source_name.assign(doc_.Text(a.speaker));
        }
        break;
      }
      if (c.attribution >= 0) continue;
      while (si < doc_.sentences.size() &&
             doc_.sentences[si].span.end <= c.span.begin) {
        ++si;
      }
      if (si >= doc_.sentences.size()) continue;
      if (acc_sentence != si) {
        acc = AccordingTo(doc_.sentences[si]);
        acc_sentence = si;
      }
      if (!acc.empty() &&
          (c.span.end <= acc.begin || c.span.begin >= acc.end)) {
        c.source = acc;
        c.source_name = SourceNameFor(acc);
      }
    }
  }

  const ClaimsOptions& opt_;
  Document& doc_;
  std::string_view text_;
  uint32_t sb_ = 0, se_ = 0;
  size_t too_long_ = 0;
  size_t dropped_ = 0;
};

}  // namespace

void ExtractClaims(const ClaimsOptions& options, Document* doc) {
  doc->claims.clear();
  if (doc->tokens.empty()) return;
  Scanner(options, doc).Run();
}

void ExtractClaims(Document* doc) { ExtractClaims(ClaimsOptions(), doc); }

}  // namespace whosaid
