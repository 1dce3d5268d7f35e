// The SQLite CorpusStore (see include/whosaid/corpus.h).
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "src/base/utf8.h"
#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#include "src/corpus/link_index.h"
#include "src/corpus/speaker_links.h"
#include "src/corpus/store_rows.h"
#include "src/corpus/string_id_map.h"
#include "src/store/facet_counter.h"
#include "src/store/fts_highlight.h"
#include "src/store/schema.h"
#include "src/store/search_target.h"
#include "src/store/sqlite_util.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

// `s` as a LIKE pattern matching any text that contains it.
std::string ContainsPattern(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  p.push_back('%');
  return p;
}

// Copies committed WAL frames into the database file on its own thread and
// connection (PASSIVE checkpoints), so the writer never stalls on checkpoint
// I/O and fsync. Poke() after each commit; the destructor stops the thread.
class Checkpointer {
 public:
  static std::unique_ptr<Checkpointer> Start(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db);
      return nullptr;
    }
    // A connection learns that the file is in WAL mode on its first read;
    // until then every checkpoint is a no-op ("not in WAL mode"), which
    // let the WAL grow to the size of the whole corpus during an ingest.
    if (sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr,
                     nullptr, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db);
      return nullptr;
    }
    return std::unique_ptr<Checkpointer>(new Checkpointer(db));
  }
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    sqlite3_close_v2(db_);
  }
  void Poke() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      poked_ = true;
    }
    cv_.notify_all();
  }

 private:
  explicit Checkpointer(sqlite3* db) : db_(db) {
    thread_ = std::thread([this] { Loop(); });
  }
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return poked_ || stop_; });
      if (stop_) return;
      poked_ = false;
      lock.unlock();
      // Errors (busy, I/O) only delay the copy; the writer's connection
      // checkpoints whatever is left when it closes.
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                nullptr, nullptr);
      lock.lock();
    }
  }

  sqlite3* db_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool poked_ = false, stop_ = false;
  std::thread thread_;
};

class SqliteStore : public CorpusStore {
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
  Status LoadCaches();
  Status AddOne(const IngestRecord& r, WriteCounts* counts);
  // Upserts the speaker label counts tallied since the batch began.
  Status WriteSpeakerLabels();
  // Whether a document with this id and content hash is stored.
  Result<bool> IsStored(std::string_view id, uint64_t content_hash);
  // Steps a bound one-row query and resets it: the first column of its row
  // (0 when it returns none).
  Result<int64_t> FirstInt(Stmt* q, std::string_view what);
  Result<int64_t> OutletId(std::string_view name);
  Result<int64_t> SpeakerId(std::string_view name, std::string_view key);
  Status Rollback(Status s);
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

Result<Stmt*> SqliteStore::Get(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  auto stmt = std::make_unique<Stmt>();
  Status s = stmt->Prepare(db_, sql);
  if (!s.ok()) return s;
  Stmt* p = stmt.get();
  statements_.emplace(sql, std::move(stmt));
  return p;
}

Status SqliteStore::Init() {
  sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 0);
  // The first read fails with "file is not a database" on foreign files.
  Stmt st;
  Status s = st.Prepare(db_, "PRAGMA application_id");
  if (!s.ok()) return s;
  int rc = st.Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
  int app_id = static_cast<int>(st.Int(0));
  st.Reset();
  s = st.Prepare(db_, "PRAGMA user_version");
  if (!s.ok()) return s;
  rc = st.Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
  int version = static_cast<int>(st.Int(0));
  st.Reset();
  int latest = static_cast<int>(CorpusMigrations().size());
  if (version > latest) {
    return Status::Corruption(fmt::format(
        "{}: schema version {} is newer than this whosaid knows ({}); "
        "upgrade whosaid",
        options_.path, version, latest));
  }
  if (version > 0 && app_id != kCorpusApplicationId) {
    return Status::Corruption(
        fmt::format("{}: not a whosaid corpus", options_.path));
  }
  if (version == 0) {
    s = st.Prepare(db_, "SELECT count(*) FROM sqlite_master");
    if (!s.ok()) return s;
    rc = st.Step();
    if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading the database");
    bool foreign = st.Int(0) > 0;
    st.Reset();
    if (foreign) {
      return Status::Corruption(fmt::format(
          "{}: not a whosaid corpus (it has other tables)", options_.path));
    }
    // No tables at all: an ingest stopped before its first migration
    // committed (or an empty file). Nothing is damaged; there is simply no
    // corpus yet, as for a missing file.
    if (options_.read_only) {
      return Status::NotFound(fmt::format(
          "{}: an empty database, no corpus yet (fill it with `whosaid "
          "ingest`)",
          options_.path));
    }
  }
  if (options_.read_only) {
    if (version < latest) {
      return Status::Corruption(fmt::format(
          "{}: corpus schema version {} is older than {}; run `whosaid "
          "ingest` on it once to migrate",
          options_.path, version, latest));
    }
    return Exec(db_, "PRAGMA mmap_size=2147483648; PRAGMA query_only=1",
                "configuring the database");
  }
  if (options_.path != ":memory:") {
    s = Exec(db_, "PRAGMA journal_mode=WAL", "switching to WAL mode");
    if (!s.ok()) return s;
  }
  s = Exec(db_,
           fmt::format("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{};"
                       "PRAGMA wal_autocheckpoint=16384;"
                       "PRAGMA temp_store=MEMORY",
                       std::max<int64_t>(options_.cache_kib, 64)),
           "configuring the database");
  if (!s.ok()) return s;
  if (options_.path != ":memory:") {
    checkpointer_ = Checkpointer::Start(options_.path);
    if (checkpointer_) {
      s = Exec(db_, "PRAGMA wal_autocheckpoint=0", "configuring the database");
      if (!s.ok()) return s;
    }
  }
  if (options_.max_pages > 0) {
    s = Exec(db_, fmt::format("PRAGMA max_page_count={}", options_.max_pages),
             "configuring the database");
    if (!s.ok()) return s;
  }
  return Migrate();
}

