// The SQLite store's reads beyond search: top speakers, a speaker's
// quotes, the claim comparison (events by src/corpus/claim_events.h, as in
// the PostgreSQL store), Stats() and Check().
#include <algorithm>
#include <tuple>

#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#include "src/store/schema.h"
#include "src/store/sqlite_store_impl.h"

namespace whosaid {
namespace sqlite_internal {

Result<std::vector<SpeakerSummary>> SqliteStore::TopSpeakers(size_t n) {
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT c.id, c.name, count(*) AS n, count(DISTINCT q.doc_id), "
      "count(DISTINCT d.outlet_id) FROM quotes q "
      "JOIN speakers s ON s.id = q.speaker_id "
      "JOIN speakers c ON c.id = coalesce(s.linked_to, s.id) "
      "JOIN documents d ON d.id = q.doc_id "
      "GROUP BY c.id ORDER BY n DESC, c.name LIMIT ?1");
  if (!s.ok()) return s;
  st.Bind(1, static_cast<int64_t>(n));
  Stmt roles;
  s = roles.Prepare(db_,
                    "SELECT DISTINCT role FROM speaker_roles WHERE speaker_id "
                    "IN (SELECT id FROM speakers WHERE id = ?1 "
                    "UNION ALL SELECT id FROM speakers WHERE linked_to = ?1) "
                    "ORDER BY role");
  if (!s.ok()) return s;
  std::vector<SpeakerSummary> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SpeakerSummary sp;
    sp.id = st.Int(0);
    sp.name = st.String(1);
    sp.quotes = static_cast<size_t>(st.Int(2));
    sp.documents = static_cast<size_t>(st.Int(3));
    sp.outlets = static_cast<size_t>(st.Int(4));
    roles.Bind(1, sp.id);
    int rrc;
    while ((rrc = roles.Step()) == SQLITE_ROW)
      sp.roles.push_back(roles.String(0));
    roles.Reset();
    if (rrc != SQLITE_DONE) return SqliteStatus(db_, rrc, "reading roles");
    out.push_back(std::move(sp));
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  return out;
}

Result<std::vector<QuoteRecord>> SqliteStore::QuotesBySpeaker(
    std::string_view name, size_t limit) {
  std::vector<int64_t> ids;
  for (int pass = 0; pass < 2 && ids.empty(); ++pass) {
    Stmt st;
    Status s = st.Prepare(
        db_, pass == 0 ? "SELECT coalesce(linked_to, id) FROM speakers "
                         "WHERE name_key = ?1"
                       : "SELECT coalesce(linked_to, id) FROM speakers "
                         "WHERE name LIKE ?1 ESCAPE '\\' ORDER BY id");
    if (!s.ok()) return s;
    st.Bind(1, pass == 0 ? NormalizeText(name) : ContainsPattern(name));
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      // Several matching names may share one identity: each once.
      if (std::find(ids.begin(), ids.end(), st.Int(0)) == ids.end()) {
        ids.push_back(st.Int(0));
      }
    }
    if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  }
  Stmt st;
  Status s =
      st.Prepare(db_,
                 "SELECT q.id, q.content, q.cue, q.speaker_mention, "
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
                 "WHERE q.speaker_id IN (SELECT id FROM speakers WHERE id = ?1 "
                 "UNION ALL SELECT id FROM speakers WHERE linked_to = ?1) "
                 "ORDER BY d.published, q.id LIMIT ?2");
  if (!s.ok()) return s;
  std::vector<QuoteRecord> out;
  for (int64_t id : ids) {
    if (out.size() >= limit) break;
    st.Bind(1, id);
    st.Bind(2, static_cast<int64_t>(limit - out.size()));
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      QuoteRecord r;
      r.id = st.Int(0);
      r.content = st.String(1);
      r.cue = st.String(2);
      r.speaker_mention = st.String(3);
      r.speaker = st.String(4);
      r.kind = st.String(5);
      r.begin = static_cast<uint32_t>(st.Int(6));
      r.end = static_cast<uint32_t>(st.Int(7));
      r.doc_id = st.String(8);
      r.title = st.String(9);
      r.url = st.String(10);
      r.published = st.String(11);
      r.outlet = st.String(12);
      r.cluster = st.Int(13);
      r.cluster_outlets = r.cluster ? static_cast<size_t>(st.Int(14)) : 0;
      out.push_back(std::move(r));
    }
    st.Reset();
    if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading quotes");
  }
  return out;
}

Result<std::vector<ClaimEvent>> SqliteStore::ClaimEvents(size_t limit) {
  // Only quantities that disagree across outlets at all can hold an event
  // that does: the rest is filtered in SQL.
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT x.group_key, x.entity, x.claim_id, c.value_key, "
      "coalesce(d.outlet_id, 0), d.published FROM claim_context x "
      "JOIN claims c ON c.id = x.claim_id "
      "JOIN documents d ON d.id = c.doc_id "
      "WHERE x.group_key IN (SELECT c2.group_key FROM claims c2 "
      "  JOIN documents d2 ON d2.id = c2.doc_id WHERE c2.group_key != '' "
      "  GROUP BY c2.group_key HAVING count(DISTINCT c2.value_key) > 1 "
      "  AND count(DISTINCT d2.outlet_id) > 1)");
  if (!s.ok()) return s;
  std::vector<ClaimContextRow> rows;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    rows.push_back({st.String(0), st.String(1), st.Int(2), st.String(3),
                    st.Int(4), st.String(5)});
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading claims");
  return FindClaimEvents(std::move(rows), options_.corpus.claim_window_days,
                         limit);
}

