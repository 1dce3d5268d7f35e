#include "src/base/calendar_words.h"

#include <cstddef>

namespace whosaid {
namespace {

constexpr std::string_view kMonths[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::string_view kWeekdays[7] = {"monday",   "tuesday", "wednesday",
                                           "thursday", "friday",  "saturday",
                                           "sunday"};

// Abbreviations beyond the first three letters of the name.
struct Abbreviation {
  std::string_view word;
  int number;
};
constexpr Abbreviation kLongWeekdayAbbreviations[] = {
    {"tues", 2}, {"thur", 4}, {"thurs", 4}};

// w lower-cased into buf (ASCII only); false when w is longer than buf.
template <size_t N>
bool LowerInto(std::string_view w, char (&buf)[N], std::string_view* out) {
  if (w.size() > N) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  *out = std::string_view(buf, w.size());
  return true;
}

}  // namespace

std::span<const std::string_view, 12> MonthNames() { return kMonths; }
std::span<const std::string_view, 7> WeekdayNames() { return kWeekdays; }

int MonthOfWord(std::string_view w) {
  char buf[9];
  std::string_view l;
  if (w.size() < 3 || !LowerInto(w, buf, &l)) return 0;
  for (int m = 0; m < 12; ++m) {
    if (l == kMonths[m] || l == kMonths[m].substr(0, 3)) return m + 1;
  }
  return l == "sept" ? 9 : 0;
}

bool IsFullMonthName(std::string_view w) {
  char buf[9];
  std::string_view l;
  if (w.size() < 3 || !LowerInto(w, buf, &l)) return false;
  for (std::string_view m : kMonths) {
    if (l == m) return true;
  }
  return false;
}

int WeekdayOfName(std::string_view w) {
  char buf[9];
  std::string_view l;
  if (w.size() < 6 || !LowerInto(w, buf, &l)) return 0;
  for (int d = 0; d < 7; ++d) {
    if (l == kWeekdays[d]) return d + 1;
  }
  return 0;
}

int WeekdayOfWord(std::string_view w) {
  char buf[9];
  std::string_view l;
  if (w.size() < 3 || !LowerInto(w, buf, &l)) return 0;
  for (int d = 0; d < 7; ++d) {
    if (l == kWeekdays[d] || l == kWeekdays[d].substr(0, 3)) return d + 1;
  }
  for (const Abbreviation& a : kLongWeekdayAbbreviations) {
    if (l == a.word) return a.number;
  }
  return 0;
}

}  // namespace whosaid