Status SqliteStore::Migrate() {
  auto migrations = CorpusMigrations();
  for (;;) {
    Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a migration");
    if (!s.ok()) return s;
    Stmt st;
    s = st.Prepare(db_, "PRAGMA user_version");
    if (!s.ok()) return Rollback(s);
    int rc = st.Step();
    if (rc != SQLITE_ROW) return Rollback(SqliteStatus(db_, rc, "migrating"));
    size_t version = static_cast<size_t>(st.Int(0));
    st.Reset();
    if (version >= migrations.size()) return Exec(db_, "COMMIT", "migrating");
    s = Exec(db_, migrations[version],
             fmt::format("migrating the schema to version {}", version + 1));
    if (s.ok()) {
      s = Exec(db_,
               fmt::format("PRAGMA user_version={}; PRAGMA application_id={}",
                           version + 1, kCorpusApplicationId),
               "migrating");
    }
    if (s.ok()) s = Exec(db_, "COMMIT", "committing a migration");
    if (!s.ok()) return Rollback(s);
  }
}

Status SqliteStore::Rollback(Status s) {
  if (!sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  loaded_ = false;
  index_.Clear();
  outlets_.clear();
  speakers_.Clear();
  label_tally_.Clear();
  return s;
}

Status SqliteStore::ForEachIdentity(
    const std::function<void(std::string_view, uint64_t)>& fn) {
  auto st = Get("SELECT ext_id, content_hash FROM documents");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    fn(q->Text(0), static_cast<uint64_t>(q->Int(1)));
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading documents");
  return Status::OK();
}

Status SqliteStore::LoadCaches() {
  auto st =
      Get("SELECT id, text_hash, simhash, sketch FROM documents "
          "WHERE duplicate_of IS NULL ORDER BY id");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    DocumentFeatures f;
    f.text_hash = static_cast<uint64_t>(q->Int(1));
    f.has_simhash = !q->IsNull(2);
    f.simhash = static_cast<uint64_t>(q->Int(2));
    std::string_view blob = q->Blob(3);
    f.sketch.resize(blob.size() / sizeof(uint64_t));
    if (!f.sketch.empty()) {
      std::memcpy(f.sketch.data(), blob.data(),
                  f.sketch.size() * sizeof(uint64_t));
    }
    index_.AddDocument(q->Int(0), f);
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading documents");
  st =
      Get("SELECT cluster_id, content FROM quotes WHERE cluster_id IS NOT NULL "
          "ORDER BY id");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW) {
    index_.AddQuote(q->Int(0),
                    ComputeQuoteFeatures(q->Text(1), options_.corpus));
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading quotes");
  if (!index_.status().ok()) return index_.status();
  st = Get("SELECT coalesce(max(id), 0) + 1 FROM quotes");
  if (!st.ok()) return st.status();
  q = st.value();
  rc = q->Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading quotes");
  next_quote_id_ = q->Int(0);
  q->Reset();
  st = Get("SELECT id, name FROM outlets");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW) outlets_[q->String(1)] = q->Int(0);
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading outlets");
  st = Get("SELECT id, name_key FROM speakers");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW)
    speakers_.Insert(q->Text(1), q->Int(0));
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  loaded_ = true;
  return Status::OK();
}

