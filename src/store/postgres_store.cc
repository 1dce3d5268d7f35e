// The PostgreSQL CorpusStore (see src/store/postgres_store.h) and the
// store factory OpenCorpusStore() (include/whosaid/corpus.h).
#include "src/store/postgres_store.h"

#include <fmt/format.h>

#include "src/store/pg_util.h"
#include "src/store/postgres_query.h"
#include "src/store/search_target.h"
#include "whosaid/corpus.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "src/base/utf8.h"
#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#include "src/corpus/link_index.h"
#include "src/corpus/store_rows.h"
#include "src/store/facet_counter.h"
#endif

namespace whosaid {

#ifdef WHOSAID_HAVE_LIBPQ
namespace {

// Advisory lock keys ("WHOS" and a use).
constexpr int64_t kWriterLock = 0x57484F5301;
constexpr int64_t kMigrationLock = 0x57484F5302;

// Version 1 of the schema: the SQLite one (src/store/schema.cc) with
// tsvector columns in place of the FTS5 tables. Hashes are 64-bit values
// stored as signed bigints; offsets are code points. Duplicate documents
// keep their text but have no fts, quotes, claims or entities.
constexpr const char* kV1 = R"sql(
CREATE TABLE outlets(
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE);
CREATE TABLE documents(
  id bigserial PRIMARY KEY,
  ext_id text NOT NULL,
  content_hash bigint NOT NULL,
  url text NOT NULL DEFAULT '',
  title text NOT NULL DEFAULT '',
  published text NOT NULL DEFAULT '',
  author text NOT NULL DEFAULT '',
  outlet_id bigint REFERENCES outlets(id),
  text text NOT NULL,
  text_hash bigint NOT NULL,
  simhash bigint,
  sketch bytea,
  duplicate_of bigint REFERENCES documents(id),
  duplicate_kind text,
  fts tsvector,
  UNIQUE(ext_id, content_hash));
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate ON documents(duplicate_of);
CREATE INDEX documents_fts ON documents USING gin(fts);
CREATE TABLE speakers(
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL UNIQUE);
CREATE TABLE speaker_roles(
  speaker_id bigint NOT NULL REFERENCES speakers(id),
  role text NOT NULL,
  PRIMARY KEY(speaker_id, role));
CREATE TABLE entities(
  id bigserial PRIMARY KEY,
  doc_id bigint NOT NULL REFERENCES documents(id),
  label text NOT NULL,
  name text NOT NULL,
  mentions integer NOT NULL,
  first_begin integer NOT NULL,
  first_end integer NOT NULL);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE quote_clusters(
  id bigserial PRIMARY KEY,
  first_quote bigint NOT NULL,
  representative text NOT NULL);
CREATE TABLE quotes(
  id bigserial PRIMARY KEY,
  doc_id bigint NOT NULL REFERENCES documents(id),
  content text NOT NULL,
  cue text NOT NULL DEFAULT '',
  speaker_mention text NOT NULL DEFAULT '',
  speaker_name text NOT NULL DEFAULT '',
  speaker_id bigint REFERENCES speakers(id),
  kind text NOT NULL,
  score double precision NOT NULL DEFAULT 0,
  content_begin integer NOT NULL,
  content_end integer NOT NULL,
  cue_begin integer, cue_end integer,
  speaker_begin integer, speaker_end integer,
  cluster_id bigint REFERENCES quote_clusters(id),
  fts tsvector GENERATED ALWAYS AS
    (to_tsvector('simple'::regconfig, left(content, 262144))) STORED);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_cluster ON quotes(cluster_id);
CREATE INDEX quotes_fts ON quotes USING gin(fts);
CREATE TABLE claims(
  id bigserial PRIMARY KEY,
  doc_id bigint NOT NULL REFERENCES documents(id),
  text text NOT NULL,
  value double precision NOT NULL,
  low double precision NOT NULL,
  high double precision NOT NULL,
  is_range boolean NOT NULL,
  value_key text NOT NULL,
  unit text NOT NULL DEFAULT '',
  counted text NOT NULL DEFAULT '',
  group_key text NOT NULL DEFAULT '',
  approx text NOT NULL DEFAULT '',
  change text NOT NULL DEFAULT '',
  source_name text NOT NULL DEFAULT '',
  speaker_id bigint REFERENCES speakers(id),
  quote_id bigint REFERENCES quotes(id),
  span_begin integer NOT NULL,
  span_end integer NOT NULL,
  fts tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
    left(text, 65536) || ' ' || left(counted, 65536))) STORED);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_group ON claims(group_key, value_key);
CREATE INDEX claims_fts ON claims USING gin(fts);
)sql";

// Version 2 (as src/store/schema.cc): the input as the cleaner read it, as
// a delta against the clean text; the event context of comparable claims.
constexpr const char* kV2 = R"sql(
ALTER TABLE documents ADD COLUMN input_delta bytea;
DROP INDEX entities_name;
DROP INDEX claims_group;
CREATE INDEX claims_group ON claims(group_key, value_key)
  WHERE group_key <> '';
CREATE TABLE claim_context(
  group_key text NOT NULL,
  entity text NOT NULL,
  claim_id bigint NOT NULL REFERENCES claims(id),
  PRIMARY KEY(group_key, entity, claim_id));
)sql";

constexpr const char* kMigrations[] = {kV1, kV2};
constexpr int kLatestVersion =
    static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

std::string IdentityKey(std::string_view id, uint64_t hash) {
  std::string key(id);
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(&hash), sizeof(hash));
  return key;
}

void IgnoreNotice(void*, const char*) {}

class PostgresStore : public CorpusStore {
 public:
  PostgresStore(PGconn* conn, const StoreOptions& options,
                const PostgresOptions& pg)
      : conn_(conn), options_(options), pg_(pg), index_(options.corpus) {}
  ~PostgresStore() override { PQfinish(conn_); }

  Status Init();

  Status ForEachIdentity(
      const std::function<void(std::string_view, uint64_t)>& fn) override;
  Result<WriteCounts> Add(std::span<const IngestRecord> batch) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<SearchFacets> Facets(const SearchQuery& query, size_t top) override;
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
  Result<int> SchemaVersion(bool* has_table);
  Status Migrate();
  Status AcquireWriterLock();
  Status LoadCaches();
  Status AddOne(const IngestRecord& r, WriteCounts* counts);
  Result<int64_t> OutletId(std::string_view name);
  Result<int64_t> SpeakerId(std::string_view name, std::string_view key);
  Status Rollback(Status s);

