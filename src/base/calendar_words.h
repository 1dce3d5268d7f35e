// Names of months and weekdays, for the stages that must tell a date word
// from a name or a count: cleaning (date lines), HTML dates, numeric claims,
// speaker spans and speaker names. One table, so that every stage agrees on
// what a month or a weekday is. Pure functions; safe from any thread.
#ifndef WHOSAID_SRC_BASE_CALENDAR_WORDS_H_
#define WHOSAID_SRC_BASE_CALENDAR_WORDS_H_

#include <span>
#include <string_view>

namespace whosaid {

// The full month names, January first, and the weekday names, Monday
// first, in lower case.
std::span<const std::string_view, 12> MonthNames();
std::span<const std::string_view, 7> WeekdayNames();

// Month 1..12 of a month word, ASCII case-insensitive: the full name
// ("November"), its three-letter abbreviation ("nov", "May") or "sept";
// 0 for anything else. A trailing period is not accepted: callers that
// allow "Dec." strip it themselves.
int MonthOfWord(std::string_view w);

// True for a month's full name ("march"), ASCII case-insensitive.
bool IsFullMonthName(std::string_view w);

// Weekday 1..7 (Monday = 1) of a weekday's full name ("Tuesday"), ASCII
// case-insensitive; 0 otherwise.
int WeekdayOfName(std::string_view w);

// The same for a full name or a common abbreviation ("mon", "tues",
// "thurs"); no trailing period.
int WeekdayOfWord(std::string_view w);

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_CALENDAR_WORDS_H_
