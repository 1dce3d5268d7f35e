// SqliteStore: the SQLite CorpusStore behind OpenSqliteStore()
// (include/whosaid/corpus.h), shared by the files that implement it:
//   sqlite_store.cc   statements, rollback and the factory OpenSqliteStore();
//   sqlite_schema.cc  Init(): opening checks, pragmas and the migration of
//                     the schema (src/store/schema.cc);
//   sqlite_writer.cc  Add(): documents and the rows of StoreRows
//                     (src/corpus/store_rows.h), the values the PostgreSQL
//                     store writes too; LinkSpeakers();
//   sqlite_search.cc  Search() and Facets() over the FTS5 tables;
//   sqlite_reads.cc   speakers, quotes, claim comparison, Stats, Check.
// The PostgreSQL store is split the same way (postgres_store_impl.h).
// Ownership: the store owns its sqlite3 connection (closed on destruction),
// its cached prepared statements, the checkpointer of a writable file
// (src/store/sqlite_checkpointer.h) and the write-side caches (link index,
// outlet and speaker ids). One thread at a time: every method, reads
// included, uses the one connection. Include only from src/store/sqlite_*.cc.
#ifndef WHOSAID_SRC_STORE_SQLITE_STORE_IMPL_H_
#define WHOSAID_SRC_STORE_SQLITE_STORE_IMPL_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/corpus/claim_events.h"
#include "src/corpus/link_index.h"
#include "src/corpus/speaker_links.h"
#include "src/corpus/string_id_map.h"
#include "src/store/batch_writer.h"
#include "src/store/document_writer.h"
#include "src/store/fts_highlight.h"
#include "src/store/sqlite_checkpointer.h"
#include "src/store/sqlite_util.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace sqlite_internal {

// `s` as a LIKE pattern matching any text that contains it.
std::string ContainsPattern(std::string_view s);

class SqliteStore : public CorpusStore,
                    private BatchWriter,
                    private DocumentWriter {
 public:
  SqliteStore(sqlite3* db, const StoreOptions& options)
      : db_(db),
        options_(options),
        index_(options.corpus),
        speakers_(options.speaker_cache_entries) {}
  ~SqliteStore() override {
    checkpointer_.reset();
    statements_.clear();
    highlighter_.reset();  // its tokenizer belongs to the connection
    sqlite3_close_v2(db_);
  }

  // Checks the file and the schema version, sets the pragmas, starts the
  // checkpointer and migrates a writable corpus (sqlite_schema.cc). Called
  // once, by OpenSqliteStore().
  Status Init();

  Status ForEachIdentity(
      const std::function<void(std::string_view, uint64_t)>& fn) override;
  Result<WriteCounts> Add(std::span<const IngestRecord> batch) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<SearchFacets> Facets(const SearchQuery& query, size_t top) override;
  Result<SpeakerLinkCounts> LinkSpeakers() override;
  Result<std::vector<SpeakerSummary>> TopSpeakers(size_t n) override;
  Result<std::vector<QuoteRecord>> QuotesBySpeaker(std::string_view name,
                                                   size_t limit) override;
  Result<std::vector<ClaimGroup>> CompareClaims(size_t limit) override;
  Result<CorpusStats> Stats() override;
  Status Check() override;

 private:
  // The ranked claim events (src/corpus/claim_events.h); limit 0: all.
  Result<std::vector<ClaimEvent>> ClaimEvents(size_t limit);
  Status Migrate();
  // Add()'s steps (src/store/batch_writer.h): refuses a read-only store,
  // then BEGIN IMMEDIATE; loads the write-side caches; writes one document
  // and its rows; upserts the speaker label counts tallied since the batch
  // began; resets the cached statements, then COMMIT.
  Status BeginBatch() override;
  bool CachesLoaded() const override { return loaded_; }
  Status LoadCaches() override;
  void StartBatch() override { label_tally_.Clear(); }
  Status AddOne(const IngestRecord& r, WriteCounts* counts) override;
  Status WriteSpeakerLabels() override;
  Status CommitBatch() override;
  // AddOne()'s steps (src/store/document_writer.h), each through cached
  // statements; a document, quote and claim with their FTS5 rows.
  LinkIndex& link_index() override { return index_; }
  SpeakerLabelTally& label_tally() override { return label_tally_; }
  Result<bool> IsStored(std::string_view id, uint64_t content_hash) override;
  Result<int64_t> OutletId(std::string_view name) override;
  Result<int64_t> SpeakerId(std::string_view name,
                            std::string_view key) override;
  Result<int64_t> InsertDocument(const IngestRecord& r, int64_t outlet,
                                 int64_t duplicate_of, bool exact) override;
  Status InsertEntity(int64_t doc_row, const StoreRows::Entity& e) override;
  Status InsertSpeakerRole(int64_t speaker, const std::string& role) override;
  Result<int64_t> InsertQuote(const QuoteWrite& q, int64_t* cluster) override;
  Result<int64_t> InsertClaim(const ClaimWrite& c) override;
  Status InsertClaimContext(std::string_view group_key, std::string_view entity,
                            int64_t claim_row) override;
  // Steps a bound one-row query and resets it: the first column of its row
  // (0 when it returns none).
  Result<int64_t> FirstInt(Stmt* q, std::string_view what);
  // Rolls back an open transaction, drops the caches, returns `s`.
  Status Rollback(Status s) override;
  // Returns the cached statement for `sql`, preparing it once.
  // Keyed by the address of the SQL: callers pass string literals.
  Result<Stmt*> Get(const char* sql);

  sqlite3* db_;
  StoreOptions options_;
  std::unique_ptr<Checkpointer> checkpointer_;  // writable files only
  std::unordered_map<const char*, std::unique_ptr<Stmt>> statements_;
  std::unique_ptr<FtsHighlighter> highlighter_;  // made by the first Search

  // Write-side caches, loaded on the first Add() and dropped on rollback.
  bool loaded_ = false;
  LinkIndex index_;
  // No cache of stored identities: each document is looked up in the
  // UNIQUE(ext_id, content_hash) index (one B-tree probe), so nothing here
  // grows with the number of documents.
  std::unordered_map<std::string, int64_t> outlets_;  // ~500 at AllSides
  // Speaker name key -> id, bounded (StoreOptions::speaker_cache_entries;
  // ~50 bytes a speaker); a miss past the bound reads the name_key index.
  StringIdCache speakers_;
  uint64_t speaker_reads_ = 0;
  // Quotes per (speaker, label) of the batch in flight, written by
  // WriteSpeakerLabels() before its COMMIT.
  SpeakerLabelTally label_tally_;
  int64_t next_quote_id_ = 1;  // the id the next quote gets
};

}  // namespace sqlite_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SQLITE_STORE_IMPL_H_
