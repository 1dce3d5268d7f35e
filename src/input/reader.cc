#include "src/input/reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <cstring>

#include "src/input/gzip.h"
#include "src/input/html_extract.h"
#include "src/input/warc.h"

namespace whosaid {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Reads a string field, a number (as written), or joins an array of
// strings with ", ". Returns false when the field is absent or another type.
bool GetStringish(simdjson::dom::object obj, std::string_view key,
                  std::string* out) {
  simdjson::dom::element v;
  if (obj.at_key(key).get(v)) return false;
  switch (v.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (v.get_string().get(s)) return false;
      out->assign(s);
      return true;
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      *out = simdjson::to_string(v);
      return true;
    case simdjson::dom::element_type::ARRAY: {
      out->clear();
      simdjson::dom::array array;
      if (v.get_array().get(array)) return false;
      for (simdjson::dom::element item : array) {
        std::string_view s;
        if (item.get_string().get(s)) continue;
        if (!out->empty()) out->append(", ");
        out->append(s);
      }
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  if (name == "auto") {
    *format = InputFormat::kAuto;
  } else if (name == "text" || name == "txt") {
    *format = InputFormat::kText;
  } else if (name == "jsonl" || name == "ndjson") {
    *format = InputFormat::kJsonl;
  } else if (name == "csv") {
    *format = InputFormat::kCsv;
  } else if (name == "html" || name == "htm") {
    *format = InputFormat::kHtml;
  } else if (name == "warc") {
    *format = InputFormat::kWarc;
  } else {
    return false;
  }
  return true;
}

void ParseJsonlRecord(std::string_view line, const std::string& where,
                      RawDocument* doc) {
  *doc = RawDocument();
  doc->id = where;
  // The DOM parser validates the whole line before anything is read, so a
  // truncated or malformed line is rejected as a unit. One parser per
  // thread keeps its buffers warm.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object obj;
  auto error = parser.parse(line.data(), line.size()).get(obj);
  if (error) {
    doc->read_error = Status::InvalidArgument(fmt::format(
        "{}: not a JSON object ({})", where, simdjson::error_message(error)));
    return;
  }
  std::string id;
  if (GetStringish(obj, "id", &id) && !id.empty()) doc->id = id;
  // The body must be a string: a number or list there is a broken record.
  bool has_body = GetStringish(obj, "html", &doc->html) && !doc->html.empty();
  GetStringish(obj, "language", &doc->language);
  for (std::string_view key : {"text", "content", "body"}) {
    std::string_view body;
    if (!obj.at_key(key).get_string().get(body)) {
      doc->body.assign(body);
      has_body = true;
      doc->html.clear();  // a text body wins over the page
      break;
    }
  }
  GetStringish(obj, "title", &doc->title);
  GetStringish(obj, "url", &doc->url);
  if (!GetStringish(obj, "date", &doc->date)) {
    GetStringish(obj, "published", &doc->date);
  }
  GetStringish(obj, "authors", &doc->authors) ||
      GetStringish(obj, "author", &doc->authors);
  GetStringish(obj, "source", &doc->site) ||
      GetStringish(obj, "domain", &doc->site) ||
      GetStringish(obj, "site", &doc->site);
  if (!has_body) {
    doc->read_error = Status::InvalidArgument(fmt::format(
        "{}: no \"text\", \"content\", \"body\" or \"html\" string field",
        where));
  }
}

DocumentReader::DocumentReader(std::vector<std::string> inputs,
                               InputFormat format, size_t max_bytes)
    : inputs_(std::move(inputs)), format_(format), max_bytes_(max_bytes) {}

DocumentReader::~DocumentReader() { CloseCurrent(); }

void DocumentReader::CloseCurrent() {
  if (warc_) {
    warc_skipped_ += warc_->counts().skipped;
    warc_errors_ += warc_->counts().errors;
    warc_.reset();
  }
  if (file_ && !file_is_stdin_) fclose(file_);
  file_ = nullptr;
  csv_.reset();
}

// Opens the next input. For a text input, reads it whole into *doc and
// returns true; for JSONL, leaves the file open and returns false so the
// caller reads lines. On an unreadable file, fills an error record.
bool DocumentReader::OpenNext(RawDocument* doc) {
  const std::string& name = inputs_[next_input_++];
  current_name_ = name;
  line_number_ = 0;
  if (name == "-") {
    file_ = stdin;
    file_is_stdin_ = true;
  } else {
    file_ = fopen(name.c_str(), "rb");
    file_is_stdin_ = false;
    if (!file_) {
      *doc = RawDocument();
      doc->id = name;
      doc->read_error = Status::IOError(
          fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
      ++failed_inputs_;
      return true;
    }
  }
  current_jsonl_ = format_ == InputFormat::kJsonl;
  current_csv_ = format_ == InputFormat::kCsv ||
                 (format_ == InputFormat::kAuto && EndsWith(name, ".csv"));
  if (current_csv_) {
    csv_ = std::make_unique<CsvRecordReader>(file_, max_bytes_);
    size_t line;
    std::string error;
    auto outcome = csv_->Next(&csv_fields_, &line);
    if (outcome != CsvRecordReader::Outcome::kRecord ||
        !csv_mapper_.SetHeader(csv_fields_, &error)) {
      *doc = RawDocument();
      doc->id = name;
      doc->read_error = Status::InvalidArgument(fmt::format(
          "{}: {}", name,
          error.empty() ? "no CSV header row with a text column" : error));
      ++failed_inputs_;
      CloseCurrent();
      return true;
    }
    return false;
  }
  bool html = format_ == InputFormat::kHtml;
  bool warc = format_ == InputFormat::kWarc;
  if (format_ == InputFormat::kAuto) {
    if (EndsWith(name, ".warc") || EndsWith(name, ".warc.gz")) {
      warc = true;
    } else if (EndsWith(name, ".html") || EndsWith(name, ".htm") ||
               EndsWith(name, ".xhtml") || EndsWith(name, ".html.gz") ||
               EndsWith(name, ".htm.gz")) {
      html = true;
    } else if (name != "-" && !EndsWith(name, ".json") &&
               !EndsWith(name, ".jsonl") && !EndsWith(name, ".ndjson")) {
      // Sniff a WARC by its first bytes (seekable files only).
      char head[8];
      size_t got = fread(head, 1, sizeof head, file_);
      warc = LooksLikeWarc(std::string_view(head, got));
      if (fseek(file_, 0, SEEK_SET) != 0) {
        warc = false;
        clearerr(file_);
      }
    }
  }
  if (warc) {
    warc_ = std::make_unique<WarcReader>(file_, name, std::string(),
                                         WarcOptions{max_bytes_, 1 << 16});
    return false;
  }
  if (!html && format_ == InputFormat::kAuto) {
    if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) {
      current_jsonl_ = true;
    } else if (name != "-" && !EndsWith(name, ".json")) {
      current_jsonl_ = false;
    } else {
      // Sniff: a JSON object on the first non-blank byte.
      int c;
      while ((c = fgetc(file_)) != EOF &&
             (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      }
      if (c != EOF) ungetc(c, file_);
      current_jsonl_ = c == '{';
    }
  }
  if (current_jsonl_) return false;

  // Text: the whole file is one document.
  *doc = RawDocument();
  doc->id = name;
  char buf[1 << 16];
  size_t n;
  bool too_big = false;
  while ((n = fread(buf, 1, sizeof buf, file_)) > 0) {
    if (doc->body.size() + n > max_bytes_) {
      too_big = true;
      continue;  // drain without keeping
    }
    doc->body.append(buf, n);
  }
  bool failed = ferror(file_);
  int err = errno;
  CloseCurrent();
  if (failed) {
    doc->body.clear();
    doc->read_error = Status::IOError(
        fmt::format("{}: read error: {}", name, std::strerror(err)));
    ++failed_inputs_;
  } else if (too_big) {
    doc->body.clear();
    doc->read_error = Status::LimitExceeded(fmt::format(
        "{}: document is over the limit of {} bytes (max_document_bytes)", name,
        max_bytes_));
  } else if (html ||
             (format_ == InputFormat::kAuto && LooksLikeHtml(doc->body))) {
    // An HTML page (gzipped or not): the Extractor finds the article.
    if (IsGzip(doc->body)) {
      Status s = GunzipAll(doc->body, max_bytes_, &doc->html);
      if (!s.ok()) {
        doc->html.clear();
        std::string msg = fmt::format("{}: {}", name, s.message());
        doc->read_error = s.code() == Status::Code::kLimitExceeded
                              ? Status::LimitExceeded(msg)
                              : Status::IOError(msg);
      }
    } else {
      doc->html.swap(doc->body);
    }
    doc->body.clear();
  }
  return true;
}

bool DocumentReader::ReadLine(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  int c;
  bool any = false;
  char buf[1 << 16];
  while (fgets(buf, sizeof buf, file_)) {
    any = true;
    size_t n = strlen(buf);
    bool complete = n > 0 && buf[n - 1] == '\n';
    if (complete) --n;
    if (line->size() + n > max_bytes_) {
      *too_long = true;
    } else if (!*too_long) {
      line->append(buf, n);
    }
    if (complete) return true;
  }
  (void)c;
  return any;
}

bool DocumentReader::NextCsv(RawDocument* doc) {
  size_t line;
  auto outcome = csv_->Next(&csv_fields_, &line);
  std::string where = fmt::format("{}:{}", current_name_, line);
  switch (outcome) {
    case CsvRecordReader::Outcome::kEnd:
      return false;
    case CsvRecordReader::Outcome::kRecord:
      csv_mapper_.Map(csv_fields_, where, doc);
      return true;
    case CsvRecordReader::Outcome::kTooLong:
      *doc = RawDocument();
      doc->id = where;
      doc->read_error = Status::LimitExceeded(fmt::format(
          "{}: CSV row is over the limit of {} bytes (max_document_bytes)",
          where, max_bytes_));
      return true;
    case CsvRecordReader::Outcome::kUnterminatedQuote:
      *doc = RawDocument();
      doc->id = where;
      doc->read_error = Status::InvalidArgument(fmt::format(
          "{}: unterminated quoted CSV field (runs to the end of the file)",
          where));
      return true;
  }
  return false;
}

bool DocumentReader::Next(RawDocument* doc) {
  for (;;) {
    if (!file_) {
      if (next_input_ >= inputs_.size()) return false;
      if (OpenNext(doc)) return true;
      if (!file_) continue;
    }
    if (csv_) {
      if (NextCsv(doc)) return true;
      CloseCurrent();
      continue;
    }
    if (warc_) {
      if (warc_->Next(doc)) return true;
      if (ferror(file_)) {
        *doc = RawDocument();
        doc->id = current_name_;
        doc->read_error = Status::IOError(fmt::format(
            "{}: read error: {}", current_name_, std::strerror(errno)));
        ++failed_inputs_;
        CloseCurrent();
        return true;
      }
      CloseCurrent();
      continue;
    }
    bool too_long;
    while (ReadLine(&line_, &too_long)) {
      ++line_number_;
      std::string where = fmt::format("{}:{}", current_name_, line_number_);
      if (too_long) {
        *doc = RawDocument();
        doc->id = where;
        doc->read_error = Status::LimitExceeded(fmt::format(
            "{}: line is over the limit of {} bytes (max_document_bytes)",
            where, max_bytes_));
        return true;
      }
      if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
      ParseJsonlRecord(line_, where, doc);
      return true;
    }
    if (ferror(file_)) {
      *doc = RawDocument();
      doc->id = current_name_;
      doc->read_error = Status::IOError(fmt::format(
          "{}: read error: {}", current_name_, std::strerror(errno)));
      ++failed_inputs_;
      CloseCurrent();
      return true;
    }
    CloseCurrent();
  }
}

}  // namespace whosaid