Result<std::vector<ClaimGroup>> SqliteStore::CompareClaims(size_t limit) {
  auto events = ClaimEvents(limit);
  if (!events.ok()) return events.status();
  Stmt st;
  Status s = st.Prepare(
      db_,
      "SELECT c.counted, c.unit, c.value, c.low, c.high, c.is_range, c.text, "
      "c.source_name, c.approx, d.ext_id, d.title, d.url, d.published, "
      "coalesce(o.name, '') FROM claims c "
      "JOIN documents d ON d.id = c.doc_id "
      "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE c.id = ?1");
  if (!s.ok()) return s;
  std::vector<ClaimGroup> out;
  for (const ClaimEvent& ev : events.value()) {
    ClaimGroup g;
    g.key = ev.key;
    g.distinct_values = ev.values;
    g.context = ev.entities;
    g.from = ev.from;
    g.to = ev.to;
    for (int64_t id : ev.claim_ids) {
      st.Bind(1, id);
      int rc = st.Step();
      if (rc == SQLITE_ROW) {
        ClaimRecord c;
        c.counted = st.String(0);
        c.unit = st.String(1);
        c.value = st.Double(2);
        c.low = st.Double(3);
        c.high = st.Double(4);
        c.is_range = st.Int(5) != 0;
        c.text = st.String(6);
        c.source = st.String(7);
        c.approx = st.String(8);
        c.doc_id = st.String(9);
        c.title = st.String(10);
        c.url = st.String(11);
        c.published = st.String(12);
        c.outlet = st.String(13);
        if (g.claims.empty()) {
          g.counted = c.counted;
          g.unit = c.unit;
        }
        g.claims.push_back(std::move(c));
      } else if (rc != SQLITE_DONE) {
        return SqliteStatus(db_, rc, "reading claims");
      }
      st.Reset();
    }
    // By value, then date: the spread reads from low to high.
    std::stable_sort(g.claims.begin(), g.claims.end(),
                     [](const ClaimRecord& a, const ClaimRecord& b) {
                       return std::tie(a.low, a.high, a.published) <
                              std::tie(b.low, b.high, b.published);
                     });
    out.push_back(std::move(g));
  }
  return out;
}

Result<CorpusStats> SqliteStore::Stats() {
  CorpusStats stats;
  stats.schema_version = static_cast<int>(CorpusMigrations().size());
  struct Item {
    const char* sql;
    size_t* out;
  } items[] = {
      {"SELECT count(*) FROM documents", &stats.documents},
      {"SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
       &stats.duplicates},
      {"SELECT count(*) FROM documents WHERE duplicate_kind = 'exact'",
       &stats.exact_duplicates},
      {"SELECT count(*) FROM documents WHERE duplicate_kind = 'near'",
       &stats.near_duplicates},
      {"SELECT count(*) FROM outlets", &stats.outlets},
      {"SELECT count(*) FROM quotes", &stats.quotes},
      {"SELECT count(*) FROM quote_clusters", &stats.clusters},
      {"SELECT count(*) FROM (SELECT q.cluster_id FROM quotes q "
       "JOIN documents d ON d.id = q.doc_id WHERE q.cluster_id IS NOT NULL "
       "GROUP BY q.cluster_id HAVING count(DISTINCT d.outlet_id) > 1)",
       &stats.multi_outlet_clusters},
      {"SELECT count(*) FROM speakers", &stats.speakers},
      {"SELECT count(*) FROM entities", &stats.entities},
      {"SELECT count(*) FROM claims", &stats.claims},
      {"SELECT count(*) FROM speakers WHERE linked_to IS NOT NULL",
       &stats.linked_speakers},
      {"SELECT coalesce(sum(l.quotes), 0) FROM speakers s "
       "JOIN speaker_labels l ON l.speaker_id = s.id "
       "WHERE s.linked_to IS NOT NULL",
       &stats.linked_quotes},
  };
  for (const Item& item : items) {
    Stmt st;
    Status s = st.Prepare(db_, item.sql);
    if (!s.ok()) return s;
    int rc = st.Step();
    if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "counting");
    *item.out = static_cast<size_t>(st.Int(0));
  }
  auto events = ClaimEvents(0);
  if (!events.ok()) return events.status();
  stats.conflicting_claim_groups = events.value().size();
  return stats;
}

Status SqliteStore::Check() {
  Stmt st;
  Status s = st.Prepare(db_, "PRAGMA integrity_check");
  if (!s.ok()) return s;
  std::string problems;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (st.Text(0) != "ok") problems += std::string(st.Text(0)) + "; ";
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "checking integrity");
  if (!problems.empty()) return Status::Corruption(problems);
  return Status::OK();
}

}  // namespace sqlite_internal
}  // namespace whosaid
