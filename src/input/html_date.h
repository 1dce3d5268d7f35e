// DateInText: the first calendar date written out in a short piece of page
// text, such as a byline ("By Ana Ruiz | November 18th, 2019 at 9:02 am",
// "18 NOV 2019", "Posted 2019-11-18 15:24").
//
// Pure function on the caller's string: no I/O, no globals; any thread may
// call it at once.
#ifndef WHOSAID_SRC_INPUT_HTML_DATE_H_
#define WHOSAID_SRC_INPUT_HTML_DATE_H_

#include <string>
#include <string_view>

namespace whosaid {

// "YYYY-MM-DD" of the first date in `text` written as "Month D, YYYY",
// "Mon. D YYYY", "D Month YYYY" (English month names or their three-letter
// forms, any case, ordinals allowed, a weekday before is fine) or
// "YYYY-MM-DD"; "" when there is none. Numeric "D/M/Y" forms are not read
// (day and month order differ by country). Years 1990..2100 only.
std::string DateInText(std::string_view text);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_DATE_H_
