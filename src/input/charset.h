// Charset detection and decoding of web pages to UTF-8.
//
// Order of evidence (as browsers do): a byte-order mark; the charset of the
// transport (HTTP Content-Type, e.g. from a WARC record); a <meta charset> or
// <meta http-equiv="Content-Type"> in the first bytes of the page; else
// UTF-8 when the bytes are valid UTF-8, else windows-1252. Labels are
// normalised the WHATWG way (latin1, iso-8859-1 and ascii mean windows-1252).
// UTF-8 and windows-1252 are decoded here; other charsets through glibc's
// iconv. Pure functions, safe from any thread.
#ifndef WHOSAID_SRC_INPUT_CHARSET_H_
#define WHOSAID_SRC_INPUT_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <vector>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// Returns the charset named in a Content-Type value ("text/html;
// charset=ISO-8859-1" -> "iso-8859-1"), lower-cased, or "".
std::string CharsetFromContentType(std::string_view content_type);

// Returns the canonical lower-case name for a label ("latin1" ->
// "windows-1252", "utf8" -> "utf-8"), or "" for an empty label.
std::string NormalizeCharset(std::string_view label);

// Finds a charset declared by <meta> in the first `max_scan` bytes, or "".
std::string SniffMetaCharset(std::string_view html, size_t max_scan = 4096);

struct DecodedText {
  std::string text;         // UTF-8
  std::string charset;      // what was used
  size_t bom_bytes = 0;     // bytes of BOM skipped at the start of the input
  size_t replacements = 0;  // ill-formed sequences replaced by U+FFFD
  // Which bytes of `text` are the very bytes of the input (clean_begin: in
  // `text`, input_begin: in the input, BOM included): all of it for valid
  // UTF-8, the ASCII runs for windows-1252, the well-formed runs for
  // repaired UTF-8. Empty for UTF-16 and iconv charsets (not mapped).
  std::vector<OffsetPiece> source_map;
};

// Detects the charset of `bytes` (with `transport_charset` from HTTP, may
// be empty) and decodes to UTF-8. Never fails: undecodable bytes become
// U+FFFD and an unknown charset falls back to detection.
DecodedText DecodeToUtf8(std::string_view bytes,
                         std::string_view transport_charset);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_CHARSET_H_
