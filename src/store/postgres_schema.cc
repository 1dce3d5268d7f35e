// The PostgreSQL store's schema: its versions (the SQLite schema of
// src/store/schema.cc with tsvector columns for FTS5), the migration of an
// older corpus in one transaction under an advisory lock, and Init().
#include "src/store/postgres_store_impl.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <fmt/format.h>

#include "src/store/schema.h"

namespace whosaid {
namespace postgres_internal {
namespace {

// Advisory lock key of a migration ("WHOS" and a use).
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

// Version 3 (as src/store/schema.cc): speakers' entity labels, counted
// per quote, and their cross-article links.
constexpr const char* kV3 = R"sql(
ALTER TABLE speakers ADD COLUMN label text NOT NULL DEFAULT '';
ALTER TABLE speakers ADD COLUMN linked_to bigint REFERENCES speakers(id);
CREATE INDEX speakers_linked ON speakers(linked_to)
  WHERE linked_to IS NOT NULL;
CREATE TABLE speaker_labels(
  speaker_id bigint NOT NULL REFERENCES speakers(id),
  label text NOT NULL,
  quotes bigint NOT NULL,
  PRIMARY KEY(speaker_id, label));
)sql" WHOSAID_V3_SPEAKER_LABELS_BACKFILL;

constexpr const char* kMigrations[] = {kV1, kV2, kV3};
constexpr int kLatestVersion =
    static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

void IgnoreNotice(void*, const char*) {}

}  // namespace

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

}  // namespace postgres_internal
}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
