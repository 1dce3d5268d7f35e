// The SQLite store's writer: Add() and the caches it links new documents
// and quotes against, and LinkSpeakers(). A document's row values come from
// StoreRows (src/corpus/store_rows.h, prepared on the extraction threads)
// and its keys from DocumentFeatures, the same values the PostgreSQL store
// writes: neither backend builds row values of its own. The order of a
// batch's and a document's writes is BatchWriter's and DocumentWriter's
// (src/store/batch_writer.h, document_writer.h); this file has the steps.
#include <cstring>

#include "src/corpus/features.h"
#include "src/corpus/speaker_links.h"
#include "src/corpus/store_rows.h"
#include "src/store/sqlite_store_impl.h"

namespace whosaid {
namespace sqlite_internal {

Status SqliteStore::ForEachIdentity(
    const std::function<void(std::string_view, uint64_t)>& fn) {
  auto st = Get("SELECT ext_id, content_hash FROM documents");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    fn(q->Text(0), static_cast<uint64_t>(q->Int(1)));
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading documents");
  return Status::OK();
}

Status SqliteStore::LoadCaches() {
  auto st =
      Get("SELECT id, text_hash, simhash, sketch FROM documents "
          "WHERE duplicate_of IS NULL ORDER BY id");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    DocumentFeatures f;
    f.text_hash = static_cast<uint64_t>(q->Int(1));
    f.has_simhash = !q->IsNull(2);
    f.simhash = static_cast<uint64_t>(q->Int(2));
    std::string_view blob = q->Blob(3);
    f.sketch.resize(blob.size() / sizeof(uint64_t));
    if (!f.sketch.empty()) {
      std::memcpy(f.sketch.data(), blob.data(),
                  f.sketch.size() * sizeof(uint64_t));
    }
    index_.AddDocument(q->Int(0), f);
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading documents");
  st =
      Get("SELECT cluster_id, content FROM quotes WHERE cluster_id IS NOT NULL "
          "ORDER BY id");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW) {
    index_.AddQuote(q->Int(0),
                    ComputeQuoteFeatures(q->Text(1), options_.corpus));
  }
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading quotes");
  if (!index_.status().ok()) return index_.status();
  st = Get("SELECT coalesce(max(id), 0) + 1 FROM quotes");
  if (!st.ok()) return st.status();
  q = st.value();
  rc = q->Step();
  if (rc != SQLITE_ROW) return SqliteStatus(db_, rc, "reading quotes");
  next_quote_id_ = q->Int(0);
  q->Reset();
  st = Get("SELECT id, name FROM outlets");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW) outlets_[q->String(1)] = q->Int(0);
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading outlets");
  st = Get("SELECT id, name_key FROM speakers");
  if (!st.ok()) return st.status();
  q = st.value();
  while ((rc = q->Step()) == SQLITE_ROW)
    speakers_.Insert(q->Text(1), q->Int(0));
  q->Reset();
  if (rc != SQLITE_DONE) return SqliteStatus(db_, rc, "reading speakers");
  loaded_ = true;
  return Status::OK();
}

