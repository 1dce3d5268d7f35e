// Corpus: many extracted Documents kept in one store, linked across articles.
//
// A CorpusStore persists Documents with their quotes, speakers, entities and
// claims; marks exact and near duplicates (`duplicate_of`); groups the same
// quote reported by several outlets into one cluster; merges speakers by
// canonical name; and answers queries (ranked full-text search, top
// speakers, quotes by speaker, claims that disagree, counts).
//
// CorpusStore is an interface so that other backends (PostgreSQL) can be
// added; OpenSqliteStore() gives the embedded SQLite one (a file, or
// ":memory:" for tests). Ownership: the caller owns the store; the store owns
// its connection and its in-memory link indexes. Threads: one store object
// is used by one thread at a time (ingest uses ONE writer thread); several
// processes may open the same file — readers keep working during an ingest
// (WAL); a writable file store checkpoints the WAL on a thread of its own.
// ComputeFeatures() is a pure function, safe from any thread: ingest
// calls it on the worker threads so the writer only links and writes.
#ifndef WHOSAID_INCLUDE_CORPUS_H_
#define WHOSAID_INCLUDE_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// Limits and thresholds of the cross-article links.
struct CorpusOptions {
  // Near duplicates: SimHash over word shingles; documents whose 64-bit
  // signatures differ in at most this many bits (0..15) are the same
  // article. A one-word edit of a 60-word text moves 4-5 bits; unrelated
  // texts differ in ~32 +- 4.
  int near_duplicate_bits = 6;
  // SimHash only proposes candidates; a candidate is a near duplicate when
  // the Jaccard similarity of the two shingle sets, estimated from bottom-k
  // sketches of `sketch_size` hashes, reaches this (shared page boilerplate
  // can pull the SimHash of different articles close; it cannot fake this).
  double near_duplicate_jaccard = 0.7;
  size_t sketch_size = 64;
  // Documents with fewer words get no SimHash (only exact duplicates).
  size_t min_simhash_words = 30;
  size_t simhash_shingle = 3;  // words per SimHash shingle
  // Quote clusters: word shingles of the normalised content; a quote joins
  // a cluster when this share of the shorter one's shingles is shared
  // (containment, so truncations join).
  size_t quote_shingle = 3;
  double quote_containment = 0.5;
  // ... and at least this many shingles are shared (a run of
  // quote_shingle + 2 words), so a short generic phrase ("it would be")
  // contained in many long quotes does not glue them together.
  size_t min_shared_shingles = 3;
  // Quotes with fewer normalised words are not clustered.
  size_t min_quote_words = 6;
  // At most this many candidate clusters are verified per quote.
  size_t max_cluster_candidates = 16;
  // Claims are compared (claims --compare) when they count the same
  // quantity, share an entity of their sentence (src/corpus/features.h
  // ClaimContexts; at most this many kept per claim) ...
  size_t max_claim_context = 12;
  // ... and were published within this many days of each other (a chain:
  // each claim within the window of the previous one). Undated claims are
  // not compared.
  int claim_window_days = 10;
  // Memory of the link index (src/corpus/link_index.h), so that it does not
  // grow with the corpus: at most this many quote fingerprints are kept in
  // memory; when full they go, sorted, to a temporary file behind a Bloom
  // filter sized to them (24 bits each), of at most link_bloom_bytes. 0: all
  // in memory.
  size_t link_memory_fingerprints = 1'500'000;
  // At a spill, at most this many fingerprints found since they entered
  // memory (common phrases) stay in memory as well (capped at half of
  // link_memory_fingerprints; 0: the spill empties memory).
  size_t link_keep_used_fingerprints = 750'000;
  // Cluster representatives (the shingles new quotes are compared to) and
  // document sketches are written to that file; at most this many shingles
  // (8 bytes each) of recently used representatives are kept in memory per
  // generation (two generations). 0: all in memory, no file.
  size_t link_memory_representatives = 1'000'000;
  size_t link_bloom_bytes = size_t{8} << 20;
  // At most this many documents' exact hashes, SimHash bands and sketch
  // locations are kept in memory (src/corpus/link_documents.h); then they go
  // to that file in sorted runs, merged four at a time, read per look-up.
  // 0, or link_memory_representatives 0: all in memory.
  size_t link_memory_documents = 16'384;
  // At most about this many cluster ids' representative sizes (a byte each)
  // are kept in memory; older ones go to that file in blocks of 64 ids,
  // read one block per look-up (src/corpus/link_clusters.h). 0: all.
  size_t link_memory_clusters = 262'144;
  // Directory of that (unlinked) file; "": $TMPDIR, else /tmp.
  std::string link_spill_dir;
  // Speaker links across articles (src/corpus/speaker_links.h), made at the
  // end of each ingest: a one-word PERSON name links to the full PERSON
  // name ending in it that holds at least this share of the quotes of all
  // full PERSON names ending in it ...
  double speaker_link_share = 0.8;
  // ... and has at least this many quotes (its middle-initial variants
  // included); the one-word name needs at least speaker_link_min_word_quotes.
  size_t speaker_link_min_quotes = 10;
  size_t speaker_link_min_word_quotes = 1;
  // An ORG acronym speaker ("IRS") links to the one ORG speaker whose
  // name's initials spell it and that has at least this many quotes (two
  // such names with this many: no link). 0: no acronym links.
  size_t speaker_link_acronym_min_quotes = 10;
  // ... and needs a quote of that organisation whose speaker mention is the
  // acronym (an article that spelled the name out and resolved "the IRS" to
  // it).
  bool speaker_link_acronym_needs_mention = true;
};

