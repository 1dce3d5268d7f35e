// PostgresStore: the PostgreSQL CorpusStore behind OpenPostgresStore()
// (src/store/postgres_store.h), shared by the files that implement it:
//   postgres_store.cc   connection, statements, errors, the writer lock and
//                       the store factories;
//   postgres_schema.cc  the schema versions and their migration, Init();
//   postgres_writer.cc  Add(): documents and the rows of StoreRows
//                       (src/corpus/store_rows.h), the values the SQLite
//                       store writes too;
//   postgres_search.cc  Search() and Facets();
//   postgres_reads.cc   speakers, quotes, claim comparison, Stats, Check.
// Ownership: the store owns its PGconn (closed on destruction), its
// prepared statement names and the write-side caches (link index, outlet
// and speaker ids, each bounded by StoreOptions::speaker_cache_entries). One
// thread at a time: every method, reads included, uses the one connection.
// Compiled only with libpq (WHOSAID_HAVE_LIBPQ); include only from
// src/store/postgres_*.cc.
#ifndef WHOSAID_SRC_STORE_POSTGRES_STORE_IMPL_H_
#define WHOSAID_SRC_STORE_POSTGRES_STORE_IMPL_H_

#ifdef WHOSAID_HAVE_LIBPQ
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/corpus/claim_events.h"
#include "src/corpus/link_index.h"
#include "src/corpus/speaker_links.h"
#include "src/corpus/string_id_map.h"
#include "src/store/batch_writer.h"
#include "src/store/document_writer.h"
#include "src/store/pg_util.h"
#include "src/store/postgres_store.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace postgres_internal {

class PostgresStore : public CorpusStore,
                      private BatchWriter,
                      private DocumentWriter {
 public:
  PostgresStore(PGconn* conn, const StoreOptions& options,
                const PostgresOptions& pg)
      : conn_(conn),
        options_(options),
        pg_(pg),
        index_(options.corpus),
        outlets_(options.speaker_cache_entries),
        speakers_(options.speaker_cache_entries) {}
  ~PostgresStore() override { PQfinish(conn_); }

  // Checks the server and the schema version; migrates a writable corpus
  // (postgres_schema.cc). Called once, by OpenPostgresStore().
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
  // SearchQuery::max_ms as the session's statement_timeout while alive.
  class StatementTimeout {
   public:
    StatementTimeout(PostgresStore* store, int max_ms) : store_(store) {
      if (max_ms <= 0) return;
      std::string set = fmt::format("SET statement_timeout = {}", max_ms);
      PgResult r(PQexec(store_->conn_, set.c_str()));
      set_ = r.ok();
    }
    ~StatementTimeout() {
      if (set_) PgResult r(PQexec(store_->conn_, "SET statement_timeout = 0"));
    }
    StatementTimeout(const StatementTimeout&) = delete;
    StatementTimeout& operator=(const StatementTimeout&) = delete;

   private:
    PostgresStore* store_;
    bool set_ = false;
  };

  // Maps a failed result to a Status naming `what`.
  Status Error(const PGresult* r, std::string_view what);
  // Runs `sql` with `params` (PQexecParams); results in text format unless
  // `binary`.
  Result<PgResult> Run(std::string_view sql, const PgParams& params,
                       std::string_view what, bool binary = false);
  // Runs a statement prepared once per connection; `sql` must be a string
  // literal (its address is the key).
  Result<PgResult> RunPrepared(const char* sql, const PgParams& params,
                               std::string_view what);
  // Runs one or more statements without parameters or results.
  Status Exec(const char* sql, std::string_view what);
  // Calls fn(result, row) for every row of the query `sql` (no
  // parameters), read through a cursor StoreOptions::read_chunk_rows rows
  // per FETCH, so no more than that many rows are in memory at once
  // (results in binary format when `binary`). Inside the open transaction,
  // or in one of its own when none is open. Stops at fn's first error.
  using RowFn = std::function<Status(const PgResult&, int)>;
  Status Stream(std::string_view sql, std::string_view what, bool binary,
                const RowFn& fn);
  // The version in whosaid_migrations; *has_table false (and 0) when the
  // database has no corpus yet.
  Result<int> SchemaVersion(bool* has_table);
  // Brings the schema to the latest version in one transaction.
  Status Migrate();
  // Takes the session advisory lock of the one writer (waits up to
  // busy_timeout_ms); kept until the connection closes.
  Status AcquireWriterLock();
  // Opens a write transaction: refuses a read-only store, takes the writer
  // lock, then BEGIN (rolled back on failure).
  Status BeginWrite();
  // Add()'s steps (src/store/batch_writer.h): BeginWrite(); fills the
  // write-side caches from the stored corpus; writes one document and its
  // rows; upserts the speaker label counts tallied since the batch began;
  // COMMIT.
  Status BeginBatch() override { return BeginWrite(); }
  bool CachesLoaded() const override { return loaded_; }
  Status LoadCaches() override;
  void StartBatch() override { label_tally_.Clear(); }
  Status AddOne(const IngestRecord& r, WriteCounts* counts) override;
  Status WriteSpeakerLabels() override;
  Status CommitBatch() override {
    return Exec("COMMIT", "committing a transaction");
  }
  // AddOne()'s steps (src/store/document_writer.h), each one prepared
  // statement or more; the documents' tsvector is computed in their INSERT.
  // A name not in the bounded outlet or speaker cache is looked up in the
  // UNIQUE index once the cache has dropped names (ids never depend on the
  // bound).
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
  // The id of `key` in `cache`, else (when the cache is not complete) in
  // the store by `lookup` (one parameter: the key; counted in *reads); 0
  // when absent.
  Result<int64_t> CachedId(StringIdCache* cache, const char* lookup,
                           std::string_view key, std::string_view what,
                           uint64_t* reads);
  // Rolls back an open transaction, drops the caches, returns `s`.
  Status Rollback(Status s) override;

  PGconn* conn_;
  StoreOptions options_;
  PostgresOptions pg_;
  std::unordered_map<const char*, std::string> prepared_;
  bool writer_locked_ = false;

  // Write-side caches, loaded on the first Add() and dropped on rollback.
  bool loaded_ = false;
  LinkIndex index_;
  StringIdCache outlets_;       // name -> id
  StringIdCache speakers_;      // name key -> id
  uint64_t speaker_reads_ = 0;  // speakers looked up in the store
  uint64_t outlet_reads_ = 0;   // outlets looked up in the store
  // Quotes per (speaker, label) of the batch in flight, written by
  // WriteSpeakerLabels() before its COMMIT.
  SpeakerLabelTally label_tally_;
};

}  // namespace postgres_internal
}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
#endif  // WHOSAID_SRC_STORE_POSTGRES_STORE_IMPL_H_