  PGconn* conn_;
  StoreOptions options_;
  PostgresOptions pg_;
  std::unordered_map<const char*, std::string> prepared_;
  bool writer_locked_ = false;

  // Write-side caches, loaded on the first Add() and dropped on rollback.
  bool loaded_ = false;
  LinkIndex index_;
  std::unordered_set<std::string> identities_;
  std::unordered_map<std::string, int64_t> outlets_;
  std::unordered_map<std::string, int64_t> speakers_;
};

Status PostgresStore::Error(const PGresult* r, std::string_view what) {
  std::string detail = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
    detail.pop_back();
  }
  std::string msg = fmt::format("{}: {}", what, detail);
  if (PQstatus(conn_) == CONNECTION_BAD) {
    return Status::IOError(msg + " (connection to the server lost)");
  }
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view sqlstate = state ? state : "";
  if (sqlstate == "57014") {  // query_canceled: statement_timeout
    return Status::LimitExceeded("the search took longer than its time limit");
  }
  // Classes: 08 connection, 53 resources (disk full), 57 operator
  // intervention, 40 rollback, 55 lock not available, 25 read-only, 28 auth.
  if (sqlstate.starts_with("08") || sqlstate.starts_with("53") ||
      sqlstate.starts_with("57") || sqlstate.starts_with("40") ||
      sqlstate.starts_with("55") || sqlstate.starts_with("25") ||
      sqlstate.starts_with("28") || sqlstate.starts_with("58")) {
    return Status::IOError(msg);
  }
  if (sqlstate == "XX001" || sqlstate == "XX002") {
    return Status::Corruption(msg);
  }
  return Status::Internal(msg);
}

Result<PgResult> PostgresStore::Run(std::string_view sql,
                                    const PgParams& params,
                                    std::string_view what, bool binary) {
  std::string text(sql);
  PgResult r(PQexecParams(conn_, text.c_str(), params.size(), params.types(),
                          params.values(), params.lengths(), params.formats(),
                          binary ? 1 : 0));
  if (!r.ok()) return Error(r.get(), what);
  return r;
}

Result<PgResult> PostgresStore::RunPrepared(const char* sql,
                                            const PgParams& params,
                                            std::string_view what) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("whosaid_{}", prepared_.size());
    PgResult p(
        PQprepare(conn_, name.c_str(), sql, params.size(), params.types()));
    if (!p.ok()) return Error(p.get(), what);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  PgResult r(PQexecPrepared(conn_, it->second.c_str(), params.size(),
                            params.values(), params.lengths(), params.formats(),
                            0));
  if (!r.ok()) return Error(r.get(), what);
  return r;
}

Status PostgresStore::Exec(const char* sql, std::string_view what) {
  PgResult r(PQexec(conn_, sql));
  if (!r.ok()) return Error(r.get(), what);
  return Status::OK();
}

// The version in whosaid_migrations; *has_table false (and 0) when the
// database has no corpus yet.
Result<int> PostgresStore::SchemaVersion(bool* has_table) {
  auto r =
      Run("SELECT to_regclass('whosaid_migrations') IS NOT NULL, "
          "to_regclass('documents') IS NOT NULL",
          PgParams(), "reading the schema");
  if (!r.ok()) return r.status();
  *has_table = r.value().Bool(0, 0);
  bool foreign = !*has_table && r.value().Bool(0, 1);
  if (foreign) {
    return Status::Corruption(
        "not a whosaid corpus (the database has a `documents` table but no "
        "whosaid_migrations)");
  }
  if (!*has_table) return 0;
  r = Run("SELECT coalesce(max(version), 0) FROM whosaid_migrations",
          PgParams(), "reading the schema version");
  if (!r.ok()) return r.status();
  return static_cast<int>(r.value().Int(0, 0));
}

Status PostgresStore::Init() {
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  if (PQserverVersion(conn_) < 120000) {
    return Status::IOError(
        fmt::format("PostgreSQL {} is too old (whosaid needs 12 or newer)",
                    PQserverVersion(conn_) / 10000));
  }
  Status s = Exec("SET client_min_messages = warning", "configuring");
  if (!s.ok()) return s;
  bool has_table = false;
  auto version = SchemaVersion(&has_table);
  if (!version.ok()) return version.status();
  if (version.value() > kLatestVersion) {
    return Status::Corruption(fmt::format(
        "schema version {} is newer than this whosaid knows ({}); upgrade "
        "whosaid",
        version.value(), kLatestVersion));
  }
  if (options_.read_only) {
    if (!has_table) {
      return Status::NotFound(
          "no whosaid corpus in this database (create it with `whosaid "
          "ingest`)");
    }
    if (version.value() < kLatestVersion) {
      return Status::Corruption(fmt::format(
          "corpus schema version {} is older than {}; run `whosaid ingest` "
          "on it once to migrate",
          version.value(), kLatestVersion));
    }
    return Exec("SET default_transaction_read_only = on", "configuring");
  }
  if (version.value() == kLatestVersion) return Status::OK();
  return Migrate();
}

Status PostgresStore::Migrate() {
  Status s = Exec("BEGIN", "starting a migration");
  if (!s.ok()) return s;
  // One migrating process at a time; the others wait, then see it done.
  auto r = Run(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock),
               PgParams(), "locking for a migration");
  if (!r.ok()) return Rollback(r.status());
  s = Exec(
      "CREATE TABLE IF NOT EXISTS whosaid_migrations("
      "version integer PRIMARY KEY, "
      "applied_at timestamptz NOT NULL DEFAULT now())",
      "creating the migration table");
  if (!s.ok()) return Rollback(s);
  bool has_table = false;
  auto version = SchemaVersion(&has_table);
  if (!version.ok()) return Rollback(version.status());
  for (int v = version.value(); v < kLatestVersion; ++v) {
    s = Exec(kMigrations[v],
             fmt::format("migrating the schema to version {}", v + 1));
    if (!s.ok()) return Rollback(s);
    auto ins = Run("INSERT INTO whosaid_migrations(version) VALUES ($1)",
                   PgParams().Int(v + 1), "migrating");
    if (!ins.ok()) return Rollback(ins.status());
  }
  s = Exec("COMMIT", "committing a migration");
  if (!s.ok()) return Rollback(s);
  return Status::OK();
}

