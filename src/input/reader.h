// DocumentReader: streams RawDocuments from files and stdin, one at a time.
//
// Formats: plain text (one document per file, id = the path as given),
// JSONL (one document per line: "id" passed through, body in "text" /
// "content" / "body" or a raw page in "html", optional "title", "url",
// "date", "authors", "source" / "domain" / "site", "language"), CSV with a header row naming the same columns (one
// document per row, .csv), HTML (one
// page per file, .html/.htm, optionally .gz; the Extractor extracts the
// article) and WARC (.warc / .warc.gz: one document per HTML response
// record, see src/input/warc.h). Auto mode picks by extension, then sniffs
// the content ("<!doctype html" / "<html" -> HTML, "WARC/1." -> WARC). A file
// that cannot be read or a line that is not a JSON object yields a RawDocument
// whose read_error names the input, so N inputs always give N records. Memory
// is bounded by the largest document. One reader is used by one thread.
#ifndef WHOSAID_SRC_INPUT_READER_H_
#define WHOSAID_SRC_INPUT_READER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/input/csv.h"
#include "whosaid/extractor.h"

namespace whosaid {

class WarcReader;

enum class InputFormat { kAuto, kText, kJsonl, kCsv, kHtml, kWarc };

// Parses "auto" / "text" / "jsonl" / "csv" / "html" / "warc"; returns false
// on anything else.
bool ParseInputFormat(std::string_view name, InputFormat* format);

// Parses one JSONL line into `doc`. `where` names the input for messages
// ("file.jsonl:12"); a line without "id" gets `where` as its id.
void ParseJsonlRecord(std::string_view line, const std::string& where,
                      RawDocument* doc);

class DocumentReader {
 public:
  // `inputs` are paths; "-" means stdin. `max_bytes` bounds one document
  // (and one JSONL line); longer ones become error records.
  DocumentReader(std::vector<std::string> inputs, InputFormat format,
                 size_t max_bytes);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Stores the next document in *doc and returns true, or returns false at
  // the end of all inputs.
  bool Next(RawDocument* doc);

  // Number of inputs (files) that could not be opened or read.
  size_t failed_inputs() const { return failed_inputs_; }

  // WARC records skipped (not HTML responses) and broken, over all inputs.
  size_t warc_skipped() const { return warc_skipped_; }
  size_t warc_errors() const { return warc_errors_; }

 private:
  bool OpenNext(RawDocument* doc);
  void CloseCurrent();
  bool ReadLine(std::string* line, bool* too_long);
  // Reads the next CSV row into *doc; false at the end of the file.
  bool NextCsv(RawDocument* doc);

  std::vector<std::string> inputs_;
  InputFormat format_;
  size_t max_bytes_;
  size_t next_input_ = 0;
  FILE* file_ = nullptr;
  bool file_is_stdin_ = false;
  std::string current_name_;
  bool current_jsonl_ = false;
  bool current_csv_ = false;
  std::unique_ptr<CsvRecordReader> csv_;
  CsvDocumentMapper csv_mapper_;
  std::vector<std::string> csv_fields_;
  size_t line_number_ = 0;
  size_t failed_inputs_ = 0;
  std::string line_;
  std::unique_ptr<WarcReader> warc_;
  size_t warc_skipped_ = 0;
  size_t warc_errors_ = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_READER_H_
