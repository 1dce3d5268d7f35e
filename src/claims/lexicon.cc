#include "src/claims/lexicon.h"

#include <array>
#include <cstdint>

#include "src/base/calendar_words.h"
#include "src/claims/word_index.h"

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

// Entry a * 26 + b describes the small numbers opening with letters a, b:
// bit c (0..25) is set when one has c as its third letter, bit 32 + L when
// one has L letters. 5 KB, so it stays in cache.
constexpr std::array<uint64_t, 26 * 26> BuildSmallNumberShapes() {
  std::array<uint64_t, 26 * 26> bits{};
  for (const Named& e : kSmallNumbers) {
    uint64_t& b = bits[(e.word[0] - 'a') * 26 + (e.word[1] - 'a')];
    b |= uint64_t{1} << (e.word[2] - 'a');
    b |= uint64_t{1} << (32 + e.word.size());
  }
  return bits;
}
constexpr std::array<uint64_t, 26 * 26> kSmallNumberShapes =
    BuildSmallNumberShapes();

// Scale words that may follow a number (as separate tokens).
constexpr Named kScales[] = {
    {"hundred", 1e2},   {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"lakh", 1e5},     {"lakhs", 1e5},   {"crore", 1e7},
    {"crores", 1e7},    {"dozen", 12},     {"dozens", 12},   {"bn", 1e9},
    {"bln", 1e9},       {"mn", 1e6},       {"mln", 1e6},     {"tn", 1e12},
    {"trn", 1e12},      {"k", 1e3},        {"tln", 1e12},    {"trln", 1e12},
    {"mil", 1e6},
};
constexpr size_t kWordScales = 11;  // the first entries are words

// Glued suffixes that scale ("5bn", "10k", "1.2b"); "m" is handled apart.
constexpr Named kScaleSuffixes[] = {
    {"k", 1e3},  {"bn", 1e9},   {"b", 1e9},   {"bln", 1e9},
    {"mn", 1e6}, {"mln", 1e6},  {"tn", 1e12}, {"trn", 1e12},
    {"m", 1e6},  {"tln", 1e12}, {"mil", 1e6},
};

// Unicode vulgar fractions, as UTF-8.
constexpr Named kVulgarFractions[] = {
    {"\u00BD", 1.0 / 2}, {"\u2153", 1.0 / 3}, {"\u2154", 2.0 / 3},
    {"\u00BC", 1.0 / 4}, {"\u00BE", 3.0 / 4}, {"\u2155", 1.0 / 5},
    {"\u2156", 2.0 / 5}, {"\u2157", 3.0 / 5}, {"\u2158", 4.0 / 5},
    {"\u2159", 1.0 / 6}, {"\u215A", 5.0 / 6}, {"\u2150", 1.0 / 7},
    {"\u215B", 1.0 / 8}, {"\u215C", 3.0 / 8}, {"\u215D", 5.0 / 8},
    {"\u215E", 7.0 / 8}, {"\u2151", 1.0 / 9}, {"\u2152", 1.0 / 10},
};

constexpr Named kFractions[] = {
    {"half", 2},         {"halves", 2},   {"third", 3},   {"thirds", 3},
    {"quarter", 4},      {"quarters", 4}, {"fourths", 4}, {"fifth", 5},
    {"fifths", 5},       {"sixth", 6},    {"sixths", 6},  {"eighth", 8},
    {"eighths", 8},      {"tenth", 10},   {"tenths", 10}, {"hundredth", 100},
    {"hundredths", 100}, {"sevenths", 7},
};

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
    {"plus or minus", "~"},
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

// Hash indexes of the tables above, built once on first use (thread-safe
// static initialisation) and read-only afterwards.
struct LexiconIndex {
  WordIndex small, scales, suffixes, fractions, changes;
  WordIndex zones, function_words, stop_words, determiners, periods;
  WordIndex modifier_last, modifier_full;
};

template <size_t N>
WordIndex IndexNamed(const Named (&table)[N]) {
  WordIndex index;
  for (size_t i = 0; i < N; ++i) index.Add(table[i].word, i);
  index.Finish();
  return index;
}