Result<int64_t> SqliteStore::OutletId(std::string_view name) {
  if (name.empty()) return int64_t{0};
  auto it = outlets_.find(std::string(name));
  if (it != outlets_.end()) return it->second;
  auto st = Get("INSERT INTO outlets(name) VALUES (?1)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, name);
  Status s = st.value()->Run("adding an outlet");
  if (!s.ok()) return s;
  int64_t id = sqlite3_last_insert_rowid(db_);
  outlets_.emplace(std::string(name), id);
  return id;
}

Result<int64_t> SqliteStore::SpeakerId(std::string_view name,
                                       std::string_view key) {
  if (key.empty()) return int64_t{0};
  if (int64_t id = speakers_.Find(key); id != 0) return id;
  if (!speakers_.complete()) {  // it may be stored and dropped from memory
    auto st = Get("SELECT id FROM speakers WHERE name_key = ?1");
    if (!st.ok()) return st.status();
    st.value()->Bind(1, key);
    auto found = FirstInt(st.value(), "looking up a speaker");
    if (!found.ok()) return found.status();
    ++speaker_reads_;
    if (const int64_t id = found.value(); id != 0) {
      speakers_.Insert(key, id);
      return id;
    }
  }
  auto st = Get("INSERT INTO speakers(name, name_key) VALUES (?1, ?2)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, name);
  st.value()->Bind(2, key);
  Status s = st.value()->Run("adding a speaker");
  if (!s.ok()) return s;
  int64_t id = sqlite3_last_insert_rowid(db_);
  speakers_.Insert(key, id);
  return id;
}

Result<WriteCounts> SqliteStore::Add(std::span<const IngestRecord> batch) {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a transaction");
  if (!s.ok()) return s;
  if (!loaded_) {
    s = LoadCaches();
    if (!s.ok()) return Rollback(s);
  }
  WriteCounts counts;
  label_tally_.Clear();
  for (const IngestRecord& r : batch) {
    if (!r.doc.error.ok()) continue;
    s = AddOne(r, &counts);
    if (!s.ok()) return Rollback(s);
  }
  // The batch's label counts: one upsert per (speaker, label), not one per
  // (speaker, label, document).
  s = WriteSpeakerLabels();
  if (!s.ok()) return Rollback(s);
  // A cached statement left on a row keeps the connection's read snapshot
  // open past COMMIT; the checkpointer can then never copy WAL frames past
  // it, and the WAL grew to the size of the whole corpus.
  for (auto& [sql, stmt] : statements_) stmt->Reset();
  s = Exec(db_, "COMMIT", "committing a transaction");
  if (!s.ok()) return Rollback(s);
  if (checkpointer_) checkpointer_->Poke();
  counts.link = index_.counters();
  int cur = 0, high = 0;
  if (sqlite3_db_status(db_, SQLITE_DBSTATUS_CACHE_USED, &cur, &high, 0) ==
      SQLITE_OK) {
    counts.store.page_cache_bytes = static_cast<uint64_t>(cur);
  }
  uint64_t statement_bytes = 0;
  for (int op : {SQLITE_DBSTATUS_STMT_USED, SQLITE_DBSTATUS_SCHEMA_USED}) {
    if (sqlite3_db_status(db_, op, &cur, &high, 0) == SQLITE_OK) {
      statement_bytes += static_cast<uint64_t>(cur);
    }
  }
  counts.store.statement_bytes = statement_bytes;
  counts.store.cache_bytes = speakers_.memory_bytes();
  for (const auto& [name, id] : outlets_) {
    counts.store.cache_bytes += sizeof(name) + sizeof(id) + 16 +
                                (name.size() > 15 ? name.capacity() + 1 : 0);
  }
  counts.store.speakers_cached = speakers_.size();
  counts.store.speaker_reads = speaker_reads_;
  return counts;
}

Result<bool> SqliteStore::IsStored(std::string_view id, uint64_t content_hash) {
  auto st =
      Get("SELECT 1 FROM documents WHERE ext_id = ?1 AND content_hash = ?2");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->Bind(1, id);
  q->Bind(2, static_cast<int64_t>(content_hash));
  auto found = FirstInt(q, "looking up a document");
  if (!found.ok()) return found.status();
  return found.value() != 0;
}

Result<int64_t> SqliteStore::FirstInt(Stmt* q, std::string_view what) {
  const int rc = q->Step();
  const int64_t value = rc == SQLITE_ROW ? q->Int(0) : 0;
  q->Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteStatus(db_, rc, what);
  return value;
}

Status SqliteStore::WriteSpeakerLabels() {
  if (label_tally_.empty()) return Status::OK();
  auto st =
      Get("INSERT INTO speaker_labels(speaker_id, label, quotes) "
          "VALUES (?1, ?2, ?3) ON CONFLICT(speaker_id, label) "
          "DO UPDATE SET quotes = quotes + excluded.quotes");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  for (const SpeakerLabelTally::Count& c : label_tally_.Take()) {
    q->Bind(1, c.speaker);
    // "" not NULL: an unknown label's view may have no data pointer.
    q->BindStatic(2, c.label.empty() ? std::string_view("") : c.label);
    q->Bind(3, c.quotes);
    Status s = q->Run("counting a speaker's labels");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status SqliteStore::AddOne(const IngestRecord& r, WriteCounts* counts) {
  const Document& doc = r.doc;
  const DocumentFeatures& f = r.features;
  auto stored = IsStored(doc.id, f.content_hash);
  if (!stored.ok()) return stored.status();
  if (stored.value()) {
    ++counts->skipped;
    return Status::OK();
  }
  auto outlet = OutletId(doc.site);
  if (!outlet.ok()) return outlet.status();
  bool exact = false;
  int64_t dup = index_.FindDuplicate(f, &exact);
  if (!index_.status().ok()) return index_.status();

  auto st =
      Get("INSERT INTO documents(ext_id, content_hash, url, title, published, "
          "author, outlet_id, text, text_hash, simhash, duplicate_of, "
          "duplicate_kind, sketch, input_delta) VALUES "
          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->BindStatic(1, doc.id);
  q->Bind(2, static_cast<int64_t>(f.content_hash));
  q->BindStatic(3, doc.url);
  q->BindStatic(4, doc.title);
  q->BindStatic(5, doc.published);
  q->BindStatic(6, doc.author);
  q->BindOrNull(7, outlet.value());
  q->BindStatic(8, doc.text);
  q->Bind(9, static_cast<int64_t>(f.text_hash));
  if (f.has_simhash) {
    q->Bind(10, static_cast<int64_t>(f.simhash));
  } else {
    q->BindNull(10);
  }
  q->BindOrNull(11, dup);
  if (dup) {
    q->Bind(12, std::string_view(exact ? "exact" : "near"));
  } else {
    q->BindNull(12);
  }
  if (f.has_simhash) {
    q->BindBlob(13, f.sketch.data(), f.sketch.size() * sizeof(uint64_t));
  } else {
    q->BindNull(13);
  }
  if (f.has_input_delta) {
    q->BindBlob(14, f.input_delta.data(), f.input_delta.size());
  } else {
    q->BindNull(14);
  }
  Status s = q->Run("adding a document");
  if (!s.ok()) return s;
  int64_t row = sqlite3_last_insert_rowid(db_);
  ++counts->added;
  if (dup) {
    ++counts->duplicates;
    return Status::OK();
  }
  index_.AddDocument(row, f);
  if (!index_.status().ok()) return index_.status();

  st = Get("INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  q = st.value();
  q->Bind(1, row);
  q->BindStatic(2, doc.title);
  q->BindStatic(3, doc.text);
  s = q->Run("indexing a document");
  if (!s.ok()) return s;

  if (doc.entities.empty() && doc.quotes.empty() && doc.claims.empty()) {
    return Status::OK();
  }
  StoreRows scratch;
  const StoreRows& rows = RowsFor(doc, f.rows, &scratch);

  // Entities: one row per group (or per distinct unresolved mention).
  if (!rows.entities.empty()) {
    st =
        Get("INSERT INTO entities(doc_id, label, name, mentions, first_begin, "
            "first_end) VALUES (?1,?2,?3,?4,?5,?6)");
    if (!st.ok()) return st.status();
    q = st.value();
    for (const StoreRows::Entity& g : rows.entities) {
      q->Bind(1, row);
      q->BindStatic(2, std::string_view(EntityLabelName(g.label)));
      q->BindStatic(3, g.name);
      q->Bind(4, g.mentions);
      q->Bind(5, g.first_begin);
      q->Bind(6, g.first_end);
      s = q->Run("adding an entity");
      if (!s.ok()) return s;
    }
  }

  // Quotes, their speakers and clusters.
  std::vector<int64_t> quote_rows(doc.quotes.size(), 0);
  std::vector<int64_t> quote_speakers(doc.quotes.size(), 0);
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Attribution& a = doc.quotes[i];
    const StoreRows::Quote& qr = rows.quotes[i];
    const std::string& content = qr.content;
    std::string_view key =
        i < f.speaker_keys.size() ? f.speaker_keys[i] : std::string_view();
    auto speaker = SpeakerId(a.speaker_name, key);
    if (!speaker.ok()) return speaker.status();
    quote_speakers[i] = speaker.value();
    if (speaker.value()) label_tally_.Add(speaker.value(), qr.speaker_label);
    if (speaker.value() && a.speaker_group >= 0 &&
        static_cast<size_t>(a.speaker_group) < doc.groups.size()) {
      auto rs =
          Get("INSERT OR IGNORE INTO speaker_roles(speaker_id, role) "
              "VALUES (?1, ?2)");
      if (!rs.ok()) return rs.status();
      for (const std::string& role : doc.groups[a.speaker_group].roles) {
        rs.value()->Bind(1, speaker.value());
        rs.value()->Bind(2, role);
        s = rs.value()->Run("adding a speaker role");
        if (!s.ok()) return s;
      }
    }
    static const QuoteFeatures kNoFeatures;
    const QuoteFeatures& qf = i < f.quotes.size() ? f.quotes[i] : kNoFeatures;
    int64_t cluster = qf.shingles.empty() ? 0 : index_.FindCluster(qf);
    if (!index_.status().ok()) return index_.status();
    bool new_cluster = !qf.shingles.empty() && cluster == 0;

    // The quote's row id is known before it is written (ids are dense and
    // only this writer adds quotes), so a new cluster is written first and
    // the quote once, already pointing at it.
    const int64_t quote_row = next_quote_id_;
    if (new_cluster) {
      auto cs =
          Get("INSERT INTO quote_clusters(first_quote, representative) "
              "VALUES (?1, ?2)");
      if (!cs.ok()) return cs.status();
      cs.value()->Bind(1, quote_row);
      cs.value()->BindStatic(2, content);
      s = cs.value()->Run("adding a quote cluster");
      if (!s.ok()) return s;
      cluster = sqlite3_last_insert_rowid(db_);
    }
    st = Get(
        "INSERT INTO quotes(id, doc_id, content, cue, speaker_mention, "
        "speaker_name, speaker_id, kind, score, content_begin, content_end, "
        "cue_begin, cue_end, speaker_begin, speaker_end, cluster_id) VALUES "
        "(?16,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
    if (!st.ok()) return st.status();
    q = st.value();
    q->Bind(1, row);
    q->BindStatic(2, content);
    q->BindStatic(3, doc.Text(a.cue));
    q->BindStatic(4, doc.Text(a.speaker));
    q->BindStatic(5, a.speaker_name);
    q->BindOrNull(6, speaker.value());
    q->BindStatic(7, std::string_view(QuoteKindName(a.kind)));
    q->Bind(8, static_cast<double>(a.score));
    q->Bind(9, qr.content_begin);
    q->Bind(10, qr.content_end);
    if (qr.cue_begin >= 0) {
      q->Bind(11, qr.cue_begin);
      q->Bind(12, qr.cue_end);
    }
    if (qr.speaker_begin >= 0) {
      q->Bind(13, qr.speaker_begin);
      q->Bind(14, qr.speaker_end);
    }
    q->BindOrNull(15, cluster);
    q->Bind(16, quote_row);
    s = q->Run("adding a quote");
    if (!s.ok()) return s;
    ++next_quote_id_;
    quote_rows[i] = quote_row;
    ++counts->quotes;
    index_.AddQuote(cluster, qf);
    if (!index_.status().ok()) return index_.status();
    st = Get("INSERT INTO quote_fts(rowid, content) VALUES (?1, ?2)");
    if (!st.ok()) return st.status();
    st.value()->Bind(1, quote_row);
    st.value()->BindStatic(2, content);
    s = st.value()->Run("indexing a quote");
    if (!s.ok()) return s;
  }

  // Claims.
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    const StoreRows::Claim& cr = rows.claims[i];
    bool in_quote = c.attribution >= 0 &&
                    static_cast<size_t>(c.attribution) < quote_rows.size();
    st =
        Get("INSERT INTO claims(doc_id, text, value, low, high, is_range, "
            "value_key, unit, counted, group_key, approx, change, source_name, "
            "speaker_id, quote_id, span_begin, span_end) VALUES "
            "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
    if (!st.ok()) return st.status();
    q = st.value();
    q->Bind(1, row);
    q->BindStatic(2, doc.Text(c.span));
    q->Bind(3, c.value);
    q->Bind(4, c.is_range ? c.low : c.value);
    q->Bind(5, c.is_range ? c.high : c.value);
    q->Bind(6, int64_t{c.is_range});
    q->BindStatic(7, cr.value_key);
    q->BindStatic(8, c.unit);
    q->BindStatic(9, doc.Text(c.counted));
    q->Bind(10, i < f.claim_keys.size() ? std::string_view(f.claim_keys[i])
                                        : std::string_view());
    q->BindStatic(11, c.approx);
    q->BindStatic(12, c.change);
    q->BindStatic(13, cr.source);
    q->BindOrNull(14, in_quote ? quote_speakers[c.attribution] : 0);
    q->BindOrNull(15, in_quote ? quote_rows[c.attribution] : 0);
    q->Bind(16, cr.span_begin);
    q->Bind(17, cr.span_end);
    s = q->Run("adding a claim");
    if (!s.ok()) return s;
    int64_t claim_row = sqlite3_last_insert_rowid(db_);
    ++counts->claims;
    if (i < f.claim_keys.size() && !f.claim_keys[i].empty() &&
        i < f.claim_contexts.size()) {
      st =
          Get("INSERT OR IGNORE INTO claim_context(group_key, entity, "
              "claim_id) VALUES (?1, ?2, ?3)");
      if (!st.ok()) return st.status();
      for (const std::string& entity : f.claim_contexts[i]) {
        st.value()->BindStatic(1, f.claim_keys[i]);
        st.value()->BindStatic(2, entity);
        st.value()->Bind(3, claim_row);
        s = st.value()->Run("adding a claim context");
        if (!s.ok()) return s;
      }
    }
    st = Get("INSERT INTO claim_fts(rowid, text, counted) VALUES (?1,?2,?3)");
    if (!st.ok()) return st.status();
    st.value()->Bind(1, claim_row);
    st.value()->BindStatic(2, doc.Text(c.span));
    st.value()->BindStatic(3, doc.Text(c.counted));
    s = st.value()->Run("indexing a claim");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// Maps an error of a search statement: the SQL is fixed and prepared, so a
// plain SQLITE_ERROR while stepping comes from the user's FTS5 query
// (syntax, unknown column, bare "*"); corruption and I/O keep their codes.
Status QueryStatus(sqlite3* db, int rc, std::string_view match) {
  if ((rc & 0xFF) == SQLITE_INTERRUPT) {
    return Status::LimitExceeded("the search took longer than its time limit");
  }
  if ((rc & 0xFF) == SQLITE_ERROR) {
    return Status::InvalidArgument(fmt::format(
        "search query '{}' is not valid FTS5 syntax ({}); put words in "
        "double quotes to search them literally",
        match, sqlite3_errmsg(db)));
  }
  return SqliteStatus(db, rc, "searching");
}

// The joins and filter conditions (parameters ?5..?9) of a search on
// `target`, shared by Search() and Facets().
struct SearchSql {
  std::string_view fts, from;
  std::string where;
};

SearchSql SearchFilters(SearchQuery::Target target, const SearchQuery& query) {
  using Target = SearchQuery::Target;
  SearchSql sql;
  if (target == Target::kDocuments) {
    sql.fts = "doc_fts";
    sql.from =
        " JOIN documents d ON d.id = doc_fts.rowid "
        "LEFT JOIN outlets o ON o.id = d.outlet_id";
  } else if (target == Target::kQuotes) {
    sql.fts = "quote_fts";
    sql.from =
        " JOIN quotes q ON q.id = quote_fts.rowid "
        "JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id "
        "LEFT JOIN speakers ls ON ls.id = s.linked_to";
  } else {
    sql.fts = "claim_fts";
    sql.from =
        " JOIN claims c ON c.id = claim_fts.rowid "
        "JOIN documents d ON d.id = c.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id";
  }
  std::string& where = sql.where;
  if (!query.outlet.empty()) where += " AND o.name LIKE ?5 ESCAPE '\\'";
  // Undated documents never pass a date filter.
  if (!query.since.empty()) {
    where += " AND d.published != '' AND substr(d.published, 1, 10) >= ?6";
  }
  if (!query.until.empty()) {
    where += " AND d.published != '' AND substr(d.published, 1, 10) <= ?7";
  }
  if (!query.speaker.empty()) {
    where += target == Target::kQuotes
                 ? " AND (coalesce(s.name, q.speaker_name) LIKE ?8 "
                   "ESCAPE '\\' OR ls.name LIKE ?8 ESCAPE '\\')"
                 : " AND c.source_name LIKE ?8 ESCAPE '\\'";
  }
  if (!query.kind.empty()) where += " AND q.kind = ?9";
  return sql;
}

void BindFilters(const SearchQuery& query, Stmt* st) {
  if (!query.outlet.empty()) st->Bind(5, ContainsPattern(query.outlet));
  if (!query.since.empty()) st->Bind(6, query.since);
  if (!query.until.empty()) st->Bind(7, query.until);
  if (!query.speaker.empty()) st->Bind(8, ContainsPattern(query.speaker));
  if (!query.kind.empty()) st->Bind(9, query.kind);
}

// SearchQuery::max_ms: the progress handler interrupts the statements of
// one search once the deadline has passed; removed on destruction.
class SearchDeadline {
 public:
  SearchDeadline(sqlite3* db, int max_ms) : db_(db) {
    if (max_ms <= 0) return;
    at_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
    sqlite3_progress_handler(db_, 1000, &SearchDeadline::Check, this);
    set_ = true;
  }
  ~SearchDeadline() {
    if (set_) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  }
  SearchDeadline(const SearchDeadline&) = delete;
  SearchDeadline& operator=(const SearchDeadline&) = delete;

 private:
  static int Check(void* self) {
    return std::chrono::steady_clock::now() >
           static_cast<SearchDeadline*>(self)->at_;
  }
  sqlite3* db_;
  std::chrono::steady_clock::time_point at_;
  bool set_ = false;
};

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  using Target = SearchQuery::Target;
  auto resolved = ResolveSearchTarget(query);
  if (!resolved.ok()) return resolved.status();
  const Target target = resolved.value();
  // Two steps. (1) Rank: the best `limit` rowids by bm25 over the FTS table,
  // joined to the metadata only when a filter needs it (so a common word
  // costs one bm25 per match and nothing else). (2) Show: metadata and a
  // snippet for each of those rows only.
  const SearchSql filters = SearchFilters(target, query);
  // The show step reads rows by id (no MATCH: see FtsHighlighter) and
  // marks the query's terms in column 6 itself.
  std::string_view target_name, show;
  size_t snippet_tokens = 24;
  if (target == Target::kDocuments) {
    target_name = "document";
    snippet_tokens = 16;
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), d.text, '', '', 0 FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?4";
  } else if (target == Target::kQuotes) {
    target_name = "quote";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), q.content, "
        "coalesce(ls.name, s.name, q.speaker_name), q.kind, "
        "coalesce(q.cluster_id, 0) "
        "FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id "
        "LEFT JOIN speakers ls ON ls.id = s.linked_to WHERE q.id = ?4";
  } else {
    target_name = "claim";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), c.text, c.source_name, '', 0 FROM claims c "
        "JOIN documents d ON d.id = c.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.id = ?4";
  }
  std::string_view joins =
      filters.where.empty() ? std::string_view() : filters.from;
  SearchDeadline deadline(db_, query.max_ms);
  // (0) Bound: past max_ranked matches, rank only the newest max_ranked
  // (FTS5 walks rowids in descending order and stops after the OFFSET, so
  // this costs max_ranked steps, not one per match). The row after the
  // max_ranked-th tells whether there are more.
  int64_t min_rowid = 0;
  // Never fewer candidates than hits asked for.
  const size_t max_ranked =
      query.max_ranked > 0 ? std::max(query.max_ranked, query.limit) : 0;
  if (max_ranked > 0) {
    Stmt bound;
    Status s = bound.Prepare(
        db_, fmt::format("SELECT {0}.rowid FROM {0}{1} WHERE {0} MATCH ?1{2} "
                         "ORDER BY {0}.rowid DESC LIMIT 2 OFFSET ?4",
                         filters.fts, joins, filters.where));
    if (!s.ok()) return s;
    bound.Bind(1, query.match);
    bound.Bind(4, static_cast<int64_t>(max_ranked - 1));
    BindFilters(query, &bound);
    int rc = bound.Step();
    const int64_t last = rc == SQLITE_ROW ? bound.Int(0) : 0;
    if (rc == SQLITE_ROW) rc = bound.Step();
    if (rc == SQLITE_ROW) {
      min_rowid = last;
    } else if (rc != SQLITE_DONE) {
      return QueryStatus(db_, rc, query.match);
    }
  }
  // Titles weigh 3x in document ranking.
  std::string weights = target == Target::kDocuments ? ", 3.0, 1.0" : "";
  // Duplicates are not in the FTS tables, so nothing is listed twice.
  std::string rank_sql = fmt::format(
      "SELECT {0}.rowid, bm25({0}{1}) AS score FROM {0}{2} WHERE {0} MATCH ?1"
      "{3}{4} ORDER BY score LIMIT ?4",
      filters.fts, weights, joins, filters.where,
      min_rowid > 0 ? fmt::format(" AND {}.rowid >= ?10", filters.fts)
                    : std::string());

  Stmt rank;
  Status s = rank.Prepare(db_, rank_sql);
  if (!s.ok()) return s;
  rank.Bind(1, query.match);
  rank.Bind(4, static_cast<int64_t>(query.limit));
  if (min_rowid > 0) rank.Bind(10, min_rowid);
  BindFilters(query, &rank);
  std::vector<std::pair<int64_t, double>> top;
  int rc;
  while ((rc = rank.Step()) == SQLITE_ROW) {
    top.emplace_back(rank.Int(0), rank.Double(1));
  }
  if (rc != SQLITE_DONE) return QueryStatus(db_, rc, query.match);

  Stmt st;
  s = st.Prepare(db_, show);
  if (!s.ok()) return s;
  if (highlighter_ == nullptr) {
    auto h = FtsHighlighter::Create(db_);
    if (!h.ok()) return h.status();
    highlighter_ = std::move(h).value();
  }
  const std::vector<FtsHighlighter::Term> terms =
      highlighter_->Terms(query.match);
  std::vector<SearchHit> hits;
  for (const auto& [rowid, score] : top) {
    st.Bind(4, rowid);
    rc = st.Step();
    if (rc == SQLITE_ROW) {
      SearchHit h;
      h.target = target_name;
      h.doc_row = st.Int(0);
      h.doc_id = st.String(1);
      h.title = st.String(2);
      h.url = st.String(3);
      h.published = st.String(4);
      h.outlet = st.String(5);
      h.snippet = highlighter_->Snippet(st.Text(6), terms, query.highlight_open,
                                        query.highlight_close, snippet_tokens);
      h.score = score;
      h.speaker = st.String(7);
      h.kind = st.String(8);
      h.cluster = st.Int(9);
      h.ranked_among = min_rowid > 0 ? max_ranked : 0;
      hits.push_back(std::move(h));
    } else if (rc != SQLITE_DONE) {
      return QueryStatus(db_, rc, query.match);
    }
    st.Reset();
  }
  return hits;
}

Result<SearchFacets> SqliteStore::Facets(const SearchQuery& query, size_t top) {
  using Target = SearchQuery::Target;
  auto resolved = ResolveSearchTarget(query);
  if (!resolved.ok()) return resolved.status();
  const Target target = resolved.value();
  const SearchSql filters = SearchFilters(target, query);
  // One grouped pass over every match: the FTS index gives the rowids, the
  // metadata join the facet keys.
  std::string_view keys =
      target == Target::kDocuments
          ? "coalesce(o.name, ''), substr(d.published, 1, 7), '', ''"
      : target == Target::kQuotes
          ? "coalesce(o.name, ''), substr(d.published, 1, 7), "
            "coalesce(ls.name, s.name, q.speaker_name), q.kind"
          : "coalesce(o.name, ''), substr(d.published, 1, 7), "
            "c.source_name, ''";
  std::string sql = fmt::format(
      "SELECT {0}, count(*) FROM {1}{2} WHERE {1} MATCH ?1{3} "
      "GROUP BY 1, 2, 3, 4",
      keys, filters.fts, filters.from, filters.where);
  SearchDeadline deadline(db_, query.max_ms);
  Stmt st;
  Status s = st.Prepare(db_, sql);
  if (!s.ok()) return s;
  st.Bind(1, query.match);
  BindFilters(query, &st);
  FacetCounter counter;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::string_view month = st.Text(1);
    counter.Add(st.Text(0), month.size() == 7 ? month : std::string_view(),
                st.Text(2), st.Text(3), static_cast<size_t>(st.Int(4)));
  }
  if (rc != SQLITE_DONE) return QueryStatus(db_, rc, query.match);
  return counter.Finish(top);
}

Result<SpeakerLinkCounts> SqliteStore::LinkSpeakers() {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a transaction");
  if (!s.ok()) return s;
  // Speakers, ordered by id; then their label counts in the same order.
  std::vector<SpeakerLinkRow> rows;
  std::vector<std::pair<std::string, int64_t>> stored;  // label, linked_to
  {
    Stmt st;
    s = st.Prepare(db_,
                   "SELECT id, name_key, label, coalesce(linked_to, 0) "
                   "FROM speakers ORDER BY id");
    if (!s.ok()) return Rollback(s);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      rows.push_back({st.Int(0), st.String(1), "", 0});
      stored.emplace_back(st.String(2), st.Int(3));
    }
    if (rc != SQLITE_DONE) {
      return Rollback(SqliteStatus(db_, rc, "reading speakers"));
    }
    s = st.Prepare(db_,
                   "SELECT speaker_id, label, quotes FROM speaker_labels "
                   "ORDER BY speaker_id");
    if (!s.ok()) return Rollback(s);
    size_t i = 0;
    std::vector<std::pair<std::string, size_t>> counts;
    auto finish = [&] {
      if (i < rows.size()) rows[i].label = MajorityLabel(counts);
      counts.clear();
    };
    while ((rc = st.Step()) == SQLITE_ROW) {
      const int64_t id = st.Int(0);
      while (i < rows.size() && rows[i].id < id) finish(), ++i;
      if (i == rows.size() || rows[i].id != id) continue;  // no such speaker
      const auto n = static_cast<size_t>(st.Int(2));
      rows[i].quotes += n;
      counts.emplace_back(st.String(1), n);
    }
    finish();
    if (rc != SQLITE_DONE) {
      return Rollback(SqliteStatus(db_, rc, "reading speaker labels"));
    }
  }
  SpeakerLinkCounts counts;
  const std::vector<int64_t> links =
      whosaid::LinkSpeakers(rows, options_.corpus, &counts);
  Stmt up;
  s = up.Prepare(db_,
                 "UPDATE speakers SET label = ?2, linked_to = ?3 "
                 "WHERE id = ?1");
  if (!s.ok()) return Rollback(s);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (stored[i].first == rows[i].label && stored[i].second == links[i]) {
      continue;
    }
    up.Bind(1, rows[i].id);
    up.Bind(2, rows[i].label);
    up.BindOrNull(3, links[i]);
    s = up.Run("linking a speaker");
    if (!s.ok()) return Rollback(s);
    ++counts.changed;
  }
  up.Reset();
  s = Exec(db_, "COMMIT", "committing the speaker links");
  if (!s.ok()) return Rollback(s);
  if (checkpointer_) checkpointer_->Poke();
  return counts;
}

Result<std::vector<SpeakerSummary>> SqliteStore::TopSpeakers(size_t n) {
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT c.id, c.name, count(*) AS n, count(DISTINCT q.doc_id), "
      "count(DISTINCT d.outlet_id) FROM quotes q "
      "JOIN speakers s ON s.id = q.speaker_id "
      "JOIN speakers c ON c.id = coalesce(s.linked_to, s.id) "
      "JOIN documents d ON d.id = q.doc_id "
      "GROUP BY c.id ORDER BY n DESC, c.name LIMIT ?1");
  if (!s.ok()) return s;
  st.Bind(1, static_cast<int64_t>(n));
  Stmt roles;
  s = roles.Prepare(db_,
                    "SELECT DISTINCT role FROM speaker_roles WHERE speaker_id "
                    "IN (SELECT id FROM speakers WHERE id = ?1 "
                    "UNION ALL SELECT id FROM speakers WHERE linked_to = ?1) "
                    "ORDER BY role");
  if (!s.ok()) return s;
  std::vector<SpeakerSummary> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SpeakerSummary sp;
    sp.id = st.Int(0);
    sp.name = st.String(1);
    sp.quotes = static_cast<size_t>(st.Int(2));
    sp.documents = static_cast<size_t>(st.Int(3));
    sp.outlets = static_cast<size_t>(st.Int(4));
    roles.Bind(1, sp.id);
    int rrc;
    while ((rrc = roles.Step()) == SQLITE_ROW)
      sp.roles.push_back(roles.String(0));
    roles.Reset();
    if (rrc != SQLITE_DONE) return SqliteStatus(db_, rrc, "reading roles");
    out.push_back(std::move(sp));
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  return out;
}