// Link features of one quote, computed from its content alone.
struct QuoteFeatures {
  std::vector<uint64_t> shingles;      // sorted, unique
  std::vector<uint64_t> fingerprints;  // winnowed subset used as index keys
};

// The row values a store writes for a document that depend on the document
// alone, prepared off the writer (PrepareStoreRows, src/corpus/store_rows.h):
// offsets in code points, -1 for none.
struct StoreRows {
  struct Quote {
    std::string content;  // QuoteContent()
    int64_t content_begin = 0, content_end = 0;
    int64_t cue_begin = -1, cue_end = -1, speaker_begin = -1, speaker_end = -1;
    // The speaker's entity label (SpeakerLabel(), EntityLabelName()'s
    // static text); "" when unknown.
    std::string_view speaker_label;
  };
  struct Entity {  // one per AggregateEntities() row
    std::string name;
    EntityLabel label = EntityLabel::kMisc;
    int64_t mentions = 0;
    int64_t first_begin = 0, first_end = 0;
  };
  struct Claim {
    std::string value_key;  // the value (or low-high) as text
    std::string source;     // source name, else its quote's speaker, else text
    int64_t span_begin = 0, span_end = 0;
  };
  bool ready = false;         // false: the store prepares them itself
  std::vector<Quote> quotes;  // parallel to Document::quotes
  std::vector<Entity> entities;
  std::vector<Claim> claims;  // parallel to Document::claims
};

// Everything the store needs beyond the Document, computed off the writer.
struct DocumentFeatures {
  uint64_t content_hash = 0;  // hash of the raw body: identity = id + this
  uint64_t text_hash = 0;     // hash of the clean text: exact duplicates
  uint64_t simhash = 0;
  bool has_simhash = false;
  std::vector<uint64_t> sketch;         // bottom-k shingle hashes, sorted
  std::vector<QuoteFeatures> quotes;    // parallel to Document::quotes
  std::vector<std::string> claim_keys;  // parallel to Document::claims
  // Event context of each claim (ClaimContexts), parallel to claims.
  std::vector<std::vector<std::string>> claim_contexts;
  std::vector<std::string> speaker_keys;  // parallel to Document::quotes
  // The input as the cleaner read it, as a delta against the clean text
  // (src/corpus/input_delta.h): the article page shows where each fact
  // stood in it. Absent when the map does not describe `raw_body` (HTML
  // pages, repaired UTF-8) or the document has no input map.
  bool has_input_delta = false;
  std::string input_delta;
  StoreRows rows;
};

