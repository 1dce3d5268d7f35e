// HTML character references: named ("&eacute;", the Latin-1 block and the
// common others), decimal and hexadecimal ("&#8217;", "&#x41;"), with the
// HTML spec's Windows-1252 meanings of &#128;..&#159;. Pure functions; safe
// from any thread.
#ifndef WHOSAID_SRC_INPUT_HTML_ENTITIES_H_
#define WHOSAID_SRC_INPUT_HTML_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace whosaid {

// Decodes the character reference starting at s[i] == '&'. On success
// appends the UTF-8 to *out, sets *consumed to the bytes read and returns
// true; returns false when s[i..] is not a reference (keep the '&').
bool DecodeHtmlEntity(std::string_view s, size_t i, std::string* out,
                      size_t* consumed);

// Entity-decodes and whitespace-collapses `s` (an attribute value or
// <title> text) into a trimmed string.
std::string DecodeHtmlText(std::string_view s);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_ENTITIES_H_
