// FtsHighlighter: search snippets made from stored text, with the words of
// an FTS5 query marked, tokenized by the index's own tokenizer (FTS5's
// unicode61 with remove_diacritics 2, looked up through the fts5_api of
// the connection), so "zurich" marks "Zürich" exactly as the index matched
// it.
//
// Why not FTS5's snippet(): it needs the row to be matched again, and a
// prefix query ("state"*) rebuilds its merged doclist on every such match
// (about 8 ms per hit on AllSides), which made 20 snippets cost more than
// the ranking. Here a snippet costs one tokenizer pass over the text.
//
// What is marked: every token equal to a query term (or starting with a
// prefix term). Phrase adjacency, NEAR and NOT are not checked: a hit
// already satisfies the query, and a NOT term cannot occur in it.
//
// Ownership: borrows the sqlite3 connection it was created on (which must
// outlive it). Not thread-safe: one per connection, like the connection.
#ifndef WHOSAID_STORE_FTS_HIGHLIGHT_H_
#define WHOSAID_STORE_FTS_HIGHLIGHT_H_

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

class FtsHighlighter {
 public:
  // Finds the unicode61 tokenizer of `db`'s FTS5 module.
  static Result<std::unique_ptr<FtsHighlighter>> Create(sqlite3* db);
  ~FtsHighlighter();
  FtsHighlighter(const FtsHighlighter&) = delete;
  FtsHighlighter& operator=(const FtsHighlighter&) = delete;

  // The terms of `fts_query` (FTS5 syntax: barewords, "phrases", x*,
  // AND/OR/NOT/NEAR, column filters, parentheses), folded by the
  // tokenizer. Bytes that are not valid syntax are skipped, never an error.
  struct Term {
    std::string folded;
    bool prefix = false;
  };
  std::vector<Term> Terms(std::string_view fts_query) const;

  // A window of at most `max_tokens` tokens of `text` holding the most
  // distinct terms (earliest on ties; the start of the text when none
  // occurs), every term occurrence wrapped in open..close, "…" where text
  // was cut.
  std::string Snippet(std::string_view text, const std::vector<Term>& terms,
                      std::string_view open, std::string_view close,
                      size_t max_tokens) const;

 private:
  struct Token {
    int begin, end;  // byte offsets into the text
    int term;        // index into the terms, -1: none
  };
  FtsHighlighter() = default;
  // Appends the folded tokens of a piece of query text.
  void AddQueryTokens(std::string_view text, bool prefix,
                      std::vector<Term>* terms) const;

  fts5_tokenizer api_{};
  Fts5Tokenizer* tokenizer_ = nullptr;
};

}  // namespace whosaid

#endif  // WHOSAID_STORE_FTS_HIGHLIGHT_H_
