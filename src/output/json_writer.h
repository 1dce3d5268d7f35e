// JSON writer: one Document -> one JSON record (schema 1, doc/json_format.md).
//
// Spans are written as code-point offsets into the record's "text", with the
// span's text beside them. Pure function; safe from any thread.
#ifndef WHOSAID_SRC_OUTPUT_JSON_WRITER_H_
#define WHOSAID_SRC_OUTPUT_JSON_WRITER_H_

#include <string>
#include <string_view>

#include "whosaid/document.h"

namespace whosaid {

constexpr int kJsonSchemaVersion = 1;

struct JsonOptions {
  bool pretty = false;    // indented, for people
  bool sentences = true;  // include the sentence list
  bool entities = true;   // include entity mentions
  // Add "source_start"/"source_end" to every span: byte offsets into the
  // original input (the page bytes for HTML), through Document::input_map.
  bool source_offsets = false;
};

// Appends the record for `doc` (no trailing newline) to `out`.
void WriteDocumentJson(const Document& doc, const JsonOptions& options,
                       std::string* out);

// Appends the JSON escape of `s` (no quotes) to `out`. With `html_safe`,
// < > & and ' are written as \u00XX too, so the JSON can sit in a page.
void AppendJsonEscaped(std::string_view s, bool html_safe, std::string* out);

// Appends `s` as a JSON string literal (with quotes) to `out`.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace whosaid

#endif  // WHOSAID_SRC_OUTPUT_JSON_WRITER_H_
