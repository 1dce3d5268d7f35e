// WarcReader: streams HTML documents out of WARC and WARC.gz files (WARC
// 1.0/1.1, as Common Crawl and CC-News ship them: one gzip member per
// record, or a plain file).
//
// Every `response` record whose HTTP payload is HTML becomes one RawDocument
// with `html` (the HTTP body, de-chunked and un-gzipped when the server
// encoded it), `html_charset` (from the HTTP Content-Type), `url`
// (WARC-Target-URI) and `crawl_date` (WARC-Date); its id is the URL. Other
// records (request, metadata, warcinfo, non-HTML responses, redirects) are
// skipped and counted. A broken record (truncated gzip, a Content-Length that
// does not match, binary junk, a record over the size limit) becomes one
// RawDocument carrying read_error, and reading resumes at the next record
// found, so a damaged file never stops the stream. Memory is bounded by
// max_record_bytes (plus one read buffer).
//
// One WarcReader is used by one thread. It does not own the FILE*.
#ifndef WHOSAID_SRC_INPUT_WARC_H_
#define WHOSAID_SRC_INPUT_WARC_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "src/input/gzip.h"
#include "whosaid/extractor.h"

namespace whosaid {

struct WarcOptions {
  size_t max_record_bytes = size_t{32} << 20;  // larger records: error
  size_t max_header_bytes = size_t{1} << 16;   // WARC or HTTP header block
};

struct WarcCounts {
  size_t records = 0;    // WARC records seen (any type)
  size_t documents = 0;  // HTML responses emitted
  size_t skipped = 0;    // records of other types / non-HTML payloads
  size_t errors = 0;     // broken records reported
};

class WarcReader {
 public:
  // Reads from `file` (not owned); `name` names the input in messages.
  // `prefix` holds bytes already read from the file (sniffing).
  WarcReader(FILE* file, std::string name, std::string prefix,
             const WarcOptions& options);
  // Reads from memory (tests, fuzzing).
  WarcReader(std::string_view data, std::string name,
             const WarcOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Stores the next HTML document or error record in *doc and returns
  // true; returns false at the end of the input.
  bool Next(RawDocument* doc);

  const WarcCounts& counts() const { return counts_; }

 private:
  size_t RawRead(char* dst, size_t n);
  bool Fill(size_t want);  // buffer holds pos_ + want bytes, or false at EOF
  void Compact();
  bool ResyncAfter(size_t from);
  void Error(RawDocument* doc, const std::string& message);
  bool ParseHttp(std::string_view payload, RawDocument* doc,
                 std::string* why_skipped);

  FILE* file_ = nullptr;
  std::string_view mem_;
  size_t mem_pos_ = 0;
  std::string name_;
  std::string prefix_;
  size_t prefix_pos_ = 0;
  WarcOptions opt_;
  bool sniffed_ = false;
  bool gzip_ = false;
  bool raw_eof_ = false;
  std::unique_ptr<Gunzip> gunzip_;
  std::string zin_;  // compressed bytes not yet inflated
  size_t zin_pos_ = 0;
  std::string buf_;  // decompressed bytes
  size_t pos_ = 0;
  size_t member_start_ = 0;  // buf_ index where the current member began
  size_t buf_offset_ = 0;    // stream offset of buf_[0]
  WarcCounts counts_;
  bool pending_error_ = false;
  std::string pending_message_;
};

// True when `s` starts like a WARC file ("WARC/1.").
inline bool LooksLikeWarc(std::string_view s) {
  return s.substr(0, 7) == "WARC/1." || s.substr(0, 7) == "WARC/0.";
}

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_WARC_H_
