// The PostgreSQL store's reads beyond search: top speakers, a speaker's
// quotes, the claim comparison (events by src/corpus/claim_events.h, as in
// the SQLite store), Stats() and Check().
#include "src/store/postgres_store_impl.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <algorithm>
#include <unordered_map>

#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#include "src/store/postgres_query.h"

namespace whosaid {
namespace postgres_internal {

Result<std::vector<SpeakerSummary>> PostgresStore::TopSpeakers(size_t n) {
  auto r = Run(
      "SELECT c.id, c.name, count(*) AS n, count(DISTINCT q.doc_id), "
      "count(DISTINCT d.outlet_id) FROM quotes q "
      "JOIN speakers s ON s.id = q.speaker_id "
      "JOIN speakers c ON c.id = coalesce(s.linked_to, s.id) "
      "JOIN documents d ON d.id = q.doc_id "
      "GROUP BY c.id, c.name ORDER BY n DESC, c.name COLLATE \"C\" LIMIT $1",
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
      Run("SELECT DISTINCT coalesce(s.linked_to, s.id), r.role COLLATE \"C\" "
          "FROM speaker_roles r JOIN speakers s ON s.id = r.speaker_id "
          "WHERE s.id = ANY($1::bigint[]) OR s.linked_to = ANY($1::bigint[]) "
          "ORDER BY 1, 2",
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
    auto r = Run(
        pass == 0
            ? "SELECT coalesce(linked_to, id) FROM speakers WHERE name_key = $1"
            : "SELECT coalesce(linked_to, id) FROM speakers "
              "WHERE lower(name COLLATE \"C\") LIKE $1 ESCAPE '\\' ORDER BY id",
        PgParams().Text(pass == 0 ? key : pattern), "reading speakers");
    if (!r.ok()) return r.status();
    for (int i = 0; i < r.value().rows(); ++i) {
      // Several matching names may share one identity: each once.
      const int64_t id = r.value().Int(i, 0);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  std::vector<QuoteRecord> out;
  for (int64_t id : ids) {
    if (out.size() >= limit) break;
    auto r =
        Run("SELECT q.id, q.content, q.cue, q.speaker_mention, "
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
            "WHERE q.speaker_id IN (SELECT id FROM speakers WHERE id = $1 "
            "UNION ALL SELECT id FROM speakers WHERE linked_to = $1) "
            "ORDER BY d.published COLLATE \"C\", q.id LIMIT $2",
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
      "(SELECT coalesce(max(version), 0) FROM whosaid_migrations), "
      "(SELECT count(*) FROM speakers WHERE linked_to IS NOT NULL), "
      "(SELECT coalesce(sum(l.quotes), 0) FROM speakers s "
      "  JOIN speaker_labels l ON l.speaker_id = s.id "
      "  WHERE s.linked_to IS NOT NULL)",
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
  stats.linked_speakers = static_cast<size_t>(st.Int(0, 13));
  stats.linked_quotes = static_cast<size_t>(st.Int(0, 14));
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

}  // namespace postgres_internal
}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