Status PostgresStore::Rollback(Status s) {
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    PgResult r(PQexec(conn_, "ROLLBACK"));
  }
  loaded_ = false;
  index_.Clear();
  identities_.clear();
  outlets_.clear();
  speakers_.clear();
  return s;
}

Status PostgresStore::AcquireWriterLock() {
  if (writer_locked_) return Status::OK();
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(options_.busy_timeout_ms);
  for (;;) {
    auto r = Run(fmt::format("SELECT pg_try_advisory_lock({})", kWriterLock),
                 PgParams(), "locking the corpus for writing");
    if (!r.ok()) return r.status();
    if (r.value().Bool(0, 0)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      return Status::IOError(
          "the corpus is locked: another whosaid ingest is writing to it");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  writer_locked_ = true;
  return Status::OK();
}

Status PostgresStore::ForEachIdentity(
    const std::function<void(std::string_view, uint64_t)>& fn) {
  auto r = Run("SELECT ext_id, content_hash FROM documents", PgParams(),
               "reading documents");
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  for (int i = 0; i < q.rows(); ++i) {
    fn(q.Text(i, 0), static_cast<uint64_t>(q.Int(i, 1)));
  }
  return Status::OK();
}

Status PostgresStore::LoadCaches() {
  Status s = ForEachIdentity([this](std::string_view id, uint64_t h) {
    identities_.insert(IdentityKey(id, h));
  });
  if (!s.ok()) return s;
  auto r =
      Run("SELECT id, text_hash, simhash, sketch FROM documents "
          "WHERE duplicate_of IS NULL ORDER BY id",
          PgParams(), "reading documents", /*binary=*/true);
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    const PgResult& q = r.value();
    DocumentFeatures f;
    f.text_hash = static_cast<uint64_t>(q.BinaryInt(i, 1));
    f.has_simhash = !q.IsNull(i, 2);
    f.simhash = static_cast<uint64_t>(q.BinaryInt(i, 2));
    std::string_view blob = q.IsNull(i, 3) ? std::string_view() : q.Text(i, 3);
    f.sketch.resize(blob.size() / sizeof(uint64_t));
    if (!f.sketch.empty()) {
      std::memcpy(f.sketch.data(), blob.data(),
                  f.sketch.size() * sizeof(uint64_t));
    }
    index_.AddDocument(q.BinaryInt(i, 0), f);
  }
  r =
      Run("SELECT cluster_id, content FROM quotes WHERE cluster_id IS NOT NULL "
          "ORDER BY id",
          PgParams(), "reading quotes");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    index_.AddQuote(
        r.value().Int(i, 0),
        ComputeQuoteFeatures(r.value().Text(i, 1), options_.corpus));
  }
  r = Run("SELECT id, name FROM outlets", PgParams(), "reading outlets");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    outlets_[r.value().String(i, 1)] = r.value().Int(i, 0);
  }
  r = Run("SELECT id, name_key FROM speakers", PgParams(), "reading speakers");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    speakers_[r.value().String(i, 1)] = r.value().Int(i, 0);
  }
  loaded_ = true;
  return Status::OK();
}

Result<int64_t> PostgresStore::OutletId(std::string_view name) {
  if (name.empty()) return int64_t{0};
  auto it = outlets_.find(std::string(name));
  if (it != outlets_.end()) return it->second;
  auto r = RunPrepared("INSERT INTO outlets(name) VALUES ($1) RETURNING id",
                       PgParams().Text(name), "adding an outlet");
  if (!r.ok()) return r.status();
  int64_t id = r.value().Int(0, 0);
  outlets_.emplace(std::string(name), id);
  return id;
}

Result<int64_t> PostgresStore::SpeakerId(std::string_view name,
                                         std::string_view key) {
  if (key.empty()) return int64_t{0};
  auto it = speakers_.find(std::string(key));
  if (it != speakers_.end()) return it->second;
  auto r = RunPrepared(
      "INSERT INTO speakers(name, name_key) VALUES ($1, $2) RETURNING id",
      PgParams().Text(name).Text(key), "adding a speaker");
  if (!r.ok()) return r.status();
  int64_t id = r.value().Int(0, 0);
  speakers_.emplace(std::string(key), id);
  return id;
}

Result<WriteCounts> PostgresStore::Add(std::span<const IngestRecord> batch) {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  Status s = AcquireWriterLock();
  if (!s.ok()) return s;
  s = Exec("BEGIN", "starting a transaction");
  if (!s.ok()) return Rollback(s);
  if (!loaded_) {
    s = LoadCaches();
    if (!s.ok()) return Rollback(s);
  }
  WriteCounts counts;
  for (const IngestRecord& r : batch) {
    if (!r.doc.error.ok()) continue;
    s = AddOne(r, &counts);
    if (!s.ok()) return Rollback(s);
  }
  s = Exec("COMMIT", "committing a transaction");
  if (!s.ok()) return Rollback(s);
  return counts;
}

