// The corpus schema as a list of migrations: migration i takes a database
// from user_version i to i + 1. Append new migrations; never edit old ones.
// Constant data; safe from any thread.
#ifndef WHOSAID_SRC_STORE_SCHEMA_H_
#define WHOSAID_SRC_STORE_SCHEMA_H_

#include <span>
#include <string_view>

namespace whosaid {

// The backfill of version 3's speaker_labels from the stored entities (the
// label of the document's entity named as the speaker), in SQL that SQLite
// and PostgreSQL both run unchanged, so the two migrations share one text:
// each dialect's version 3 is its own DDL followed by this string literal.
// Entity labels are upper-case ASCII names (PERSON, ORG, LOC, MISC, whose
// first letters differ), so `ORDER BY e.label` gives one order under
// SQLite's BINARY collation and a PostgreSQL database's collation. The DDL
// itself differs (column types, WITHOUT ROWID, tsvector columns in place of
// FTS5 tables), so each store keeps its own (schema.cc, postgres_schema.cc).
#define WHOSAID_V3_SPEAKER_LABELS_BACKFILL                           \
  "INSERT INTO speaker_labels(speaker_id, label, quotes)\n"          \
  "  SELECT speaker_id, label, count(*) FROM (\n"                    \
  "    SELECT q.speaker_id AS speaker_id, coalesce((\n"              \
  "      SELECT e.label FROM entities e\n"                           \
  "      WHERE e.doc_id = q.doc_id AND e.name = q.speaker_name\n"    \
  "      ORDER BY e.mentions DESC, e.label LIMIT 1), '') AS label\n" \
  "    FROM quotes q WHERE q.speaker_id IS NOT NULL) t\n"            \
  "  GROUP BY speaker_id, label;\n"

// PRAGMA application_id of a whosaid corpus ("WHOS").
constexpr int kCorpusApplicationId = 0x57484F53;

// The SQL of each migration, in order; the schema version is its size.
std::span<const std::string_view> CorpusMigrations();

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SCHEMA_H_