// Hash of a raw body (the identity half that is not the id).
uint64_t ContentHash(std::string_view raw_body);

// Computes the link features of `doc`; `raw_body` is the input as read.
DocumentFeatures ComputeFeatures(const Document& doc, std::string_view raw_body,
                                 const CorpusOptions& options);

// One document ready to be written.
struct IngestRecord {
  Document doc;
  DocumentFeatures features;
};

struct WriteCounts {
  size_t added = 0;       // new documents
  size_t skipped = 0;     // already in the store (same id + content hash)
  size_t duplicates = 0;  // of the added, exact or near duplicates
  size_t quotes = 0;
  size_t claims = 0;
  // The link index's work since the store was opened, after this batch
  // (`whosaid ingest --timing` prints the last batch's): what it read back
  // from its temporary file, by kind, and what it holds in memory.
  struct LinkCounters {
    uint64_t fingerprint_probes = 0;  // past memory, to the Bloom filter
    uint64_t fingerprint_blocks = 0;  // 4 KiB blocks read
    uint64_t fingerprint_found = 0;   // of those, blocks holding the key
    uint64_t fingerprint_spills = 0;  // runs written
    // CPU time of the spills (the writer's thread: wall time under load
    // would count other processes), and of the longest one.
    double fingerprint_spill_seconds = 0;
    double fingerprint_spill_max_seconds = 0;
    uint64_t fingerprints_kept = 0;  // used ones kept in memory on spills
    uint64_t representative_reads = 0;
    uint64_t sketch_reads = 0;
    uint64_t document_spills = 0;  // documents' tables written to the file
    uint64_t band_runs = 0;        // SimHash band runs in the file
    uint64_t band_merges = 0;
    uint64_t document_reads = 0;  // band-entry blocks and document records
    uint64_t exact_reads = 0;     // exact-hash blocks
    uint64_t cluster_spills = 0;  // cluster-size blocks written out
    uint64_t cluster_reads = 0;   // blocks read back
    uint64_t memory_bytes = 0;    // the index's tables (allocated, not used)
    // Of memory_bytes: the fingerprint table and the Bloom filter (bounded
    // by link_memory_fingerprints and link_bloom_bytes), the
    // representatives in memory (bounded by link_memory_representatives),
    // and the tables that grow by a few bytes per document and cluster.
    uint64_t fingerprint_bytes = 0;
    uint64_t representative_bytes = 0;
    uint64_t per_row_bytes = 0;
  } link;
  // The store's own memory after this batch (0 where a backend does not
  // tell): the writing connection's page cache (bounded by
  // StoreOptions::cache_kib), its prepared statements and schema, and the
  // write-side id caches (speakers, outlets); speaker names looked up in
  // the store because they were not in memory.
  struct StoreMemory {
    uint64_t page_cache_bytes = 0;
    uint64_t statement_bytes = 0;
    uint64_t cache_bytes = 0;
    uint64_t speakers_cached = 0;
    uint64_t speaker_reads = 0;
  } store;
};

// What CorpusStore::LinkSpeakers() found: speakers linked to another
// speaker's identity, by kind, and their quotes.
struct SpeakerLinkCounts {
  size_t one_word = 0;  // one-word names linked to a full name
  size_t variants = 0;  // middle-initial variants linked to the plain name
  size_t acronyms = 0;  // ORG acronyms linked to the name they abbreviate
  size_t quotes = 0;    // quotes of the linked speakers
  size_t changed = 0;   // speaker rows whose label or link this run changed
};

