// The PostgreSQL store's full-text search: Search() (rank, then show)
// and Facets(), over the tsvector columns with the FTS5 syntax translated
// by src/store/postgres_query.h.
#include "src/store/postgres_store_impl.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <algorithm>

#include "src/store/facet_counter.h"
#include "src/store/postgres_query.h"
#include "src/store/search_target.h"

namespace whosaid {
namespace postgres_internal {
namespace {

// The rows of `target` that match the tsquery `tq`, with the aliases the
// filters use (o, d, s, q, c); Search ranks them, Facets counts them.
std::string_view MatchFrom(SearchQuery::Target target) {
  switch (target) {
    case SearchQuery::Target::kDocuments:
      return "documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
             "WHERE d.fts @@ tq";
    case SearchQuery::Target::kQuotes:
      return "quotes q JOIN documents d ON d.id = q.doc_id "
             "LEFT JOIN outlets o ON o.id = d.outlet_id "
             "LEFT JOIN speakers s ON s.id = q.speaker_id "
             "LEFT JOIN speakers ls ON ls.id = s.linked_to WHERE q.fts @@ tq";
    default:
      return "claims c JOIN documents d ON d.id = c.doc_id "
             "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.fts @@ tq";
  }
}

// The LIKE patterns of a query's filters; they must outlive the statement.
struct FilterPatterns {
  std::string outlet, speaker;
};

// Appends the filters of `query` (outlet, dates, speaker, kind) to *where
// as " AND ..." conditions on the aliases o, d, s, q, c of the search
// statements, their parameters to *p from $`next` on. Names match as in
// the SQLite store: containing the text, ASCII letters in any case.
void AppendFilters(const SearchQuery& query, SearchQuery::Target target,
                   int next, PgParams* p, std::string* where,
                   FilterPatterns* patterns) {
  if (!query.outlet.empty()) {
    patterns->outlet = PgContainsPattern(query.outlet);
    *where += " AND " + PgLikeAscii("o.name", next++);
    p->Text(patterns->outlet);
  }
  // Undated documents never pass a date filter.
  if (!query.since.empty()) {
    *where += fmt::format(
        " AND d.published <> '' AND substr(d.published, 1, 10) >= ${}", next++);
    p->Text(query.since);
  }
  if (!query.until.empty()) {
    *where += fmt::format(
        " AND d.published <> '' AND substr(d.published, 1, 10) <= ${}", next++);
    p->Text(query.until);
  }
  if (!query.speaker.empty()) {
    patterns->speaker = PgContainsPattern(query.speaker);
    // Quotes: the speaker's own name or the one it is linked to.
    if (target == SearchQuery::Target::kQuotes) {
      *where += " AND (" +
                PgLikeAscii("coalesce(s.name, q.speaker_name)", next) + " OR " +
                PgLikeAscii("ls.name", next) + ")";
      ++next;
    } else {
      *where += " AND " + PgLikeAscii("c.source_name", next++);
    }
    p->Text(patterns->speaker);
  }
  if (!query.kind.empty()) {
    *where += fmt::format(" AND q.kind = ${}", next++);
    p->Text(query.kind);
  }
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

}  // namespace

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
  const std::string_view rank_from = MatchFrom(target);
  std::string_view target_name, rank_expr, show;
  int words = 24;
  if (target == Target::kDocuments) {
    target_name = "document";
    words = 16;
    // Titles (weight A) weigh 3x the text (weight B).
    rank_expr = "ts_rank('{0, 0, 0.333333, 1}', d.fts, tq)";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), ts_headline('simple', d.text, "
        "to_tsquery('simple', $1), $2), '', '', 0 FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = $3";
  } else if (target == Target::kQuotes) {
    target_name = "quote";
    rank_expr = "ts_rank(q.fts, tq)";
    show =
        "SELECT d.id, d.ext_id, d.title, d.url, d.published, "
        "coalesce(o.name, ''), ts_headline('simple', q.content, "
        "to_tsquery('simple', $1), $2), "
        "coalesce(ls.name, s.name, q.speaker_name), "
        "q.kind, coalesce(q.cluster_id, 0) FROM quotes q "
        "JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN outlets o ON o.id = d.outlet_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id "
        "LEFT JOIN speakers ls ON ls.id = s.linked_to WHERE q.id = $3";
  } else {
    target_name = "claim";
    rank_expr = "ts_rank(c.fts, tq)";
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
  FilterPatterns patterns;
  auto fill = [&](int64_t second, PgParams* p) {
    p->Text(tsquery.value()).Int(second);
    where.clear();
    AppendFilters(query, target, 3, p, &where, &patterns);
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
  const std::string_view from = MatchFrom(target);
  std::string_view keys;
  if (target == Target::kDocuments) {
    keys = "coalesce(o.name, ''), substr(d.published, 1, 7), '', ''";
  } else if (target == Target::kQuotes) {
    keys =
        "coalesce(o.name, ''), substr(d.published, 1, 7), "
        "coalesce(ls.name, s.name, q.speaker_name), q.kind";
  } else {
    keys = "coalesce(o.name, ''), substr(d.published, 1, 7), c.source_name, ''";
  }
  PgParams p;
  p.Text(tsquery.value());
  std::string where;
  FilterPatterns patterns;
  AppendFilters(query, target, 2, &p, &where, &patterns);
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

}  // namespace postgres_internal
}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