Status PostgresStore::AddOne(const IngestRecord& r, WriteCounts* counts) {
  const Document& doc = r.doc;
  const DocumentFeatures& f = r.features;
  std::string identity = IdentityKey(doc.id, f.content_hash);
  if (identities_.count(identity)) {
    ++counts->skipped;
    return Status::OK();
  }
  auto outlet = OutletId(doc.site);
  if (!outlet.ok()) return outlet.status();
  bool exact = false;
  int64_t dup = index_.FindDuplicate(f, &exact);

  PgParams p;
  p.Text(doc.id)
      .Int(static_cast<int64_t>(f.content_hash))
      .Text(doc.url)
      .Text(doc.title)
      .Text(doc.published)
      .Text(doc.author)
      .IntOrNull(outlet.value())
      .Text(doc.text)
      .Int(static_cast<int64_t>(f.text_hash));
  if (f.has_simhash) {
    p.Int(static_cast<int64_t>(f.simhash));
  } else {
    p.Null(kInt8Oid);
  }
  p.IntOrNull(dup);
  p.TextOrNull(exact ? "exact" : "near", dup == 0);
  if (f.has_simhash) {
    p.Bytes(f.sketch.data(), f.sketch.size() * sizeof(uint64_t));
  } else {
    p.Null(kByteaOid);
  }
  p.Int(pg_.max_indexed_chars);
  if (f.has_input_delta) {
    p.Bytes(f.input_delta.data(), f.input_delta.size());
  } else {
    p.Null(kByteaOid);
  }
  // Duplicates get no tsvector: nothing is listed twice.
  auto ins = RunPrepared(
      "INSERT INTO documents(ext_id, content_hash, url, title, published, "
      "author, outlet_id, text, text_hash, simhash, duplicate_of, "
      "duplicate_kind, sketch, fts, input_delta) VALUES "
      "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13, CASE WHEN $11 IS NULL "
      "THEN setweight(to_tsvector('simple'::regconfig, $4), 'A') || "
      "setweight(to_tsvector('simple'::regconfig, left($8, $14::integer)), "
      "'B') END, $15) RETURNING id",
      p, "adding a document");
  if (!ins.ok()) return ins.status();
  int64_t row = ins.value().Int(0, 0);
  identities_.insert(std::move(identity));
  ++counts->added;
  if (dup) {
    ++counts->duplicates;
    return Status::OK();
  }
  index_.AddDocument(row, f);

  if (doc.entities.empty() && doc.quotes.empty() && doc.claims.empty()) {
    return Status::OK();
  }
  // The row values shared with the SQLite store (src/corpus/store_rows.h),
  // prepared on the extraction threads; prepared here only when missing.
  StoreRows scratch;
  const StoreRows& rows = RowsFor(doc, f.rows, &scratch);

  // Entities: one row per group (or per distinct unresolved mention).
  for (const StoreRows::Entity& g : rows.entities) {
    auto er = RunPrepared(
        "INSERT INTO entities(doc_id, label, name, mentions, first_begin, "
        "first_end) VALUES ($1,$2,$3,$4,$5,$6)",
        PgParams()
            .Int(row)
            .Text(EntityLabelName(g.label))
            .Text(g.name)
            .Int(g.mentions)
            .Int(g.first_begin)
            .Int(g.first_end),
        "adding an entity");
    if (!er.ok()) return er.status();
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
    if (speaker.value() && a.speaker_group >= 0 &&
        static_cast<size_t>(a.speaker_group) < doc.groups.size()) {
      for (const std::string& role : doc.groups[a.speaker_group].roles) {
        auto rr = RunPrepared(
            "INSERT INTO speaker_roles(speaker_id, role) VALUES ($1, $2) "
            "ON CONFLICT DO NOTHING",
            PgParams().Int(speaker.value()).Text(role),
            "adding a speaker role");
        if (!rr.ok()) return rr.status();
      }
    }
    static const QuoteFeatures kNoFeatures;
    const QuoteFeatures& qf = i < f.quotes.size() ? f.quotes[i] : kNoFeatures;
    int64_t cluster = qf.shingles.empty() ? 0 : index_.FindCluster(qf);
    bool new_cluster = !qf.shingles.empty() && cluster == 0;

    PgParams qp;
    qp.Int(row)
        .Text(content)
        .Text(doc.Text(a.cue))
        .Text(doc.Text(a.speaker))
        .Text(a.speaker_name)
        .IntOrNull(speaker.value())
        .Text(QuoteKindName(a.kind))
        .Double(static_cast<double>(a.score))
        .Int(qr.content_begin)
        .Int(qr.content_end);
    if (qr.cue_begin >= 0) {
      qp.Int(qr.cue_begin).Int(qr.cue_end);
    } else {
      qp.Null(kInt8Oid).Null(kInt8Oid);
    }
    if (qr.speaker_begin >= 0) {
      qp.Int(qr.speaker_begin).Int(qr.speaker_end);
    } else {
      qp.Null(kInt8Oid).Null(kInt8Oid);
    }
    qp.IntOrNull(cluster);
    auto ins_quote = RunPrepared(
        "INSERT INTO quotes(doc_id, content, cue, speaker_mention, "
        "speaker_name, speaker_id, kind, score, content_begin, content_end, "
        "cue_begin, cue_end, speaker_begin, speaker_end, cluster_id) VALUES "
        "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id",
        qp, "adding a quote");
    if (!ins_quote.ok()) return ins_quote.status();
    int64_t quote_row = ins_quote.value().Int(0, 0);
    quote_rows[i] = quote_row;
    ++counts->quotes;
    if (new_cluster) {
      auto ins_cluster = RunPrepared(
          "INSERT INTO quote_clusters(first_quote, representative) "
          "VALUES ($1, $2) RETURNING id",
          PgParams().Int(quote_row).Text(content), "adding a quote cluster");
      if (!ins_cluster.ok()) return ins_cluster.status();
      cluster = ins_cluster.value().Int(0, 0);
      auto ur = RunPrepared("UPDATE quotes SET cluster_id = $1 WHERE id = $2",
                            PgParams().Int(cluster).Int(quote_row),
                            "adding a quote cluster");
      if (!ur.ok()) return ur.status();
    }
    index_.AddQuote(cluster, qf);
  }

  // Claims.
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    const StoreRows::Claim& cr = rows.claims[i];
    bool in_quote = c.attribution >= 0 &&
                    static_cast<size_t>(c.attribution) < quote_rows.size();
    auto ins_claim = RunPrepared(
        "INSERT INTO claims(doc_id, text, value, low, high, is_range, "
        "value_key, unit, counted, group_key, approx, change, source_name, "
        "speaker_id, quote_id, span_begin, span_end) VALUES "
        "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) "
        "RETURNING id",
        PgParams()
            .Int(row)
            .Text(doc.Text(c.span))
            .Double(c.value)
            .Double(c.is_range ? c.low : c.value)
            .Double(c.is_range ? c.high : c.value)
            .Bool(c.is_range)
            .Text(cr.value_key)
            .Text(c.unit)
            .Text(doc.Text(c.counted))
            .Text(i < f.claim_keys.size() ? std::string_view(f.claim_keys[i])
                                          : std::string_view())
            .Text(c.approx)
            .Text(c.change)
            .Text(cr.source)
            .IntOrNull(in_quote ? quote_speakers[c.attribution] : 0)
            .IntOrNull(in_quote ? quote_rows[c.attribution] : 0)
            .Int(cr.span_begin)
            .Int(cr.span_end),
        "adding a claim");
    if (!ins_claim.ok()) return ins_claim.status();
    ++counts->claims;
    if (i < f.claim_keys.size() && !f.claim_keys[i].empty() &&
        i < f.claim_contexts.size()) {
      const int64_t claim_row = ins_claim.value().Int(0, 0);
      for (const std::string& entity : f.claim_contexts[i]) {
        auto xr = RunPrepared(
            "INSERT INTO claim_context(group_key, entity, claim_id) VALUES "
            "($1, $2, $3) ON CONFLICT DO NOTHING",
            PgParams().Text(f.claim_keys[i]).Text(entity).Int(claim_row),
            "adding a claim context");
        if (!xr.ok()) return xr.status();
      }
    }
  }
  return Status::OK();
}

