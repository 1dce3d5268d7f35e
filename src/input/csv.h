// CsvRecordReader: reads RFC 4180 CSV (quoted fields, doubled quotes,
// newlines inside quotes, CRLF) one record at a time from a FILE*, with a
// limit on the bytes of one record so memory stays bounded. Used by one
// thread; the FILE* is owned by the caller.
#ifndef WHOSAID_SRC_INPUT_CSV_H_
#define WHOSAID_SRC_INPUT_CSV_H_

#include <cstdio>
#include <string>
#include <vector>

#include "whosaid/extractor.h"

namespace whosaid {

class CsvRecordReader {
 public:
  CsvRecordReader(FILE* file, size_t max_record_bytes)
      : file_(file), max_record_bytes_(max_record_bytes) {}

  enum class Outcome { kRecord, kEnd, kTooLong, kUnterminatedQuote };

  // Reads the next record into *fields. Blank lines are skipped. On
  // kTooLong the rest of the record is consumed and dropped. `*line` is the
  // 1-based line where the record starts.
  Outcome Next(std::vector<std::string>* fields, size_t* line);

 private:
  FILE* file_;
  size_t max_record_bytes_;
  size_t line_ = 1;
};

// Maps a CSV header to document fields: id, text/content/body, title, url,
// date/published, authors/author, source/domain/site (case-insensitive).
class CsvDocumentMapper {
 public:
  // Returns false (and an error message) when no body column exists.
  bool SetHeader(const std::vector<std::string>& header, std::string* error);
  // Fills `doc` from one record; `where` names it ("file.csv:12").
  void Map(const std::vector<std::string>& fields, const std::string& where,
           RawDocument* doc) const;

 private:
  int id_ = -1, body_ = -1, title_ = -1, url_ = -1, date_ = -1, authors_ = -1,
      site_ = -1;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_CSV_H_
