// PageReader: the read-only queries behind the web pages (one document with
// every quote/claim offset, one quote cluster with its members, one speaker
// with a timeline and top outlets, one claim group, document lookup by id).
//
// It opens its OWN read-only connection (SQLITE_OPEN_READONLY + query_only)
// to a corpus written by CorpusStore; it never writes. Every statement runs
// under a time limit (`max_query_ms`, via the progress handler): a query
// over it fails with LimitExceeded. Offsets are code points into the
// document text, as stored. Ownership: the caller owns the reader, the
// reader its connection. Threads: one thread at a time per reader (the web
// server keeps one reader per worker).
#ifndef WHOSAID_SRC_STORE_PAGE_READER_H_
#define WHOSAID_SRC_STORE_PAGE_READER_H_

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

struct PageReaderOptions {
  std::string path;            // the corpus file
  int busy_timeout_ms = 2000;  // wait this long for a locked database
  int max_query_ms = 2000;     // each call fails past this
  size_t max_quotes = 500;     // speaker page: at most this many quotes
  size_t max_members = 500;    // cluster page: at most this many members
  size_t max_group_claims = 500;
};

// -1 in an optional offset: absent.
struct PageQuote {
  int64_t id = 0;
  std::string content, cue, mention, speaker, kind;
  int64_t speaker_id = 0;
  int64_t content_begin = 0, content_end = 0;
  int64_t cue_begin = -1, cue_end = -1, speaker_begin = -1, speaker_end = -1;
  int64_t cluster = 0;
  double score = 0;
};

struct PageClaim {
  int64_t id = 0;
  std::string text, unit, counted, source, approx, change, group_key;
  double value = 0, low = 0, high = 0;
  bool is_range = false;
  int64_t begin = 0, end = 0;
  int64_t quote_id = 0;  // the quote the claim sits in (0: none)
};

struct PageEntity {
  std::string label, name;
  int64_t mentions = 0, first_begin = 0, first_end = 0;
};

// Where a quote or claim was published.
struct PageSource {
  int64_t doc_row = 0;
  std::string doc_id, title, url, published, outlet;
};

struct DocumentPage {
  PageSource source;
  std::string author, text;
  int64_t duplicate_of = 0;  // the original's row when this is a duplicate
  std::string duplicate_kind;
  std::vector<PageQuote> quotes;  // by content_begin
  std::vector<PageClaim> claims;  // by begin
  std::vector<PageEntity> entities;
};

struct SourcedQuote {
  PageQuote quote;
  PageSource source;
  size_t cluster_outlets = 0;
};

struct ClusterPage {
  int64_t id = 0;
  std::string representative;
  // First appearance first: by published date (undated last), then row.
  std::vector<SourcedQuote> members;
  size_t outlets = 0;
};

struct Count {
  std::string key;
  int64_t n = 0;
};

struct SpeakerPage {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> roles;
  int64_t total_quotes = 0, documents = 0;
  std::vector<SourcedQuote> quotes;  // by published date, then row
  std::vector<Count> timeline;       // YYYY-MM -> quotes, ascending
  std::vector<Count> outlets;        // outlet -> quotes, most first
};

struct SourcedClaim {
  PageClaim claim;
  PageSource source;
};

struct ClaimGroupPage {
  std::string key, counted, unit;
  std::vector<SourcedClaim> claims;  // by value, then published
};

class PageReader {
 public:
  // NotFound when the file is missing; IOError/Corruption as SQLite says.
  static Result<std::unique_ptr<PageReader>> Open(
      const PageReaderOptions& options);
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // NotFound when no such row.
  Result<DocumentPage> Document(int64_t row);
  // The row of the newest stored document with input id `doc_id`.
  Result<int64_t> DocumentRow(std::string_view doc_id);
  Result<ClusterPage> Cluster(int64_t id);
  // By speaker row id (when > 0), else by name: canonical name
  // (case-insensitive), then the first name containing it.
  Result<SpeakerPage> Speaker(int64_t id, std::string_view name);
  Result<ClaimGroupPage> ClaimGroup(std::string_view key);

 private:
  PageReader(sqlite3* db, const PageReaderOptions& options)
      : db_(db), options_(options) {}
  void StartClock();
  static int Progress(void* self);

  sqlite3* db_;
  PageReaderOptions options_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_PAGE_READER_H_