Result<std::vector<QuoteRecord>> SqliteStore::QuotesBySpeaker(
    std::string_view name, size_t limit) {
  std::vector<int64_t> ids;
  for (int pass = 0; pass < 2 && ids.empty(); ++pass) {
    Stmt st;
    Status s = st.Prepare(
        db_, pass == 0 ? "SELECT coalesce(linked_to, id) FROM speakers "
                         "WHERE name_key = ?1"
                       : "SELECT coalesce(linked_to, id) FROM speakers "
                         "WHERE name LIKE ?1 ESCAPE '\\' ORDER BY id");
    if (!s.ok()) return s;
    st.Bind(1, pass == 0 ? NormalizeText(name) : ContainsPattern(name));
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      // Several matching names may share one identity: each once.
      if (std::find(ids.begin(), ids.end(), st.Int(0)) == ids.end()) {
        ids.push_back(st.Int(0));
      }
    }
    if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  }
  Stmt st;
  Status s =
      st.Prepare(db_,
                 "SELECT q.id, q.content, q.cue, q.speaker_mention, "
                 "coalesce(ls.name, s.name, q.speaker_name), q.kind, "
                 "q.content_begin, q.content_end, d.ext_id, d.title, d.url, "
                 "d.published, "
                 "coalesce(o.name, ''), coalesce(q.cluster_id, 0), "
                 "(SELECT count(DISTINCT d2.outlet_id) FROM quotes q2 "
                 " JOIN documents d2 ON d2.id = q2.doc_id "
                 " WHERE q2.cluster_id = q.cluster_id) "
                 "FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                 "LEFT JOIN speakers ls ON ls.id = s.linked_to "
                 "JOIN documents d ON d.id = q.doc_id "
                 "LEFT JOIN outlets o ON o.id = d.outlet_id "
                 "WHERE q.speaker_id IN (SELECT id FROM speakers WHERE id = ?1 "
                 "UNION ALL SELECT id FROM speakers WHERE linked_to = ?1) "
                 "ORDER BY d.published, q.id LIMIT ?2");
  if (!s.ok()) return s;
  std::vector<QuoteRecord> out;
  for (int64_t id : ids) {
    if (out.size() >= limit) break;
    st.Bind(1, id);
    st.Bind(2, static_cast<int64_t>(limit - out.size()));
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      QuoteRecord r;
      r.id = st.Int(0);
      r.content = st.String(1);
      r.cue = st.String(2);
      r.speaker_mention = st.String(3);
      r.speaker = st.String(4);
      r.kind = st.String(5);
      r.begin = static_cast<uint32_t>(st.Int(6));
      r.end = static_cast<uint32_t>(st.Int(7));
      r.doc_id = st.String(8);
      r.title = st.String(9);
      r.url = st.String(10);
      r.published = st.String(11);
      r.outlet = st.String(12);
      r.cluster = st.Int(13);
      r.cluster_outlets = r.cluster ? static_cast<size_t>(st.Int(14)) : 0;
      out.push_back(std::move(r));
    }
    st.Reset();
    if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading quotes");
  }
  return out;
}

