// Metadata lines of a scraped article head: date lines ("28 Dec, 2017 04:44",
// "Updated 5:25 p.m. ET", "2016-09-12"), bylines ("By Jane Doe | Reuters")
// and the key used to compare a line with a headline. Pure functions; safe
// from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_METADATA_H_
#define WHOSAID_SRC_CLEAN_METADATA_H_

#include <string>
#include <string_view>

#include "src/clean/line_text.h"

namespace whosaid {
namespace clean_internal {

enum class DateLine : unsigned char {
  kNo,         // not a line of date words only
  kDate,       // a date: *iso is set ("2017-12-28T04:44", "2016-09", ...)
  kTimeStamp,  // "Updated 5:25 p.m. ET": date words only, no year or month
};

// Parses a line made only of date/time words (month and weekday names, day,
// year, time, am/pm, time zones, "Published", "Updated", "on", "at", "|").
// Day-first and month-first orders are both read; numeric dates only as ISO
// (2017-12-28 or 2017/12/28), never the ambiguous 12/11/2017.
DateLine ParseDateLine(const LineText& line, std::string* iso);

// Parses a byline: "By Jane Doe", "By Jane Doe and John Smith | Reuters",
// "By Pam Martens: April 4, 2016". Names must be capitalised words (with
// initials and particles such as "de", "van", "and"). Sets *author, and
// *iso when the byline carries a date. `raw` is the trimmed line.
bool ParseByline(std::string_view raw, std::string* author, std::string* iso);

// The comparison key of a headline-like line: LineText's normalised text
// without trailing punctuation. Empty when the line is too long.
void HeadlineKey(std::string_view raw, LineText* scratch, std::string* key);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_METADATA_H_
