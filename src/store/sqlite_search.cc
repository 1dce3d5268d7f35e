// The SQLite store's full-text search: Search() (bound, rank, then show)
// and Facets(), over the FTS5 tables with the user's FTS5 query.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "src/store/facet_counter.h"
#include "src/store/search_target.h"
#include "src/store/sqlite_store_impl.h"

namespace whosaid {
namespace sqlite_internal {

namespace {

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

}  // namespace

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

}  // namespace sqlite_internal
}  // namespace whosaid