Result<std::vector<ClaimEvent>> SqliteStore::ClaimEvents(size_t limit) {
  // Only quantities that disagree across outlets at all can hold an event
  // that does: the rest is filtered in SQL.
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT x.group_key, x.entity, x.claim_id, c.value_key, "
      "coalesce(d.outlet_id, 0), d.published FROM claim_context x "
      "JOIN claims c ON c.id = x.claim_id "
      "JOIN documents d ON d.id = c.doc_id "
      "WHERE x.group_key IN (SELECT c2.group_key FROM claims c2 "
      "  JOIN documents d2 ON d2.id = c2.doc_id WHERE c2.group_key != '' "
      "  GROUP BY c2.group_key HAVING count(DISTINCT c2.value_key) > 1 "
      "  AND count(DISTINCT d2.outlet_id) > 1)");
  if (!s.ok()) return s;
  std::vector<ClaimContextRow> rows;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    rows.push_back({st.String(0), st.String(1), st.Int(2), st.String(3),
                    st.Int(4), st.String(5)});
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading claims");
  return FindClaimEvents(std::move(rows), options_.corpus.claim_window_days,
                         limit);
}

Result<std::vector<ClaimGroup>> SqliteStore::CompareClaims(size_t limit) {
  auto events = ClaimEvents(limit);
  if (!events.ok()) return events.status();
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT c.counted, c.unit, c.value, c.low, c.high, c.is_range, c.text, "
      "c.source_name, c.approx, d.ext_id, d.title, d.url, d.published, "
      "coalesce(o.name, '') FROM claims c "
      "JOIN documents d ON d.id = c.doc_id "
      "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.id = ?1");
  if (!s.ok()) return s;
  std::vector<ClaimGroup> out;
  for (const ClaimEvent& ev : events.value()) {
    ClaimGroup g;
    g.key = ev.key;
    g.distinct_values = ev.values;
    g.context = ev.entities;
    g.from = ev.from;
    g.to = ev.to;
    for (int64_t id : ev.claim_ids) {
      st.Bind(1, id);
      int rc = st.Step();
      if (rc == SQLITE_ROW) {
        ClaimRecord c;
        c.counted = st.String(0);
        c.unit = st.String(1);
        c.value = st.Double(2);
        c.low = st.Double(3);
        c.high = st.Double(4);
        c.is_range = st.Int(5) != 0;
        c.text = st.String(6);
        c.source = st.String(7);
        c.approx = st.String(8);
        c.doc_id = st.String(9);
        c.title = st.String(10);
        c.url = st.String(11);
        c.published = st.String(12);
        c.outlet = st.String(13);
        if (g.claims.empty()) {
          g.counted = c.counted;
          g.unit = c.unit;
        }
        g.claims.push_back(std::move(c));
      } else if (rc != SQLITE_DONE) {
        return SqliteStatus(db_, rc, "reading claims");
      }
      st.Reset();
    }
    // By value, then date: the spread reads from low to high.
    std::stable_sort(g.claims.begin(), g.claims.end(),
                     [](const ClaimRecord& a, const ClaimRecord& b) {
                       return std::tie(a.low, a.high, a.published) <
                              std::tie(b.low, b.high, b.published);
                     });
    out.push_back(std::move(g));
  }
  return out;
}