struct SearchQuery {
  std::string match;  // FTS5 query syntax: words, "phrases", OR, NOT, x*
  enum class Target { kAuto, kDocuments, kQuotes, kClaims };
  // kAuto: quotes when `speaker` or `kind` is set, else documents.
  Target target = Target::kAuto;
  std::string speaker;  // substring of the speaker name, case-insensitive
  std::string outlet;   // substring of the outlet name, case-insensitive
  std::string since;    // YYYY-MM-DD inclusive, on the published date
  std::string until;    // YYYY-MM-DD inclusive
  std::string kind;     // direct | mixed | indirect
  size_t limit = 20;
  std::string highlight_open = "[";
  std::string highlight_close = "]";
  // Fails the search with LimitExceeded after this many milliseconds
  // (0: no limit; the SQLite store honours it). The web app sets it.
  int max_ms = 0;
  // Ranking cost is bounded: when more than this many rows match, bm25
  // ranks the `max_ranked` most recently stored matches only (every hit
  // still matches; SearchHit::ranked_among says so). 0: rank every match.
  // A common word matches tens of thousands of rows and bm25 costs about
  // a microsecond each, so the bound is what keeps search-as-you-type fast.
  size_t max_ranked = 0;
};

struct SearchHit {
  std::string target;  // "document" | "quote" | "claim"
  int64_t doc_row = 0;
  std::string doc_id;  // the input id
  std::string title, url, published, outlet;
  std::string snippet;  // with highlight markers
  double score = 0;     // bm25: lower is better
  std::string speaker;  // quotes and claims
  std::string kind;     // quotes
  int64_t cluster = 0;  // quotes: quote cluster id (0: none)
  // The number of matches the ranking considered when the search hit
  // SearchQuery::max_ranked (the same on every hit of one search); 0 when
  // every match was ranked.
  size_t ranked_among = 0;
};

struct FacetCount {
  std::string key;
  size_t n = 0;
};

// Counts of every result of a search (not only the returned page) by
// speaker (quotes: the speaker; claims: the source), outlet, month of
// publication (YYYY-MM) and quote kind; each list most frequent first,
// at most `top` long. Empty keys are not listed.
struct SearchFacets {
  size_t total = 0;  // results counted
  std::vector<FacetCount> speaker, outlet, month, kind;
};

struct SpeakerSummary {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> roles;
  size_t quotes = 0, documents = 0, outlets = 0;
};

struct QuoteRecord {
  int64_t id = 0;
  std::string content, cue, speaker_mention, speaker, kind;
  uint32_t begin = 0, end = 0;  // code points into the document text
  std::string doc_id, title, url, published, outlet;
  int64_t cluster = 0;
  size_t cluster_outlets = 0;  // distinct outlets reporting the cluster
};

struct ClaimRecord {
  double value = 0, low = 0, high = 0;
  bool is_range = false;
  std::string text, unit, counted, source, approx;
  std::string doc_id, title, url, published, outlet;
};

// Claims about the same quantity (normalised counted noun phrase of two or
// more content words + unit) in the same event (a shared entity in the
// claim's sentence, published within CorpusOptions::claim_window_days)
// whose values differ, reported by two or more outlets.
struct ClaimGroup {
  std::string key, counted, unit;
  // The event: entities all its claims' sentences share, and the dates
  // (YYYY-MM-DD) of the first and last report.
  std::vector<std::string> context;
  std::string from, to;
  size_t distinct_values = 0;
  std::vector<ClaimRecord> claims;
};

struct CorpusStats {
  size_t documents = 0, duplicates = 0, exact_duplicates = 0,
         near_duplicates = 0;
  size_t outlets = 0, quotes = 0, clusters = 0, multi_outlet_clusters = 0;
  size_t speakers = 0, entities = 0, claims = 0, conflicting_claim_groups = 0;
  // Speakers linked to another speaker's identity (LinkSpeakers()), and
  // their quotes.
  size_t linked_speakers = 0, linked_quotes = 0;
  int schema_version = 0;
};

