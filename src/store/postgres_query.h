// Translation of the corpus search syntax (the FTS5 subset the CLI
// documents: words, "phrases", AND, OR, NOT, prefix*, parentheses) into the
// text of a PostgreSQL tsquery for to_tsquery('simple', ...), so the
// PostgreSQL backend accepts the same queries as the SQLite one. Pure
// functions on caller-owned data; safe from any thread.
#ifndef WHOSAID_SRC_STORE_POSTGRES_QUERY_H_
#define WHOSAID_SRC_STORE_POSTGRES_QUERY_H_

#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid {

// Returns the tsquery text for `match`: every word and phrase becomes a
// quoted tsquery literal (PostgreSQL's parser splits and case-folds it;
// several lexemes form a phrase), `x*` becomes a prefix match, implicit and
// explicit AND become &, OR |, the binary NOT "& !". Iterative (no recursion
// on the input's nesting). InvalidArgument on an empty query, an unbalanced
// parenthesis or quote, a dangling operator, or a NEAR group (unsupported).
Result<std::string> Fts5ToTsquery(std::string_view match);

// `s` as a pattern for PgLikeAscii() matching any text containing it: LIKE
// wildcards escaped, ASCII letters lowercased.
std::string PgContainsPattern(std::string_view s);

// The condition "`expr` matches the PgContainsPattern() in parameter
// $`param`" with ASCII letters in any case and every other character as
// it is, as SQLite's LIKE matches, whatever the server's locale (ILIKE
// would fold non-ASCII letters too under a UTF-8 locale, and the backends
// would answer differently).
std::string PgLikeAscii(std::string_view expr, int param);

// `url` with any password (user:PASSWORD@ or password=... parameter)
// replaced by "***": safe to print.
std::string RedactPostgresUrl(std::string_view url);

// True when `path` is a postgresql:// or postgres:// URL.
bool IsPostgresUrl(std::string_view path);

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_POSTGRES_QUERY_H_
