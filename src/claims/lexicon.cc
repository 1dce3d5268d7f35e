#include "src/claims/lexicon.h"

namespace whosaid::claims {
namespace {

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
    {"crores", 1e7},    {"dozen", 12},     {"dozens", 12},   {"bn", 1e9},
    {"bln", 1e9},       {"mn", 1e6},       {"mln", 1e6},     {"tn", 1e12},
    {"trn", 1e12},      {"k", 1e3},
};
constexpr size_t kWordScales = 11;  // the first entries are words

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

constexpr Named kChangeWords[] = {
    {"rose", 1},     {"rise", 1},       {"rising", 1},    {"increased", 1},
    {"grew", 1},     {"climbed", 1},    {"jumped", 1},    {"gained", 1},
    {"soared", 1},   {"surged", 1},     {"up", 1},        {"fell", -1},
    {"falling", -1}, {"decreased", -1}, {"declined", -1}, {"dropped", -1},
    {"slipped", -1}, {"plunged", -1},   {"tumbled", -1},  {"down", -1},
    {"sank", -1},    {"slumped", -1},
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

}  // namespace

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

const Named* FindNamed(std::span<const Named> table, std::string_view w) {
  for (const auto& e : table) {
    if (IEq(w, e.word)) return &e;
  }
  return nullptr;
}

bool InList(std::span<const std::string_view> list, std::string_view w) {
  for (auto e : list) {
    if (IEq(w, e)) return true;
  }
  return false;
}

const Named* FindSmallNumber(std::string_view w) {
  return FindNamed(kSmallNumbers, w);
}

const Named* FindScale(std::string_view w, bool words_only) {
  std::span<const Named> t(kScales);
  return FindNamed(words_only ? t.first(kWordScales) : t, w);
}

bool IsWordScale(const Named* scale) {
  return scale >= kScales && scale < kScales + kWordScales;
}

const Named* FindScaleSuffix(std::string_view w) {
  return FindNamed(kScaleSuffixes, w);
}

const Named* FindFraction(std::string_view w) {
  return FindNamed(kFractions, w);
}

const Named* FindChangeWord(std::string_view w) {
  return FindNamed(kChangeWords, w);
}

bool IsNumberWord(std::string_view w) {
  size_t dash = w.find('-');
  std::string_view head = w.substr(0, dash);
  return FindSmallNumber(head) != nullptr;
}

bool IsOrdinalWord(std::string_view w) {
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

bool IsMonth(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return InList(kMonths, w);
}

bool IsTimeZone(std::string_view w) { return InList(kTimeZones, w); }
bool IsFunctionWord(std::string_view w) { return InList(kFunctionWords, w); }
bool IsStopWord(std::string_view w) { return InList(kStopWords, w); }
bool IsDeterminer(std::string_view w) { return InList(kDeterminers, w); }
bool IsPeriodWord(std::string_view w) { return InList(kPeriods, w); }

std::span<const Modifier> ModifierPhrases() { return kModifiers; }

}  // namespace whosaid::claims