// ts_headline options for a snippet of about `words` words. The markers
// are control characters replaced by the caller's afterwards, so any
// highlight string (quotes, commas, ANSI escapes) is safe.
std::string HeadlineOptions(int words) {
  return fmt::format(
      "StartSel=\x02, StopSel=\x03, MaxWords={}, MinWords={}, ShortWord=0, "
      "MaxFragments=1, FragmentDelimiter=\" … \"",
      words, words / 2);
}

std::string ReplaceMarkers(std::string_view s, const SearchQuery& q) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    if (c == '\x02') {
      out += q.highlight_open;
    } else if (c == '\x03') {
      out += q.highlight_close;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::vector<SearchHit>> PostgresStore::Search(const SearchQuery& query) {
  using Target = SearchQuery::Target;
  auto resolved = ResolveSearchTarget(query);
  if (!resolved.ok()) return resolved.status();
  const Target target = resolved.value();
  auto tsquery = Fts5ToTsquery(query.match);
  if (!tsquery.ok()) return tsquery.status();
  StatementTimeout timeout(this, query.max_ms);

  // Two steps, as in the SQLite store. (1) Rank: the best `limit` rows by
  // ts_rank over the GIN-indexed tsvector, with the filters. (2) Show:
  // metadata and a ts_headline snippet for those rows only.
  std::string_view target_name, rank_from, rank_expr, show;
  int words = 24;
  if (target == Target::kDocuments) {
    target_name = "document";
    words = 16;
    // Titles (weight A) weigh 3x the text (weight B).
    rank_expr = "ts_rank('{0, 0, 0.333333, 1}', d.fts, tq)";
    rank_from =
        "documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE d.fts @@ tq";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), ts_headline('simple', d.text, "
        "to_tsquery('simple', $1), $2), '', '', 0 FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = $3";
  } else if (target == Target::kQuotes) {
    target_name = "quote";
    rank_expr = "ts_rank(q.fts, tq)";
    rank_from =
        "quotes q JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.fts @@ tq";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), ts_headline('simple', q.content, "
        "to_tsquery('simple', $1), $2), coalesce(s.name, q.speaker_name), "
        "q.kind, coalesce(q.cluster_id, 0) FROM quotes q "
        "JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id = $3";
  } else {
    target_name = "claim";
    rank_expr = "ts_rank(c.fts, tq)";
    rank_from =
        "claims c JOIN documents d ON d.id = c.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.fts @@ tq";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), ts_headline('simple', c.text, "
        "to_tsquery('simple', $1), $2), c.source_name, '', 0 FROM claims c "
        "JOIN documents d ON d.id = c.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.id = $3";
  }
  std::string_view id_col = target == Target::kDocuments ? "d.id"
                            : target == Target::kQuotes  ? "q.id"
                                                         : "c.id";
  // $1 the tsquery, $2 `second` (the limit, or the bound's offset), then
  // the filters.
  std::string where;
  std::string pattern_outlet, pattern_speaker;
  auto fill = [&](int64_t second, PgParams* p) {
    p->Text(tsquery.value()).Int(second);
    int next = 3;
    where.clear();
    if (!query.outlet.empty()) {
      pattern_outlet = PgContainsPattern(query.outlet);
      where += fmt::format(" AND o.name ILIKE ${} ESCAPE '\\'", next++);
      p->Text(pattern_outlet);
    }
    // Undated documents never pass a date filter.
    if (!query.since.empty()) {
      where += fmt::format(
          " AND d.published <> '' AND substr(d.published, 1, 10) >= ${}",
          next++);
      p->Text(query.since);
    }
    if (!query.until.empty()) {
      where += fmt::format(
          " AND d.published <> '' AND substr(d.published, 1, 10) <= ${}",
          next++);
      p->Text(query.until);
    }
    if (!query.speaker.empty()) {
      pattern_speaker = PgContainsPattern(query.speaker);
      where += target == Target::kQuotes
                   ? " AND coalesce(s.name, q.speaker_name) ILIKE $"
                   : " AND c.source_name ILIKE $";
      where += fmt::format("{} ESCAPE '\\'", next++);
      p->Text(pattern_speaker);
    }
    if (!query.kind.empty()) {
      where += fmt::format(" AND q.kind = ${}", next++);
      p->Text(query.kind);
    }
  };
  // (0) Bound, as in the SQLite store: past max_ranked matches, rank the
  // newest max_ranked only.
  int64_t min_id = 0;
  const size_t max_ranked =
      query.max_ranked > 0 ? std::max(query.max_ranked, query.limit) : 0;
  if (max_ranked > 0) {
    PgParams b;
    fill(static_cast<int64_t>(max_ranked - 1), &b);
    auto bound = Run(fmt::format("SELECT {0} FROM to_tsquery('simple', $1) "
                                 "tq, {1}{2} ORDER BY {0} DESC OFFSET $2 "
                                 "LIMIT 2",
                                 id_col, rank_from, where),
                     b, "searching");
    if (bound.ok() && bound.value().rows() == 2) {
      min_id = bound.value().Int(0, 0);
    }
  }
  PgParams p;
  fill(static_cast<int64_t>(query.limit), &p);
  if (min_id > 0) where += fmt::format(" AND {} >= {}", id_col, min_id);
  // Scores are negated so that, as with bm25, lower is better.
  std::string rank_sql = fmt::format(
      "SELECT {0}, -{1} AS score FROM to_tsquery('simple', $1) tq, {2}{3} "
      "ORDER BY score, {0} LIMIT $2",
      id_col, rank_expr, rank_from, where);
  auto ranked = Run(rank_sql, p, "searching");
  if (!ranked.ok()) {
    if (ranked.status().message().find("syntax error in tsquery") !=
        std::string::npos) {
      return Status::InvalidArgument(fmt::format(
          "search query '{}' is not valid FTS5 syntax; put words in double "
          "quotes to search them literally",
          query.match));
    }
    return ranked.status();
  }
  std::string options = HeadlineOptions(words);
  std::vector<SearchHit> hits;
  const PgResult& top = ranked.value();
  for (int i = 0; i < top.rows(); ++i) {
    auto r = Run(
        show, PgParams().Text(tsquery.value()).Text(options).Int(top.Int(i, 0)),
        "searching");
    if (!r.ok()) return r.status();
    if (r.value().rows() == 0) continue;
    const PgResult& st = r.value();
    SearchHit h;
    h.target = target_name;
    h.doc_row = st.Int(0, 0);
    h.doc_id = st.String(0, 1);
    h.title = st.String(0, 2);
    h.url = st.String(0, 3);
    h.published = st.String(0, 4);
    h.outlet = st.String(0, 5);
    h.snippet = ReplaceMarkers(st.Text(0, 6), query);
    h.score = top.Double(i, 1);
    h.speaker = st.String(0, 7);
    h.kind = st.String(0, 8);
    h.cluster = st.Int(0, 9);
    h.ranked_among = min_id > 0 ? max_ranked : 0;
    hits.push_back(std::move(h));
  }
  return hits;
}

Result<SearchFacets> PostgresStore::Facets(const SearchQuery& query,
                                           size_t top) {
  using Target = SearchQuery::Target;
  auto resolved = ResolveSearchTarget(query);
  if (!resolved.ok()) return resolved.status();
  const Target target = resolved.value();
  auto tsquery = Fts5ToTsquery(query.match);
  if (!tsquery.ok()) return tsquery.status();
  std::string_view from, keys;
  if (target == Target::kDocuments) {
    from =
        "documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE d.fts @@ tq";
    keys = "coalesce(o.name, ''), substr(d.published, 1, 7), '', ''";
  } else if (target == Target::kQuotes) {
    from =
        "quotes q JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.fts @@ tq";
    keys =
        "coalesce(o.name, ''), substr(d.published, 1, 7), "
        "coalesce(s.name, q.speaker_name), q.kind";
  } else {
    from =
        "claims c JOIN documents d ON d.id = c.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.fts @@ tq";
    keys = "coalesce(o.name, ''), substr(d.published, 1, 7), c.source_name, ''";
  }
  PgParams p;
  p.Text(tsquery.value());
  int next = 2;
  std::string where;
  std::string pattern_outlet, pattern_speaker;
  if (!query.outlet.empty()) {
    pattern_outlet = PgContainsPattern(query.outlet);
    where += fmt::format(" AND o.name ILIKE ${} ESCAPE '\\'", next++);
    p.Text(pattern_outlet);
  }
  if (!query.since.empty()) {
    where += fmt::format(
        " AND d.published <> '' AND substr(d.published, 1, 10) >= ${}", next++);
    p.Text(query.since);
  }
  if (!query.until.empty()) {
    where += fmt::format(
        " AND d.published <> '' AND substr(d.published, 1, 10) <= ${}", next++);
    p.Text(query.until);
  }
  if (!query.speaker.empty()) {
    pattern_speaker = PgContainsPattern(query.speaker);
    where += target == Target::kQuotes
                 ? " AND coalesce(s.name, q.speaker_name) ILIKE $"
                 : " AND c.source_name ILIKE $";
    where += fmt::format("{} ESCAPE '\\'", next++);
    p.Text(pattern_speaker);
  }
  if (!query.kind.empty()) {
    where += fmt::format(" AND q.kind = ${}", next++);
    p.Text(query.kind);
  }
  StatementTimeout timeout(this, query.max_ms);
  auto r = Run(fmt::format("SELECT {}, count(*) FROM to_tsquery('simple', $1) "
                           "tq, {}{} GROUP BY 1, 2, 3, 4",
                           keys, from, where),
               p, "counting search facets");
  if (!r.ok()) return r.status();
  FacetCounter counter;
  const PgResult& st = r.value();
  for (int i = 0; i < st.rows(); ++i) {
    std::string_view month = st.Text(i, 1);
    counter.Add(st.Text(i, 0), month.size() == 7 ? month : std::string_view(),
                st.Text(i, 2), st.Text(i, 3),
                static_cast<size_t>(st.Int(i, 4)));
  }
  return counter.Finish(top);
}

Result<std::vector<SpeakerSummary>> PostgresStore::TopSpeakers(size_t n) {
  auto r = Run(
      "SELECT s.id, s.name, count(*) AS n, count(DISTINCT q.doc_id), "
      "count(DISTINCT d.outlet_id) FROM quotes q "
      "JOIN speakers s ON s.id = q.speaker_id "
      "JOIN documents d ON d.id = q.doc_id "
      "GROUP BY s.id, s.name ORDER BY n DESC, s.name COLLATE \"C\" LIMIT $1",
      PgParams().Int(static_cast<int64_t>(n)), "reading speakers");
  if (!r.ok()) return r.status();
  std::vector<SpeakerSummary> out;
  std::string ids = "{";
  std::unordered_map<int64_t, size_t> index;
  for (int i = 0; i < r.value().rows(); ++i) {
    const PgResult& st = r.value();
    SpeakerSummary sp;
    sp.id = st.Int(i, 0);
    sp.name = st.String(i, 1);
    sp.quotes = static_cast<size_t>(st.Int(i, 2));
    sp.documents = static_cast<size_t>(st.Int(i, 3));
    sp.outlets = static_cast<size_t>(st.Int(i, 4));
    if (i > 0) ids.push_back(',');
    ids += fmt::format("{}", sp.id);
    index[sp.id] = out.size();
    out.push_back(std::move(sp));
  }
  ids.push_back('}');
  if (out.empty()) return out;
  auto roles =
      Run("SELECT speaker_id, role FROM speaker_roles "
          "WHERE speaker_id = ANY($1::bigint[]) "
          "ORDER BY speaker_id, role COLLATE \"C\"",
          PgParams().Text(ids), "reading roles");
  if (!roles.ok()) return roles.status();
  for (int i = 0; i < roles.value().rows(); ++i) {
    auto it = index.find(roles.value().Int(i, 0));
    if (it != index.end()) {
      out[it->second].roles.push_back(roles.value().String(i, 1));
    }
  }
  return out;
}

Result<std::vector<QuoteRecord>> PostgresStore::QuotesBySpeaker(
    std::string_view name, size_t limit) {
  std::vector<int64_t> ids;
  std::string key = NormalizeText(name);
  std::string pattern = PgContainsPattern(name);
  for (int pass = 0; pass < 2 && ids.empty(); ++pass) {
    auto r =
        Run(pass == 0 ? "SELECT id FROM speakers WHERE name_key = $1"
                      : "SELECT id FROM speakers WHERE name ILIKE $1 "
                        "ESCAPE '\\' ORDER BY id",
            PgParams().Text(pass == 0 ? key : pattern), "reading speakers");
    if (!r.ok()) return r.status();
    for (int i = 0; i < r.value().rows(); ++i) {
      ids.push_back(r.value().Int(i, 0));
    }
  }
  std::vector<QuoteRecord> out;
  for (int64_t id : ids) {
    if (out.size() >= limit) break;
    auto r =
        Run("SELECT q.id, q.content, q.cue, q.speaker_mention, "
            "coalesce(s.name, q.speaker_name), q.kind, q.content_begin, "
            "q.content_end, d.ext_id, d.title, d.url, d.published, "
            "coalesce(o.name, ''), coalesce(q.cluster_id, 0), "
            "(SELECT count(DISTINCT d2.outlet_id) FROM quotes q2 "
            " JOIN documents d2 ON d2.id = q2.doc_id "
            " WHERE q2.cluster_id = q.cluster_id) "
            "FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
            "JOIN documents d ON d.id = q.doc_id "
            "LEFT JOIN outlets o ON o.id = d.outlet_id "
            "WHERE q.speaker_id = $1 ORDER BY d.published COLLATE \"C\", q.id "
            "LIMIT $2",
            PgParams().Int(id).Int(static_cast<int64_t>(limit - out.size())),
            "reading quotes");
    if (!r.ok()) return r.status();
    const PgResult& st = r.value();
    for (int i = 0; i < st.rows(); ++i) {
      QuoteRecord q;
      q.id = st.Int(i, 0);
      q.content = st.String(i, 1);
      q.cue = st.String(i, 2);
      q.speaker_mention = st.String(i, 3);
      q.speaker = st.String(i, 4);
      q.kind = st.String(i, 5);
      q.begin = static_cast<uint32_t>(st.Int(i, 6));
      q.end = static_cast<uint32_t>(st.Int(i, 7));
      q.doc_id = st.String(i, 8);
      q.title = st.String(i, 9);
      q.url = st.String(i, 10);
      q.published = st.String(i, 11);
      q.outlet = st.String(i, 12);
      q.cluster = st.Int(i, 13);
      q.cluster_outlets = q.cluster ? static_cast<size_t>(st.Int(i, 14)) : 0;
      out.push_back(std::move(q));
    }
  }
  return out;
}

Result<std::vector<ClaimEvent>> PostgresStore::ClaimEvents(size_t limit) {
  auto r =
      Run("SELECT x.group_key, x.entity, x.claim_id, c.value_key, "
          "coalesce(d.outlet_id, 0), d.published FROM claim_context x "
          "JOIN claims c ON c.id = x.claim_id "
          "JOIN documents d ON d.id = c.doc_id "
          "WHERE x.group_key IN (SELECT c2.group_key FROM claims c2 "
          "  JOIN documents d2 ON d2.id = c2.doc_id WHERE c2.group_key <> '' "
          "  GROUP BY c2.group_key HAVING count(DISTINCT c2.value_key) > 1 "
          "  AND count(DISTINCT d2.outlet_id) > 1)",
          PgParams(), "reading claims");
  if (!r.ok()) return r.status();
  const PgResult& st = r.value();
  std::vector<ClaimContextRow> rows;
  rows.reserve(st.rows());
  for (int i = 0; i < st.rows(); ++i) {
    rows.push_back({st.String(i, 0), st.String(i, 1), st.Int(i, 2),
                    st.String(i, 3), st.Int(i, 4), st.String(i, 5)});
  }
  return FindClaimEvents(std::move(rows), options_.corpus.claim_window_days,
                         limit);
}

Result<std::vector<ClaimGroup>> PostgresStore::CompareClaims(size_t limit) {
  auto events = ClaimEvents(limit);
  if (!events.ok()) return events.status();
  std::vector<ClaimGroup> out;
  for (const ClaimEvent& ev : events.value()) {
    std::string ids = "{";
    for (size_t k = 0; k < ev.claim_ids.size(); ++k) {
      if (k) ids.push_back(',');
      ids += fmt::format("{}", ev.claim_ids[k]);
    }
    ids.push_back('}');
    auto r =
        Run("SELECT c.counted, c.unit, c.value, c.low, c.high, c.is_range, "
            "c.text, c.source_name, c.approx, d.ext_id, d.title, d.url, "
            "d.published, coalesce(o.name, '') FROM claims c "
            "JOIN documents d ON d.id = c.doc_id "
            "LEFT JOIN outlets o ON o.id = d.outlet_id "
            "WHERE c.id = ANY($1::bigint[]) "
            "ORDER BY c.low, c.high, d.published COLLATE \"C\", c.id",
            PgParams().Text(ids), "reading claims");
    if (!r.ok()) return r.status();
    const PgResult& st = r.value();
    ClaimGroup g;
    g.key = ev.key;
    g.distinct_values = ev.values;
    g.context = ev.entities;
    g.from = ev.from;
    g.to = ev.to;
    for (int i = 0; i < st.rows(); ++i) {
      ClaimRecord c;
      c.counted = st.String(i, 0);
      c.unit = st.String(i, 1);
      c.value = st.Double(i, 2);
      c.low = st.Double(i, 3);
      c.high = st.Double(i, 4);
      c.is_range = st.Bool(i, 5);
      c.text = st.String(i, 6);
      c.source = st.String(i, 7);
      c.approx = st.String(i, 8);
      c.doc_id = st.String(i, 9);
      c.title = st.String(i, 10);
      c.url = st.String(i, 11);
      c.published = st.String(i, 12);
      c.outlet = st.String(i, 13);
      if (g.claims.empty()) {
        g.counted = c.counted;
        g.unit = c.unit;
      }
      g.claims.push_back(std::move(c));
    }
    out.push_back(std::move(g));
  }
  return out;
}

Result<CorpusStats> PostgresStore::Stats() {
  auto r = Run(
      "SELECT (SELECT count(*) FROM documents), "
      "(SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL), "
      "(SELECT count(*) FROM documents WHERE duplicate_kind = 'exact'), "
      "(SELECT count(*) FROM documents WHERE duplicate_kind = 'near'), "
      "(SELECT count(*) FROM outlets), "
      "(SELECT count(*) FROM quotes), "
      "(SELECT count(*) FROM quote_clusters), "
      "(SELECT count(*) FROM (SELECT q.cluster_id FROM quotes q "
      "  JOIN documents d ON d.id = q.doc_id WHERE q.cluster_id IS NOT NULL "
      "  GROUP BY q.cluster_id HAVING count(DISTINCT d.outlet_id) > 1) x), "
      "(SELECT count(*) FROM speakers), "
      "(SELECT count(*) FROM entities), "
      "(SELECT count(*) FROM claims), 0, "
      "(SELECT coalesce(max(version), 0) FROM whosaid_migrations)",
      PgParams(), "counting");
  if (!r.ok()) return r.status();
  const PgResult& st = r.value();
  CorpusStats stats;
  size_t* fields[] = {&stats.documents,        &stats.duplicates,
                      &stats.exact_duplicates, &stats.near_duplicates,
                      &stats.outlets,          &stats.quotes,
                      &stats.clusters,         &stats.multi_outlet_clusters,
                      &stats.speakers,         &stats.entities,
                      &stats.claims,           &stats.conflicting_claim_groups};
  for (int i = 0; i < 12; ++i) *fields[i] = static_cast<size_t>(st.Int(0, i));
  stats.schema_version = static_cast<int>(st.Int(0, 12));
  auto events = ClaimEvents(0);
  if (!events.ok()) return events.status();
  stats.conflicting_claim_groups = events.value().size();
  return stats;
}

Status PostgresStore::Check() {
  // PostgreSQL checks its own pages; this checks the corpus invariants.
  struct Item {
    const char* sql;
    const char* problem;
  } items[] = {
      {"SELECT count(*) FROM documents WHERE (duplicate_of IS NULL) <> "
       "(fts IS NOT NULL)",
       "documents whose full-text entry disagrees with their duplicate mark"},
      {"SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id "
       "WHERE d.duplicate_of IS NOT NULL",
       "quotes stored for duplicate documents"},
      {"SELECT count(*) FROM claims c JOIN documents d ON d.id = c.doc_id "
       "WHERE d.duplicate_of IS NOT NULL",
       "claims stored for duplicate documents"},
      {"SELECT count(*) FROM quote_clusters k WHERE NOT EXISTS "
       "(SELECT 1 FROM quotes q WHERE q.cluster_id = k.id)",
       "empty quote clusters"},
      {"SELECT count(*) FROM documents d JOIN documents o "
       "ON o.id = d.duplicate_of WHERE o.duplicate_of IS NOT NULL",
       "duplicates of duplicates"},
  };
  std::string problems;
  for (const Item& item : items) {
    auto r = Run(item.sql, PgParams(), "checking the corpus");
    if (!r.ok()) return r.status();
    int64_t n = r.value().Int(0, 0);
    if (n) problems += fmt::format("{} {}; ", n, item.problem);
  }
  if (!problems.empty()) return Status::Corruption(problems);
  return Status::OK();
}

}  // namespace
#endif  // WHOSAID_HAVE_LIBPQ