Result<CorpusStats> SqliteStore::Stats() {
  CorpusStats stats;
  stats.schema_version = static_cast<int>(CorpusMigrations().size());
  struct Item {
    const char* sql;
    size_t* out;
  } items[] = {
      {"SELECT count(*) FROM documents", &stats.documents},
      {"SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
       &stats.duplicates},
      {"SELECT count(*) FROM documents WHERE duplicate_kind = 'exact'",
       &stats.exact_duplicates},
      {"SELECT count(*) FROM documents WHERE duplicate_kind = 'near'",
       &stats.near_duplicates},
      {"SELECT count(*) FROM outlets", &stats.outlets},
      {"SELECT count(*) FROM quotes", &stats.quotes},
      {"SELECT count(*) FROM quote_clusters", &stats.clusters},
      {"SELECT count(*) FROM (SELECT q.cluster_id FROM quotes q "
       "JOIN documents d ON d.id = q.doc_id WHERE q.cluster_id IS NOT NULL "
       "GROUP BY q.cluster_id HAVING count(DISTINCT d.outlet_id) > 1)",
       &stats.multi_outlet_clusters},
      {"SELECT count(*) FROM speakers", &stats.speakers},
      {"SELECT count(*) FROM entities", &stats.entities},
      {"SELECT count(*) FROM claims", &stats.claims},
      {"SELECT count(*) FROM speakers WHERE linked_to IS NOT NULL",
       &stats.linked_speakers},
      {"SELECT coalesce(sum(l.quotes), 0) FROM speakers s "
       "JOIN speaker_labels l ON l.speaker_id = s.id "
       "WHERE s.linked_to IS NOT NULL",
       &stats.linked_quotes},
  };
  for (const Item& item : items) {
    Stmt st;
    Status s = st.Prepare(db_, item.sql);
    if (!s.ok()) return s;
    int rc = st.Step();
    if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "counting");
    *item.out = static_cast<size_t>(st.Int(0));
  }
  auto events = ClaimEvents(0);
  if (!events.ok()) return events.status();
  stats.conflicting_claim_groups = events.value().size();
  return stats;
}

