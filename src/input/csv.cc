#include "src/input/csv.h"

#include <fmt/format.h>

#include "src/base/chars.h"

namespace whosaid {

CsvRecordReader::Outcome CsvRecordReader::Next(std::vector<std::string>* fields,
                                               size_t* line) {
  fields->clear();
  for (;;) {
    // Skip blank lines between records.
    int c = getc(file_);
    while (c == '\n' || c == '\r') {
      if (c == '\n') ++line_;
      c = getc(file_);
    }
    if (c == EOF) return Outcome::kEnd;
    ungetc(c, file_);
    break;
  }
  *line = line_;
  std::string field;
  size_t bytes = 0;
  bool in_quotes = false, quoted_field = false, too_long = false;
  for (;;) {
    int c = getc(file_);
    if (c == EOF) {
      if (in_quotes) return Outcome::kUnterminatedQuote;
      fields->push_back(std::move(field));
      return too_long ? Outcome::kTooLong : Outcome::kRecord;
    }
    if (c == '\n') ++line_;
    if (in_quotes) {
      if (c == '"') {
        int n = getc(file_);
        if (n == '"') {
          if (!too_long) field.push_back('"');
        } else {
          in_quotes = false;
          if (n != EOF) ungetc(n, file_);
        }
      } else if (!too_long) {
        field.push_back(static_cast<char>(c));
      }
    } else if (c == '"' && field.empty() && !quoted_field) {
      in_quotes = quoted_field = true;
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      quoted_field = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r') {
        int n = getc(file_);
        if (n == '\n') {
          ++line_;
        } else if (n != EOF) {
          ungetc(n, file_);
        }
      }
      fields->push_back(std::move(field));
      return too_long ? Outcome::kTooLong : Outcome::kRecord;
    } else if (!too_long) {
      field.push_back(static_cast<char>(c));
    }
    if (++bytes > max_record_bytes_ && !too_long) {
      too_long = true;
      field.clear();
      fields->clear();
    }
  }
}

bool CsvDocumentMapper::SetHeader(const std::vector<std::string>& header,
                                  std::string* error) {
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    std::string h = AsciiLower(header[i]);
    // A UTF-8 byte-order mark may precede the first name.
    if (i == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h = h.substr(3);
    auto take = [&](int* slot) {
      if (*slot < 0) *slot = i;
    };
    if (h == "id") take(&id_);
    if (h == "text" || h == "content" || h == "body") take(&body_);
    if (h == "title") take(&title_);
    if (h == "url") take(&url_);
    if (h == "date" || h == "published") take(&date_);
    if (h == "authors" || h == "author") take(&authors_);
    if (h == "source" || h == "domain" || h == "site") take(&site_);
  }
  if (body_ < 0) {
    *error = "no \"text\", \"content\" or \"body\" column in the CSV header";
    return false;
  }
  return true;
}

void CsvDocumentMapper::Map(const std::vector<std::string>& fields,
                            const std::string& where, RawDocument* doc) const {
  *doc = RawDocument();
  auto get = [&](int col, std::string* out) {
    if (col >= 0 && col < static_cast<int>(fields.size())) *out = fields[col];
  };
  get(id_, &doc->id);
  if (doc->id.empty()) doc->id = where;
  if (body_ >= static_cast<int>(fields.size())) {
    doc->read_error = Status::InvalidArgument(
        fmt::format("{}: row has {} fields, the text column is field {}", where,
                    fields.size(), body_ + 1));
    return;
  }
  get(body_, &doc->body);
  get(title_, &doc->title);
  get(url_, &doc->url);
  get(date_, &doc->date);
  get(authors_, &doc->authors);
  get(site_, &doc->site);
}

}  // namespace whosaid