Result<std::unique_ptr<CorpusStore>> OpenPostgresStore(
    const StoreOptions& options, const PostgresOptions& pg) {
  const std::string shown = RedactPostgresUrl(options.path);
#ifndef WHOSAID_HAVE_LIBPQ
  (void)pg;
  return Status::InvalidArgument(
      fmt::format("{}: this whosaid was built without PostgreSQL support "
                  "(install libpq-dev and rebuild)",
                  shown));
#else
  auto with_url = [&](const Status& s) {
    if (s.message().find(shown) != std::string::npos) return s;
    std::string msg = shown + ": " + s.message();
    switch (s.code()) {
      case Status::Code::kCorruption:
        return Status::Corruption(msg);
      case Status::Code::kNotFound:
        return Status::NotFound(msg);
      case Status::Code::kInvalidArgument:
        return Status::InvalidArgument(msg);
      case Status::Code::kIOError:
        return Status::IOError(msg);
      default:
        return Status::Internal(msg);
    }
  };
  auto connected = PgConnect(options.path, pg.connect_timeout_s);
  if (!connected.ok()) return connected.status();
  PGconn* conn = connected.value();
  auto store = std::make_unique<PostgresStore>(conn, options, pg);
  Status s = store->Init();
  if (!s.ok()) return with_url(s);
  return std::unique_ptr<CorpusStore>(std::move(store));
#endif
}

Result<std::unique_ptr<CorpusStore>> OpenCorpusStore(
    const StoreOptions& options) {
  if (IsPostgresUrl(options.path)) return OpenPostgresStore(options);
  return OpenSqliteStore(options);
}

std::string StoreDisplayName(std::string_view path) {
  return IsPostgresUrl(path) ? RedactPostgresUrl(path) : std::string(path);
}

}  // namespace whosaid