Status SqliteStore::Check() {
  Stmt st;
  Status s = st.Prepare(db_, "PRAGMA integrity_check");
  if (!s.ok()) return s;
  std::string problems;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (st.Text(0) != "ok") problems += std::string(st.Text(0)) + "; ";
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "checking integrity");
  if (!problems.empty()) return Status::Corruption(problems);
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<CorpusStore>> OpenSqliteStore(
    const StoreOptions& options) {
  bool memory = options.path == ":memory:";
  if (options.path.empty()) {
    return Status::InvalidArgument("no database path given");
  }
  struct stat st;
  if (!memory && options.read_only && stat(options.path.c_str(), &st) != 0) {
    return Status::NotFound(fmt::format(
        "{}: no such corpus (create it with `whosaid ingest`)", options.path));
  }
  // SQLite's memory statistics take a process-wide mutex and size every
  // block on each allocation, and FTS5 allocates per new term while it
  // indexes: turning them off saved 5-8% of the ingest writer's CPU
  // (doc/performance.md). Nothing in whosaid reads them
  // (sqlite3_memory_used, soft or hard heap limits). The setting must come
  // before SQLite initializes, i.e. before the process's first connection;
  // later the call fails harmlessly and the statistics stay on.
  static const bool kNoMemoryStatistics =
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)kNoMemoryStatistics;
  int flags = SQLITE_OPEN_NOMUTEX |
              (options.read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(db, rc, fmt::format("opening {}", options.path));
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db, options);
  Status s = store->Init();
  if (!s.ok()) {
    if (s.message().find(options.path) == std::string::npos) {
      s = Status(s.code() == Status::Code::kCorruption
                     ? Status::Corruption(options.path + ": " + s.message())
                 : s.code() == Status::Code::kIOError
                     ? Status::IOError(options.path + ": " + s.message())
                     : Status::Internal(options.path + ": " + s.message()));
    }
    return s;
  }
  return std::unique_ptr<CorpusStore>(std::move(store));
}

}  // namespace whosaid