LexiconIndex BuildIndex() {
  LexiconIndex x;
  x.small = IndexNamed(kSmallNumbers);
  x.scales = IndexNamed(kScales);
  x.suffixes = IndexNamed(kScaleSuffixes);
  x.fractions = IndexNamed(kFractions);
  x.changes = IndexNamed(kChangeWords);
  x.zones = IndexWords(kTimeZones);
  x.function_words = IndexWords(kFunctionWords);
  x.stop_words = IndexWords(kStopWords);
  x.determiners = IndexWords(kDeterminers);
  x.periods = IndexWords(kPeriods);
  for (size_t i = 0; i < std::size(kModifiers); ++i) {
    std::string_view sf = kModifiers[i].surface;
    size_t sp = sf.rfind(' ');
    x.modifier_last.Add(sp == std::string_view::npos ? sf : sf.substr(sp + 1),
                        i);
    x.modifier_full.Add(sf, i);
  }
  x.modifier_last.Finish();
  x.modifier_full.Finish();
  return x;
}

const LexiconIndex& Index() {
  static const LexiconIndex index = BuildIndex();
  return index;
}

template <size_t N>
const Named* First(const WordIndex& index, const Named (&table)[N],
                   std::string_view w) {
  std::span<const uint32_t> ids = index.Find(w);
  return ids.empty() ? nullptr : &table[ids.front()];
}

}  // namespace

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

std::span<const Named> SmallNumberTable() { return kSmallNumbers; }

const Named* FindSmallNumber(std::string_view w) {
  // Every entry has 3..9 letters.
  if (w.size() < 3 || w.size() > 9) return nullptr;
  return First(Index().small, kSmallNumbers, w);
}

const Named* FindScale(std::string_view w, bool words_only) {
  if (w.empty() || w.size() > 8) return nullptr;  // longest: "thousand"
  // Keys are unique, so the first match in the word prefix of the table is
  // the first match in the whole table, if it lies in that prefix.
  const Named* e = First(Index().scales, kScales, w);
  if (e && words_only && !IsWordScale(e)) return nullptr;
  return e;
}

bool IsWordScale(const Named* scale) {
  return scale >= kScales && scale < kScales + kWordScales;
}

const Named* FindScaleSuffix(std::string_view w) {
  if (w.empty() || w.size() > 3) return nullptr;
  return First(Index().suffixes, kScaleSuffixes, w);
}

double VulgarFraction(std::string_view w) {
  // Every entry is 2 or 3 UTF-8 bytes opening with 0xC2 or 0xE2.
  if (w.size() < 2 || w.size() > 3) return 0;
  for (const Named& e : kVulgarFractions) {
    if (e.word == w) return e.value;
  }
  return 0;
}

const Named* FindFraction(std::string_view w) {
  if (w.size() < 4 || w.size() > 10) return nullptr;
  return First(Index().fractions, kFractions, w);
}

const Named* FindChangeWord(std::string_view w) {
  if (w.size() < 2 || w.size() > 9) return nullptr;
  return First(Index().changes, kChangeWords, w);
}

bool IsNumberWord(std::string_view w) {
  // The head before the first hyphen must have the length and the first
  // three letters of some small number (3..9 letters); most words ("the",
  // "for", "this") fail here without hashing.
  size_t n = 0;
  while (n < w.size() && n < 10 && w[n] != '-') ++n;
  if (n < 3 || n > 9) return false;
  unsigned a = static_cast<unsigned char>(Lower(w[0])) - 'a';
  unsigned b = static_cast<unsigned char>(Lower(w[1])) - 'a';
  unsigned c = static_cast<unsigned char>(Lower(w[2])) - 'a';
  if (a >= 26 || b >= 26 || c >= 26) return false;
  uint64_t shape = kSmallNumberShapes[a * 26 + b];
  if (!((shape >> c) & 1u) || !((shape >> (32 + n)) & 1u)) return false;
  return FindSmallNumber(w.substr(0, n)) != nullptr;
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
  return MonthOfWord(w) != 0;
}

bool IsTimeZone(std::string_view w) {
  if (w.size() < 2 || w.size() > 7) return false;
  return Index().zones.Contains(w);
}
bool IsFunctionWord(std::string_view w) {
  if (w.empty() || w.size() > 13) return false;
  return Index().function_words.Contains(w);
}
bool IsStopWord(std::string_view w) {
  if (w.empty() || w.size() > 7) return false;
  return Index().stop_words.Contains(w);
}
bool IsDeterminer(std::string_view w) {
  if (w.empty() || w.size() > 5) return false;
  return Index().determiners.Contains(w);
}
bool IsPeriodWord(std::string_view w) {
  if (w.size() < 3 || w.size() > 6) return false;
  return Index().periods.Contains(w);
}

std::span<const Modifier> ModifierPhrases() { return kModifiers; }

std::span<const uint32_t> ModifiersEndingWith(std::string_view last_word) {
  return Index().modifier_last.Find(last_word);
}

bool IsModifierSurface(std::string_view w) {
  return Index().modifier_full.Contains(w);
}

}  // namespace whosaid::claims
