#include "src/store/schema.h"

namespace whosaid {
namespace {

// Version 1. Offsets are code points into documents.text. Hashes are
// 64-bit values stored as signed integers. Rows of duplicate documents
// (duplicate_of set) keep their text but no quotes, claims or entities and
// are not in doc_fts, so nothing is counted twice.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE outlets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE);
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  ext_id TEXT NOT NULL,
  content_hash INTEGER NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  outlet_id INTEGER REFERENCES outlets(id),
  text TEXT NOT NULL,
  text_hash INTEGER NOT NULL,
  simhash INTEGER,
  sketch BLOB,
  duplicate_of INTEGER REFERENCES documents(id),
  duplicate_kind TEXT,
  UNIQUE(ext_id, content_hash));
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate ON documents(duplicate_of);
CREATE TABLE speakers(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE);
CREATE TABLE speaker_roles(
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  role TEXT NOT NULL,
  PRIMARY KEY(speaker_id, role)) WITHOUT ROWID;
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id),
  label TEXT NOT NULL,
  name TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  first_begin INTEGER NOT NULL,
  first_end INTEGER NOT NULL);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE quote_clusters(
  id INTEGER PRIMARY KEY,
  first_quote INTEGER NOT NULL,
  representative TEXT NOT NULL);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id),
  content TEXT NOT NULL,
  cue TEXT NOT NULL DEFAULT '',
  speaker_mention TEXT NOT NULL DEFAULT '',
  speaker_name TEXT NOT NULL DEFAULT '',
  speaker_id INTEGER REFERENCES speakers(id),
  kind TEXT NOT NULL,
  score REAL NOT NULL DEFAULT 0,
  content_begin INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  cue_begin INTEGER, cue_end INTEGER,
  speaker_begin INTEGER, speaker_end INTEGER,
  cluster_id INTEGER REFERENCES quote_clusters(id));
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_cluster ON quotes(cluster_id);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id),
  text TEXT NOT NULL,
  value REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL,
  is_range INTEGER NOT NULL,
  value_key TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  counted TEXT NOT NULL DEFAULT '',
  group_key TEXT NOT NULL DEFAULT '',
  approx TEXT NOT NULL DEFAULT '',
  change TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  speaker_id INTEGER REFERENCES speakers(id),
  quote_id INTEGER REFERENCES quotes(id),
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_group ON claims(group_key, value_key);
CREATE VIRTUAL TABLE doc_fts USING fts5(title, text, content='documents',
  content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quote_fts USING fts5(content, content='quotes',
  content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claim_fts USING fts5(text, counted, content='claims',
  content_rowid='id', tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 2. (1) The input as the cleaner read it, as a delta against the
// clean text (src/corpus/input_delta.h); NULL when not kept (older rows,
// HTML pages). The article page maps offsets into it. (2) The event
// context of each comparable claim (src/corpus/claim_events.h): one row per
// (quantity, entity of the claim's sentence); claims stored before version
// 2 have none and are not compared. (3) Ingest cost: entities_name served
// no query; claims_group covers only the comparable claims (a group key),
// about one claim in nine.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE documents ADD COLUMN input_delta BLOB;
DROP INDEX entities_name;
DROP INDEX claims_group;
CREATE INDEX claims_group ON claims(group_key, value_key)
  WHERE group_key != '';
CREATE TABLE claim_context(
  group_key TEXT NOT NULL,
  entity TEXT NOT NULL,
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  PRIMARY KEY(group_key, entity, claim_id)) WITHOUT ROWID;
)sql";

// Version 3. Speakers across articles (src/corpus/speaker_links.h): the
// entity label of each speaker's quotes, counted (speaker_labels, '' for a
// quote whose document gives no label), so that the speaker's label, the
// majority, does not depend on the order of documents; the label and the
// speaker it is linked to, both set by CorpusStore::LinkSpeakers() at the
// end of an ingest. A corpus from before version 3 gets its counts from the
// stored entities: the label of the document's entity named as the speaker.
constexpr std::string_view kV3 = R"sql(
ALTER TABLE speakers ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE speakers ADD COLUMN linked_to INTEGER REFERENCES speakers(id);
CREATE INDEX speakers_linked ON speakers(linked_to)
  WHERE linked_to IS NOT NULL;
CREATE TABLE speaker_labels(
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  label TEXT NOT NULL,
  quotes INTEGER NOT NULL,
  PRIMARY KEY(speaker_id, label)) WITHOUT ROWID;
)sql" WHOSAID_V3_SPEAKER_LABELS_BACKFILL;

constexpr std::string_view kMigrations[] = {kV1, kV2, kV3};

}  // namespace

std::span<const std::string_view> CorpusMigrations() { return kMigrations; }

}  // namespace whosaid
