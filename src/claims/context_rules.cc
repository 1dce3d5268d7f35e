#include "src/claims/context_rules.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "src/base/calendar_words.h"
#include "src/claims/lexicon.h"

namespace whosaid::claims {
namespace {

// How far either side of a number its identifier run is read: markers
// further away are not seen (keeps the test linear on long runs).
constexpr uint32_t kWebRunReach = 200;

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Words a noun's participle is followed by: prepositions, conjunctions,
// times and places ("killed in", "wounded and", "reported last week").
constexpr std::string_view kAfterParticiple[] = {
    "abroad",    "across",     "after",     "against",    "along",
    "amid",      "among",      "and",       "around",     "as",
    "at",        "because",    "before",    "behind",     "between",
    "but",       "by",         "despite",   "during",     "earlier",
    "each",      "every",      "following", "for",        "from",
    "here",      "in",         "including", "inside",     "into",
    "last",      "nationwide", "near",      "nor",        "of",
    "on",        "onto",       "or",        "outside",    "over",
    "overnight", "per",        "since",     "so",         "statewide",
    "there",     "this",       "through",   "throughout", "to",
    "today",     "toward",     "towards",   "under",      "until",
    "upon",      "via",        "when",      "where",      "while",
    "with",      "within",     "without",   "worldwide",  "yesterday"};

// Participles that name ("one veteran named Lee", "a town called Ur"):
// never the main verb right after a counted noun.
constexpr std::string_view kNamingEd[] = {"called",   "dubbed",  "labeled",
                                          "labelled", "named",   "nicknamed",
                                          "titled",   "entitled"};

// Auxiliaries and modals: after "the four officers involved were ...",
// the "-ed" word is the noun's participle and the clause verb follows.
constexpr std::string_view kAuxiliaries[] = {
    "am",    "are",    "be",  "been", "can",  "could", "did",   "do",
    "does",  "had",    "has", "have", "is",   "may",   "might", "must",
    "shall", "should", "was", "were", "will", "would"};

}  // namespace

bool MainVerbAfterNoun(const TokenWindow& win, uint32_t k) {
  if (InList(kNamingEd, win.T(k))) return false;
  uint32_t n = k + 1;
  if (n >= win.se) return false;
  const Token& t = win.Tk(n);
  if (t.kind == TokenKind::kNumber) return true;  // "raised 50 ..."
  if (t.kind != TokenKind::kWord) return false;   // punctuation, quotes
  std::string_view w = win.T(n);
  if (t.capitalized) {
    // "cases confirmed Friday"; "polls showed Mr. Lee ahead".
    return MonthOfWord(w) == 0 && WeekdayOfWord(w) == 0;
  }
  // "seats elected citywide", "emails ordered destroyed": a place word or
  // a second participle goes with the first.
  if (w.ends_with("wide") || (w.size() > 4 && w.ends_with("ed"))) {
    return false;
  }
  return !InList(kAfterParticiple, w) && !InList(kAuxiliaries, w);
}

bool InWebIdentifier(const TokenWindow& win, uint32_t begin, uint32_t end) {
  std::string_view text = win.doc->text;
  if (begin >= end || end > text.size()) return false;
  uint32_t lo = begin;
  uint32_t lo_stop = begin > kWebRunReach ? begin - kWebRunReach : 0;
  while (lo > lo_stop && !IsSpaceByte(text[lo - 1])) --lo;
  uint32_t hi = end;
  uint32_t hi_stop = static_cast<uint32_t>(
      std::min<size_t>(text.size(), size_t{end} + kWebRunReach));
  while (hi < hi_stop && !IsSpaceByte(text[hi])) ++hi;
  std::string_view run = text.substr(lo, hi - lo);
  if (run.find("://") != std::string_view::npos ||
      run.find("www.") != std::string_view::npos ||
      run.find_first_of("=_@") != std::string_view::npos) {
    return true;
  }
  // "1/ THREAD: ...": a counter glued to a slash that ends the run, at the
  // sentence start (not "$11/$12", "2/3", "185km/h").
  bool at_start = win.sb < win.se && win.Tk(win.sb).span.begin == begin;
  return at_start && lo == begin && hi == end + 1 && text[end] == '/';
}

bool PlusOrMinusBefore(const TokenWindow& win, uint32_t k) {
  return k >= win.sb + 2 && win.Is(k, "minus") && win.Is(k - 1, "or") &&
         win.Is(k - 2, "plus");
}

bool ComparedAgeText(std::string_view text, uint32_t begin, uint32_t end) {
  if (begin > end || end > text.size()) return false;
  std::string_view before = text.substr(0, begin);
  for (std::string_view w : {"younger than ", "older than "}) {
    if (before.size() >= w.size() &&
        IEq(before.substr(before.size() - w.size()), w)) {
      return true;
    }
  }
  std::string_view after = text.substr(end, 16);
  for (std::string_view w :
       {" and older", " or older", " and younger", " or younger", " and over",
        " or over", " and up", " and under", " or under"}) {
    if (after.size() >= w.size() && IEq(after.substr(0, w.size()), w)) {
      return true;
    }
  }
  return false;
}

bool ClauseAgeText(std::string_view text, uint32_t begin) {
  if (begin > text.size()) return false;
  std::string_view before = text.substr(0, begin);
  bool verb = false;
  for (std::string_view w : {" was ", " is ", " were ", " turned "}) {
    verb = verb || before.ends_with(w);
  }
  if (!verb) return false;
  // "when" or "since" opens the clause a few words before, with no comma
  // or other clause mark between ("when Ortiz was 9", "since she was 18").
  size_t from = before.size() > 48 ? before.size() - 48 : 0;
  std::string_view near = before.substr(from);
  size_t open = std::string_view::npos;
  for (std::string_view w : {"when ", "When ", "since ", "Since "}) {
    size_t at = near.rfind(w);
    if (at != std::string_view::npos && (at == 0 || near[at - 1] == ' ') &&
        (open == std::string_view::npos || at > open)) {
      open = at;
    }
  }
  if (open == std::string_view::npos) return false;
  std::string_view clause = near.substr(open);
  return clause.find_first_of(",;:()\"") == std::string_view::npos &&
         std::count(clause.begin(), clause.end(), ' ') <= 5;
}

bool ComparedAge(const TokenWindow& win, uint32_t i, uint32_t t) {
  // "younger than 25", "older than 64".
  if (i >= win.sb + 2 && win.Is(i - 1, "than") &&
      (win.Is(i - 2, "younger") || win.Is(i - 2, "older"))) {
    return true;
  }
  // "65 and older", "45 or younger": the age words themselves.
  if (t + 1 < win.se && (win.Is(t, "and") || win.Is(t, "or")) &&
      (win.Is(t + 1, "older") || win.Is(t + 1, "younger"))) {
    return true;
  }
  // "those 65 and over", "people 18 and up": "over", "under" and "up" say
  // age only after a word for people ("groups of 25 or under" is a size).
  if (t + 1 < win.se && i > win.sb && (win.Is(t, "and") || win.Is(t, "or")) &&
      (win.Is(t + 1, "over") || win.Is(t + 1, "up") ||
       win.Is(t + 1, "under"))) {
    static constexpr std::string_view kPeople[] = {
        "those", "people", "adults", "voters", "workers",  "women",
        "men",   "ages",   "aged",   "anyone", "residents"};
    for (std::string_view p : kPeople) {
      if (win.Is(i - 1, p)) return true;
    }
  }
  return false;
}

bool LeadingZeroCode(std::string_view num) {
  if (num.size() < 2 || num[0] != '0') return false;
  bool nonzero = false;
  for (char c : num) {
    if (!IsAsciiDigit(c)) return false;
    nonzero = nonzero || c != '0';
  }
  // "0000" still reads as zero.
  return nonzero;
}

bool TitleTimeUnit(const TokenWindow& win, uint32_t b, uint32_t nt) {
  static constexpr std::string_view kUnits[] = {
      "seconds", "minutes", "hours", "days", "weeks", "months", "years"};
  if (b <= win.sb || nt >= win.se || !win.IsWord(nt) ||
      !win.Tk(nt).capitalized || win.Tk(nt).all_caps) {
    return false;
  }
  std::string_view u = win.T(nt);
  bool unit = false;
  for (std::string_view k : kUnits) unit = unit || IEq(u, k);
  if (!unit) return false;
  std::string_view p = win.T(b - 1);
  if (p == "\u201c" || p == "\"" || p == "\u2018") return true;
  return win.IsWord(b - 1) && !win.Tk(b - 1).capitalized;
}

bool CapitalisedFractionInName(const TokenWindow& win, uint32_t b,
                               uint32_t nt) {
  if (b <= win.sb || nt != b + 2 || !win.Is(b, "a") || win.Tk(b).capitalized) {
    return false;
  }
  const Token& f = win.Tk(b + 1);
  if (f.kind != TokenKind::kWord || !f.capitalized || f.all_caps) {
    return false;
  }
  return FindFraction(win.T(b + 1)) != nullptr && nt < win.se &&
         win.IsWord(nt) && win.Tk(nt).capitalized;
}

bool YearBeforeTo(const TokenWindow& win, uint32_t i, double value,
                  bool plain_int, int int_digits) {
  if (!plain_int || int_digits != 4 || value < 1600 || value > 2100 ||
      i <= win.sb || !(win.Is(i - 1, "in") || win.Is(i - 1, "fiscal"))) {
    return false;
  }
  std::string_view y = win.T(i);
  if (y.find(',') != std::string_view::npos || !win.Is(i + 1, "to")) {
    return false;
  }
  // The second number carries a currency, a scale or a percent sign.
  uint32_t k = i + 2;
  if (win.IsCurrencySymbol(k)) return true;
  if (k >= win.se || win.Tk(k).kind != TokenKind::kNumber) return false;
  std::string_view n2 = win.T(k);
  return win.IsScaleWordTok(k + 1) || win.Is(k + 1, "%") ||
         win.Is(k + 1, "percent") || FindScaleSuffix(n2) != nullptr;
}

bool VerbAfterPluralNoun(std::string_view prev, std::string_view w) {
  static constexpr std::string_view kIrregular[] = {"people", "children", "men",
                                                    "women"};
  // Plurals that modify nouns ("the sales tax", "an arms deal", "human
  // rights groups"), and adverbs in "-s" ("of voters always vote").
  static constexpr std::string_view kNotAHead[] = {
      "sales",   "arms",     "sports",    "savings",    "news",
      "series",  "species",  "earnings",  "means",      "goods",
      "lens",    "ties",     "relations", "appeals",    "weapons",
      "rights",  "affairs",  "services",  "always",     "sometimes",
      "perhaps", "nowadays", "besides",   "afterwards", "towards"};
  if (w.empty() || w.ends_with("s") || !AllLowerAlpha(w) || prev.empty()) {
    return false;
  }
  // A hyphenated word is read by its last part ("fake-news", "e-mails").
  if (size_t h = prev.rfind('-'); h != std::string_view::npos) {
    prev = prev.substr(h + 1);
  }
  if (InList(kNotAHead, prev)) return false;
  if (InList(kIrregular, prev)) return true;
  if (AllLowerAlpha(prev)) {
    return prev.size() >= 4 && prev.ends_with("s") && !prev.ends_with("ss") &&
           !prev.ends_with("us") && !prev.ends_with("is") &&
           !prev.ends_with("ics");
  }
  // A capitalised plural: "Americans", "Democrats", "Hispanics" (not a
  // name in "-as", "-es", "-is", "-os", "-us", "-ss": "Texas", "Paris").
  if (prev.size() < 5 || !IsAsciiAlpha(prev[0]) || prev[0] < 'A' ||
      prev[0] > 'Z' || !prev.ends_with("s")) {
    return false;
  }
  for (char c : prev.substr(1)) {
    if (c < 'a' || c > 'z') return false;
  }
  for (std::string_view e : {"as", "es", "is", "os", "us", "ss"}) {
    if (prev.ends_with(e)) return false;
  }
  return true;
}

}  // namespace whosaid::claims