class CorpusStore {
 public:
  virtual ~CorpusStore() = default;

  // Calls `fn` with the identity (id, content hash) of every stored
  // document; ingest uses it to skip known inputs before extracting them.
  virtual Status ForEachIdentity(
      const std::function<void(std::string_view, uint64_t)>& fn) = 0;
  // Writes `batch` in ONE transaction: all of it or none. Documents already
  // stored (same id and content hash) and failed documents are skipped.
  virtual Result<WriteCounts> Add(std::span<const IngestRecord> batch) = 0;

  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
  // Facet counts over ALL results of `query` (its target and filters, as
  // Search() resolves them; `limit` is ignored), honouring query.max_ms.
  virtual Result<SearchFacets> Facets(const SearchQuery& query, size_t top) = 0;
  // Recomputes every speaker's entity label (the majority of its quotes')
  // and its cross-article link (src/corpus/speaker_links.h) from the stored
  // speakers, in ONE transaction; writes only rows that change. Ingest runs
  // it after its last batch. The result depends on the stored speakers
  // alone, not on the order documents came in; running it again changes
  // nothing, and a run that was killed is simply redone by the next.
  virtual Result<SpeakerLinkCounts> LinkSpeakers() = 0;
  // The most quoted speaker identities: a speaker and the speakers linked
  // to it count as one, under its name.
  virtual Result<std::vector<SpeakerSummary>> TopSpeakers(size_t n) = 0;
  // Quotes of the speaker named `name` (canonical name, case-insensitive;
  // falls back to a substring match when no name is equal) and of the
  // speakers linked to the same identity.
  virtual Result<std::vector<QuoteRecord>> QuotesBySpeaker(
      std::string_view name, size_t limit) = 0;
  virtual Result<std::vector<ClaimGroup>> CompareClaims(size_t limit) = 0;
  virtual Result<CorpusStats> Stats() = 0;
  // Runs the backend's consistency check; OK or Corruption.
  virtual Status Check() = 0;
};

struct StoreOptions {
  std::string path;  // a file, or ":memory:"
  bool read_only = false;
  int busy_timeout_ms = 5000;  // wait this long for a locked database
  // Largest database size in pages (4 KiB); 0: unlimited. Reaching it fails
  // the batch like a full disk does.
  int64_t max_pages = 0;
  // The writing connection's SQLite page cache, in KiB (PRAGMA cache_size);
  // it is full after a few thousand articles and stays at this size.
  int64_t cache_kib = 65536;
  // At most this many speaker ids are kept in memory per generation (two
  // generations: a full young one turns old, the old one is dropped); a
  // name key in neither is looked up in the store's UNIQUE name_key index,
  // so ids do not depend on it. 0: every speaker stays in memory.
  size_t speaker_cache_entries = 65536;
  // PostgreSQL: rows per FETCH when the writer reads the stored corpus (its
  // documents' link features, quotes, outlets, speakers), so that read holds
  // at most this many rows at once. SQLite steps one row at a time.
  size_t read_chunk_rows = 4096;
  CorpusOptions corpus;
};

// Opens (creating and migrating when writable) a SQLite corpus. Errors:
// NotFound (read-only and missing), IOError (unwritable, locked, disk full),
// Corruption (not a database, damaged, or from a newer whosaid).
Result<std::unique_ptr<CorpusStore>> OpenSqliteStore(
    const StoreOptions& options);

// Opens the corpus named by options.path: a postgresql:// or postgres://
// URL opens the PostgreSQL backend (src/store/postgres_store.h; the same
// error codes, messages name the URL without its password), anything else
// a SQLite file as OpenSqliteStore() does.
Result<std::unique_ptr<CorpusStore>> OpenCorpusStore(
    const StoreOptions& options);

// `path` fit to print: a URL's password is replaced by "***".
std::string StoreDisplayName(std::string_view path);

}  // namespace whosaid

#endif  // WHOSAID_INCLUDE_CORPUS_H_
