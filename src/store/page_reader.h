// PageReader: the read-only queries behind the web pages (one document with
// every quote/claim offset and, when kept, its original input; one quote
// cluster with its members, one speaker with a timeline and top outlets, one
// claim group, document lookup by id).
//
// An interface with two backends: PageReader::Open() opens a SQLite file
// (its OWN read-only connection, SQLITE_OPEN_READONLY + query_only) or, for
// a postgresql:// URL, a PostgreSQL corpus (a read-only session:
// default_transaction_read_only). It never writes. Every call runs under a
// time limit (`max_query_ms`: the SQLite progress handler, PostgreSQL
// statement_timeout): a query over it fails with LimitExceeded. Offsets are
// code points into the document text, as stored. Ownership: the caller owns
// the reader, the reader its connection. Threads: one thread at a time per
// reader (the web server keeps one reader per worker).
#ifndef WHOSAID_SRC_STORE_PAGE_READER_H_
#define WHOSAID_SRC_STORE_PAGE_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

struct PageReaderOptions {
  std::string path;            // the corpus file or postgresql:// URL
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
  // The same spans in DocumentPage::original (code points); -1: absent.
  int64_t orig_content_begin = -1, orig_content_end = -1;
  int64_t orig_cue_begin = -1, orig_cue_end = -1;
  int64_t orig_speaker_begin = -1, orig_speaker_end = -1;
};

struct PageClaim {
  int64_t id = 0;
  std::string text, unit, counted, source, approx, change, group_key;
  double value = 0, low = 0, high = 0;
  bool is_range = false;
  int64_t begin = 0, end = 0;
  int64_t quote_id = 0;  // the quote the claim sits in (0: none)
  int64_t orig_begin = -1, orig_end = -1;  // in DocumentPage::original
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
  // The input as the cleaner read it (before boilerplate removal and
  // paragraph joining), when the store kept it; the orig_* spans of the
  // quotes and claims point into it.
  bool has_original = false;
  std::string original;
};

// Fills page->original and the orig_* spans from the stored input delta
// (src/corpus/input_delta.h) of the page's text. A malformed delta leaves
// has_original false. Both backends call it.
void AttachOriginal(std::string_view input_delta, DocumentPage* page);

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
  // For an event key: the shared entity and the dates of the first and
  // last report (YYYY-MM-DD; "" when undated).
  std::vector<std::string> context;
  std::string from, to;
  std::vector<SourcedClaim> claims;  // by value, then published
};

class PageReader {
 public:
  // A SQLite file, or a PostgreSQL corpus for a postgresql:// URL.
  // NotFound when the file (or the corpus) is missing; IOError/Corruption as
  // the database says; InvalidArgument for a URL when built without libpq.
  static Result<std::unique_ptr<PageReader>> Open(
      const PageReaderOptions& options);
  virtual ~PageReader() = default;

  // NotFound when no such row.
  virtual Result<DocumentPage> Document(int64_t row) = 0;
  // The row of the newest stored document with input id `doc_id`.
  virtual Result<int64_t> DocumentRow(std::string_view doc_id) = 0;
  virtual Result<ClusterPage> Cluster(int64_t id) = 0;
  // By speaker row id (when > 0), else by name: canonical name
  // (case-insensitive), then the first name containing it.
  virtual Result<SpeakerPage> Speaker(int64_t id, std::string_view name) = 0;
  virtual Result<ClaimGroupPage> ClaimGroup(std::string_view key) = 0;
};

// The backends (page_reader.cc, postgres_page_reader.cc).
Result<std::unique_ptr<PageReader>> OpenSqlitePageReader(
    const PageReaderOptions& options);
Result<std::unique_ptr<PageReader>> OpenPostgresPageReader(
    const PageReaderOptions& options);

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_PAGE_READER_H_
