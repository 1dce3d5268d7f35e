// The PostgreSQL CorpusStore (see include/whosaid/corpus.h), over libpq.
//
// The same tables as the SQLite store (outlets, documents, speakers,
// speaker_roles, entities, quote_clusters, quotes, claims) in the current
// schema of the database named by a postgresql:// URL, versioned by the
// whosaid_migrations table; full-text search with tsvector columns, GIN
// indexes, ts_rank and ts_headline. Every statement is parameterised. One
// writer: a store that writes holds a session advisory lock, so a second
// ingest into the same database waits up to busy_timeout_ms, then fails.
// Ownership: the store owns its connection; one thread at a time.
#ifndef WHOSAID_SRC_STORE_POSTGRES_STORE_H_
#define WHOSAID_SRC_STORE_POSTGRES_STORE_H_

#include <memory>

#include "whosaid/corpus.h"

namespace whosaid {

// Limits of the PostgreSQL backend beyond StoreOptions.
struct PostgresOptions {
  // Seconds to wait for the server to answer a connection (libpq
  // connect_timeout); a connect_timeout in the URL wins.
  int connect_timeout_s = 5;
  // Only the first this many characters of a document's text are put in
  // its tsvector (PostgreSQL caps a tsvector at 1 MB).
  int max_indexed_chars = 256 * 1024;
};

// Opens (creating the tables and migrating when writable) the corpus in
// the database named by options.path, a postgresql:// or postgres:// URL.
// Errors name the URL without its password: IOError (unreachable, refused,
// no such database, another writer), NotFound (read-only and no corpus
// there), Corruption (from a newer whosaid, or foreign tables of the same
// names), InvalidArgument (built without libpq).
Result<std::unique_ptr<CorpusStore>> OpenPostgresStore(
    const StoreOptions& options, const PostgresOptions& pg = {});

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_POSTGRES_STORE_H_