Result<int64_t> SqliteStore::OutletId(std::string_view name) {
  if (name.empty()) return int64_t{0};
  auto it = outlets_.find(std::string(name));
  if (it != outlets_.end()) return it->second;
  auto st = Get("INSERT INTO outlets(name) VALUES (?1)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, name);
  Status s = st.value()->Run("adding an outlet");
  if (!s.ok()) return s;
  int64_t id = sqlite3_last_insert_rowid(db_);
  outlets_.emplace(std::string(name), id);
  return id;
}

Result<int64_t> SqliteStore::SpeakerId(std::string_view name,
                                       std::string_view key) {
  if (key.empty()) return int64_t{0};
  if (int64_t id = speakers_.Find(key); id != 0) return id;
  if (!speakers_.complete()) {  // it may be stored and dropped from memory
    auto st = Get("SELECT id FROM speakers WHERE name_key = ?1");
    if (!st.ok()) return st.status();
    st.value()->Bind(1, key);
    auto found = FirstInt(st.value(), "looking up a speaker");
    if (!found.ok()) return found.status();
    ++speaker_reads_;
    if (const int64_t id = found.value(); id != 0) {
      speakers_.Insert(key, id);
      return id;
    }
  }
  auto st = Get("INSERT INTO speakers(name, name_key) VALUES (?1, ?2)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, name);
  st.value()->Bind(2, key);
  Status s = st.value()->Run("adding a speaker");
  if (!s.ok()) return s;
  int64_t id = sqlite3_last_insert_rowid(db_);
  speakers_.Insert(key, id);
  return id;
}

Status SqliteStore::BeginBatch() {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  return Exec(db_, "BEGIN IMMEDIATE", "starting a transaction");
}

Status SqliteStore::CommitBatch() {
  // A cached statement left on a row keeps the connection's read snapshot
  // open past COMMIT; the checkpointer can then never copy WAL frames past
  // it, and the WAL grew to the size of the whole corpus.
  for (auto& [sql, stmt] : statements_) stmt->Reset();
  return Exec(db_, "COMMIT", "committing a transaction");
}

Result<WriteCounts> SqliteStore::Add(std::span<const IngestRecord> batch) {
  auto written = WriteBatch(batch);  // src/store/batch_writer.h
  if (!written.ok()) return written;
  WriteCounts counts = written.value();
  if (checkpointer_) checkpointer_->Poke();
  counts.link = index_.counters();
  int cur = 0, high = 0;
  if (sqlite3_db_status(db_, SQLITE_DBSTATUS_CACHE_USED, &cur, &high, 0) ==
      SQLITE_OK) {
    counts.store.page_cache_bytes = static_cast<uint64_t>(cur);
  }
  uint64_t statement_bytes = 0;
  for (int op : {SQLITE_DBSTATUS_STMT_USED, SQLITE_DBSTATUS_SCHEMA_USED}) {
    if (sqlite3_db_status(db_, op, &cur, &high, 0) == SQLITE_OK) {
      statement_bytes += static_cast<uint64_t>(cur);
    }
  }
  counts.store.statement_bytes = statement_bytes;
  counts.store.cache_bytes = speakers_.memory_bytes();
  for (const auto& [name, id] : outlets_) {
    counts.store.cache_bytes += sizeof(name) + sizeof(id) + 16 +
                                (name.size() > 15 ? name.capacity() + 1 : 0);
  }
  counts.store.speakers_cached = speakers_.size();
  counts.store.speaker_reads = speaker_reads_;
  return counts;
}

Result<bool> SqliteStore::IsStored(std::string_view id, uint64_t content_hash) {
  auto st =
      Get("SELECT 1 FROM documents WHERE ext_id = ?1 AND content_hash = ?2");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->Bind(1, id);
  q->Bind(2, static_cast<int64_t>(content_hash));
  auto found = FirstInt(q, "looking up a document");
  if (!found.ok()) return found.status();
  return found.value() != 0;
}

Status SqliteStore::WriteSpeakerLabels() {
  if (label_tally_.empty()) return Status::OK();
  auto st =
      Get("INSERT INTO speaker_labels(speaker_id, label, quotes) "
          "VALUES (?1, ?2, ?3) ON CONFLICT(speaker_id, label) "
          "DO UPDATE SET quotes = quotes + excluded.quotes");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  for (const SpeakerLabelTally::Count& c : label_tally_.Take()) {
    q->Bind(1, c.speaker);
    // "" not NULL: an unknown label's view may have no data pointer.
    q->BindStatic(2, c.label.empty() ? std::string_view("") : c.label);
    q->Bind(3, c.quotes);
    Status s = q->Run("counting a speaker's labels");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status SqliteStore::AddOne(const IngestRecord& r, WriteCounts* counts) {
  return WriteDocument(r, counts);  // src/store/document_writer.h
}

Result<int64_t> SqliteStore::InsertDocument(const IngestRecord& r,
                                            int64_t outlet, int64_t dup,
                                            bool exact) {
  const Document& doc = r.doc;
  const DocumentFeatures& f = r.features;
  auto st =
      Get("INSERT INTO documents(ext_id, content_hash, url, title, published, "
          "author, outlet_id, text, text_hash, simhash, duplicate_of, "
          "duplicate_kind, sketch, input_delta) VALUES "
          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->BindStatic(1, doc.id);
  q->Bind(2, static_cast<int64_t>(f.content_hash));
  q->BindStatic(3, doc.url);
  q->BindStatic(4, doc.title);
  q->BindStatic(5, doc.published);
  q->BindStatic(6, doc.author);
  q->BindOrNull(7, outlet);
  q->BindStatic(8, doc.text);
  q->Bind(9, static_cast<int64_t>(f.text_hash));
  if (f.has_simhash) {
    q->Bind(10, static_cast<int64_t>(f.simhash));
  } else {
    q->BindNull(10);
  }
  q->BindOrNull(11, dup);
  if (dup) {
    q->Bind(12, std::string_view(exact ? "exact" : "near"));
  } else {
    q->BindNull(12);
  }
  if (f.has_simhash) {
    q->BindBlob(13, f.sketch.data(), f.sketch.size() * sizeof(uint64_t));
  } else {
    q->BindNull(13);
  }
  if (f.has_input_delta) {
    q->BindBlob(14, f.input_delta.data(), f.input_delta.size());
  } else {
    q->BindNull(14);
  }
  Status s = q->Run("adding a document");
  if (!s.ok()) return s;
  const int64_t row = sqlite3_last_insert_rowid(db_);
  if (dup) return row;  // duplicates are not indexed: nothing listed twice
  st = Get("INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  q = st.value();
  q->Bind(1, row);
  q->BindStatic(2, doc.title);
  q->BindStatic(3, doc.text);
  s = q->Run("indexing a document");
  if (!s.ok()) return s;
  return row;
}

Status SqliteStore::InsertEntity(int64_t doc_row, const StoreRows::Entity& e) {
  auto st =
      Get("INSERT INTO entities(doc_id, label, name, mentions, first_begin, "
          "first_end) VALUES (?1,?2,?3,?4,?5,?6)");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->Bind(1, doc_row);
  q->BindStatic(2, std::string_view(EntityLabelName(e.label)));
  q->BindStatic(3, e.name);
  q->Bind(4, e.mentions);
  q->Bind(5, e.first_begin);
  q->Bind(6, e.first_end);
  return q->Run("adding an entity");
}

Status SqliteStore::InsertSpeakerRole(int64_t speaker,
                                      const std::string& role) {
  auto st =
      Get("INSERT OR IGNORE INTO speaker_roles(speaker_id, role) "
          "VALUES (?1, ?2)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, speaker);
  st.value()->Bind(2, role);
  return st.value()->Run("adding a speaker role");
}

Result<int64_t> SqliteStore::InsertQuote(const QuoteWrite& w,
                                         int64_t* cluster) {
  const Document& doc = *w.doc;
  const Attribution& a = *w.quote;
  const StoreRows::Quote& qr = *w.row;
  const std::string& content = qr.content;
  *cluster = w.cluster;
  // The quote's row id is known before it is written (ids are dense and
  // only this writer adds quotes), so a new cluster is written first and
  // the quote once, already pointing at it.
  const int64_t quote_row = next_quote_id_;
  Status s;
  if (w.new_cluster) {
    auto cs =
        Get("INSERT INTO quote_clusters(first_quote, representative) "
            "VALUES (?1, ?2)");
    if (!cs.ok()) return cs.status();
    cs.value()->Bind(1, quote_row);
    cs.value()->BindStatic(2, content);
    s = cs.value()->Run("adding a quote cluster");
    if (!s.ok()) return s;
    *cluster = sqlite3_last_insert_rowid(db_);
  }
  auto st =
      Get("INSERT INTO quotes(id, doc_id, content, cue, speaker_mention, "
          "speaker_name, speaker_id, kind, score, content_begin, content_end, "
          "cue_begin, cue_end, speaker_begin, speaker_end, cluster_id) VALUES "
          "(?16,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->Bind(1, w.doc_row);
  q->BindStatic(2, content);
  q->BindStatic(3, doc.Text(a.cue));
  q->BindStatic(4, doc.Text(a.speaker));
  q->BindStatic(5, a.speaker_name);
  q->BindOrNull(6, w.speaker);
  q->BindStatic(7, std::string_view(QuoteKindName(a.kind)));
  q->Bind(8, static_cast<double>(a.score));
  q->Bind(9, qr.content_begin);
  q->Bind(10, qr.content_end);
  if (qr.cue_begin >= 0) {
    q->Bind(11, qr.cue_begin);
    q->Bind(12, qr.cue_end);
  }
  if (qr.speaker_begin >= 0) {
    q->Bind(13, qr.speaker_begin);
    q->Bind(14, qr.speaker_end);
  }
  q->BindOrNull(15, *cluster);
  q->Bind(16, quote_row);
  s = q->Run("adding a quote");
  if (!s.ok()) return s;
  ++next_quote_id_;
  st = Get("INSERT INTO quote_fts(rowid, content) VALUES (?1, ?2)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, quote_row);
  st.value()->BindStatic(2, content);
  s = st.value()->Run("indexing a quote");
  if (!s.ok()) return s;
  return quote_row;
}

Result<int64_t> SqliteStore::InsertClaim(const ClaimWrite& w) {
  const Document& doc = *w.doc;
  const Claim& c = *w.claim;
  const StoreRows::Claim& cr = *w.row;
  auto st =
      Get("INSERT INTO claims(doc_id, text, value, low, high, is_range, "
          "value_key, unit, counted, group_key, approx, change, source_name, "
          "speaker_id, quote_id, span_begin, span_end) VALUES "
          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
  if (!st.ok()) return st.status();
  Stmt* q = st.value();
  q->Bind(1, w.doc_row);
  q->BindStatic(2, doc.Text(c.span));
  q->Bind(3, c.value);
  q->Bind(4, c.is_range ? c.low : c.value);
  q->Bind(5, c.is_range ? c.high : c.value);
  q->Bind(6, int64_t{c.is_range});
  q->BindStatic(7, cr.value_key);
  q->BindStatic(8, c.unit);
  q->BindStatic(9, doc.Text(c.counted));
  q->Bind(10, w.group_key);
  q->BindStatic(11, c.approx);
  q->BindStatic(12, c.change);
  q->BindStatic(13, cr.source);
  q->BindOrNull(14, w.speaker);
  q->BindOrNull(15, w.quote);
  q->Bind(16, cr.span_begin);
  q->Bind(17, cr.span_end);
  Status s = q->Run("adding a claim");
  if (!s.ok()) return s;
  const int64_t claim_row = sqlite3_last_insert_rowid(db_);
  st = Get("INSERT INTO claim_fts(rowid, text, counted) VALUES (?1,?2,?3)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, claim_row);
  st.value()->BindStatic(2, doc.Text(c.span));
  st.value()->BindStatic(3, doc.Text(c.counted));
  s = st.value()->Run("indexing a claim");
  if (!s.ok()) return s;
  return claim_row;
}

Status SqliteStore::InsertClaimContext(std::string_view group_key,
                                       std::string_view entity,
                                       int64_t claim_row) {
  auto st =
      Get("INSERT OR IGNORE INTO claim_context(group_key, entity, "
          "claim_id) VALUES (?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  st.value()->BindStatic(1, group_key);
  st.value()->BindStatic(2, entity);
  st.value()->Bind(3, claim_row);
  return st.value()->Run("adding a claim context");
}

Result<SpeakerLinkCounts> SqliteStore::LinkSpeakers() {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a transaction");
  if (!s.ok()) return s;
  // Speakers, ordered by id; then their label counts in the same order.
  std::vector<SpeakerLinkRow> rows;
  std::vector<std::pair<std::string, int64_t>> stored;  // label, linked_to
  {
    Stmt st;
    s = st.Prepare(db_,
                   "SELECT id, name_key, label, coalesce(linked_to, 0), "
                   "name FROM speakers ORDER BY id");
    if (!s.ok()) return Rollback(s);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      rows.push_back({st.Int(0), st.String(1), "", 0, st.String(4)});
      stored.emplace_back(st.String(2), st.Int(3));
    }
    if (rc != SQLITE_DONE) {
      return Rollback(SqliteStatus(db_, rc, "reading speakers"));
    }
    s = st.Prepare(db_,
                   "SELECT speaker_id, label, quotes FROM speaker_labels "
                   "ORDER BY speaker_id");
    if (!s.ok()) return Rollback(s);
    size_t i = 0;
    std::vector<std::pair<std::string, size_t>> counts;
    auto finish = [&] {
      if (i < rows.size()) rows[i].label = MajorityLabel(counts);
      counts.clear();
    };
    while ((rc = st.Step()) == SQLITE_ROW) {
      const int64_t id = st.Int(0);
      while (i < rows.size() && rows[i].id < id) finish(), ++i;
      if (i == rows.size() || rows[i].id != id) continue;  // no such speaker
      const auto n = static_cast<size_t>(st.Int(2));
      rows[i].quotes += n;
      counts.emplace_back(st.String(1), n);
    }
    finish();
    if (rc != SQLITE_DONE) {
      return Rollback(SqliteStatus(db_, rc, "reading speaker labels"));
    }
  }
  // The acronyms articles resolved to a speaker of another name.
  std::vector<AcronymMention> mentions;
  if (options_.corpus.speaker_link_acronym_min_quotes > 0 &&
      options_.corpus.speaker_link_acronym_needs_mention) {
    Stmt st;
    s = st.Prepare(db_, std::string("SELECT DISTINCT speaker_mention, "
                                    "speaker_id FROM quotes WHERE speaker_id "
                                    "IS NOT NULL AND speaker_mention <> "
                                    "speaker_name AND ") +
                            std::string(kAcronymMentionGlobs));
    if (!s.ok()) return Rollback(s);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      AddAcronymMentions(st.String(0), st.Int(1), &mentions);
    }
    if (rc != SQLITE_DONE) {
      return Rollback(SqliteStatus(db_, rc, "reading acronym mentions"));
    }
  }
  SpeakerLinkCounts counts;
  const std::vector<int64_t> links =
      whosaid::LinkSpeakers(rows, options_.corpus, &counts, mentions);
  // Changed rows go kLinkRows at a time through one UPDATE ... FROM
  // (VALUES ...) (the last, shorter chunk through one of its own) instead
  // of one statement per speaker.
  constexpr size_t kLinkRows = 256;
  Stmt chunk_stmt, tail_stmt;
  auto update_sql = [](size_t n) {
    std::string sql =
        "UPDATE speakers SET label = v.column2, linked_to = "
        "nullif(v.column3, 0) FROM (VALUES ";
    for (size_t k = 0; k < n; ++k) sql += k ? ",(?,?,?)" : "(?,?,?)";
    return sql + ") AS v WHERE speakers.id = v.column1";
  };
  std::vector<size_t> changed;
  auto flush = [&]() -> Status {
    if (changed.empty()) return Status::OK();
    Stmt& up = changed.size() == kLinkRows ? chunk_stmt : tail_stmt;
    if (!up.prepared()) {  // the chunk's once; the tail's at the end
      Status ps = up.Prepare(db_, update_sql(changed.size()));
      if (!ps.ok()) return ps;
    }
    int p = 0;
    for (size_t i : changed) {
      up.Bind(++p, rows[i].id);
      up.Bind(++p, std::string_view(rows[i].label));
      up.Bind(++p, links[i]);
    }
    changed.clear();
    Status rs = up.Run("linking speakers");
    // The rows SQLite says it updated, not the rows queued: a chunk that
    // dropped or repeated a row shows in the count.
    if (rs.ok()) counts.changed += static_cast<size_t>(sqlite3_changes(db_));
    return rs;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    if (stored[i].first == rows[i].label && stored[i].second == links[i]) {
      continue;
    }
    changed.push_back(i);
    if (changed.size() == kLinkRows) {
      s = flush();
      if (!s.ok()) return Rollback(s);
    }
  }
  s = flush();
  if (!s.ok()) return Rollback(s);
  s = Exec(db_, "COMMIT", "committing the speaker links");
  if (!s.ok()) return Rollback(s);
  if (checkpointer_) checkpointer_->Poke();
  return counts;
}

}  // namespace sqlite_internal
}  // namespace whosaid
