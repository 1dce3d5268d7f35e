// The PostgreSQL store's writer: Add() and the caches it links new
// documents and quotes against. A document's row values come from
// StoreRows (src/corpus/store_rows.h, prepared on the extraction threads)
// and its keys from DocumentFeatures, the same values the SQLite store
// writes: neither backend builds row values of its own. The order of a
// batch's and a document's writes is BatchWriter's and DocumentWriter's
// (src/store/batch_writer.h, document_writer.h); this file has the steps.
#include "src/store/postgres_store_impl.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <cstring>

#include "src/corpus/features.h"
#include "src/corpus/speaker_links.h"
#include "src/corpus/store_rows.h"

namespace whosaid {
namespace postgres_internal {

Status PostgresStore::ForEachIdentity(
    const std::function<void(std::string_view, uint64_t)>& fn) {
  return Stream("SELECT ext_id, content_hash FROM documents",
                "reading documents", /*binary=*/false,
                [&](const PgResult& q, int i) {
                  fn(q.Text(i, 0), static_cast<uint64_t>(q.Int(i, 1)));
                  return Status::OK();
                });
}

// Every read streams (Stream(): a cursor, read_chunk_rows rows per FETCH):
// one result of all documents' sketches and all quotes of a large corpus
// would be held in memory at once.
Status PostgresStore::LoadCaches() {
  Status s = Stream(
      "SELECT id, text_hash, simhash, sketch FROM documents "
      "WHERE duplicate_of IS NULL ORDER BY id",
      "reading documents", /*binary=*/true, [&](const PgResult& q, int i) {
        DocumentFeatures f;
        f.text_hash = static_cast<uint64_t>(q.BinaryInt(i, 1));
        f.has_simhash = !q.IsNull(i, 2);
        f.simhash = static_cast<uint64_t>(q.BinaryInt(i, 2));
        std::string_view blob =
            q.IsNull(i, 3) ? std::string_view() : q.Text(i, 3);
        f.sketch.resize(blob.size() / sizeof(uint64_t));
        if (!f.sketch.empty()) {
          std::memcpy(f.sketch.data(), blob.data(),
                      f.sketch.size() * sizeof(uint64_t));
        }
        index_.AddDocument(q.BinaryInt(i, 0), f);
        return index_.status();
      });
  if (!s.ok()) return s;
  s = Stream(
      "SELECT cluster_id, content FROM quotes WHERE cluster_id IS NOT NULL "
      "ORDER BY id",
      "reading quotes", /*binary=*/false, [&](const PgResult& q, int i) {
        index_.AddQuote(q.Int(i, 0),
                        ComputeQuoteFeatures(q.Text(i, 1), options_.corpus));
        return index_.status();
      });
  if (!s.ok()) return s;
  s = Stream("SELECT id, name FROM outlets ORDER BY id", "reading outlets",
             /*binary=*/false, [&](const PgResult& q, int i) {
               outlets_.Insert(q.Text(i, 1), q.Int(i, 0));
               return Status::OK();
             });
  if (!s.ok()) return s;
  s = Stream("SELECT id, name_key FROM speakers ORDER BY id",
             "reading speakers", /*binary=*/false,
             [&](const PgResult& q, int i) {
               speakers_.Insert(q.Text(i, 1), q.Int(i, 0));
               return Status::OK();
             });
  if (!s.ok()) return s;
  loaded_ = true;
  return Status::OK();
}

Result<int64_t> PostgresStore::CachedId(StringIdCache* cache,
                                        const char* lookup,
                                        std::string_view key,
                                        std::string_view what,
                                        uint64_t* reads) {
  if (int64_t id = cache->Find(key); id != 0) return id;
  if (cache->complete()) return int64_t{0};
  // Dropped from memory, perhaps: the UNIQUE index answers.
  auto r = RunPrepared(lookup, PgParams().Text(key), what);
  if (!r.ok()) return r.status();
  ++*reads;
  if (r.value().rows() == 0) return int64_t{0};
  const int64_t id = r.value().Int(0, 0);
  cache->Insert(key, id);
  return id;
}

Result<int64_t> PostgresStore::OutletId(std::string_view name) {
  if (name.empty()) return int64_t{0};
  auto found = CachedId(&outlets_, "SELECT id FROM outlets WHERE name = $1",
                        name, "looking up an outlet", &outlet_reads_);
  if (!found.ok() || found.value() != 0) return found;
  auto r = RunPrepared("INSERT INTO outlets(name) VALUES ($1) RETURNING id",
                       PgParams().Text(name), "adding an outlet");
  if (!r.ok()) return r.status();
  int64_t id = r.value().Int(0, 0);
  outlets_.Insert(name, id);
  return id;
}

Result<int64_t> PostgresStore::SpeakerId(std::string_view name,
                                         std::string_view key) {
  if (key.empty()) return int64_t{0};
  auto found =
      CachedId(&speakers_, "SELECT id FROM speakers WHERE name_key = $1", key,
               "looking up a speaker", &speaker_reads_);
  if (!found.ok() || found.value() != 0) return found;
  auto r = RunPrepared(
      "INSERT INTO speakers(name, name_key) VALUES ($1, $2) RETURNING id",
      PgParams().Text(name).Text(key), "adding a speaker");
  if (!r.ok()) return r.status();
  int64_t id = r.value().Int(0, 0);
  speakers_.Insert(key, id);
  return id;
}

Status PostgresStore::BeginWrite() {
  if (options_.read_only) {
    return Status::InvalidArgument("the corpus was opened read-only");
  }
  Status s = AcquireWriterLock();
  if (!s.ok()) return s;
  s = Exec("BEGIN", "starting a transaction");
  if (!s.ok()) return Rollback(s);
  return Status::OK();
}

Result<WriteCounts> PostgresStore::Add(std::span<const IngestRecord> batch) {
  auto written = WriteBatch(batch);  // src/store/batch_writer.h
  if (!written.ok()) return written;
  WriteCounts counts = written.value();
  counts.link = index_.counters();
  counts.store.cache_bytes = speakers_.memory_bytes() + outlets_.memory_bytes();
  counts.store.speakers_cached = speakers_.size();
  counts.store.speaker_reads = speaker_reads_;
  return counts;
}

Status PostgresStore::WriteSpeakerLabels() {
  for (const SpeakerLabelTally::Count& c : label_tally_.Take()) {
    auto lr = RunPrepared(
        "INSERT INTO speaker_labels(speaker_id, label, quotes) "
        "VALUES ($1, $2, $3) ON CONFLICT(speaker_id, label) "
        "DO UPDATE SET quotes = speaker_labels.quotes + excluded.quotes",
        PgParams().Int(c.speaker).Text(c.label).Int(c.quotes),
        "counting a speaker's labels");
    if (!lr.ok()) return lr.status();
  }
  return Status::OK();
}

Status PostgresStore::AddOne(const IngestRecord& r, WriteCounts* counts) {
  return WriteDocument(r, counts);  // src/store/document_writer.h
}

// Stored already? One probe of the UNIQUE(ext_id, content_hash) index (a
// set of every stored identity would grow ~100 bytes a document).
Result<bool> PostgresStore::IsStored(std::string_view id,
                                     uint64_t content_hash) {
  auto stored = RunPrepared(
      "SELECT 1 FROM documents WHERE ext_id = $1 AND content_hash = $2",
      PgParams().Text(id).Int(static_cast<int64_t>(content_hash)),
      "looking up a document");
  if (!stored.ok()) return stored.status();
  return stored.value().rows() > 0;
}

Result<int64_t> PostgresStore::InsertDocument(const IngestRecord& r,
                                              int64_t outlet, int64_t dup,
                                              bool exact) {
  const Document& doc = r.doc;
  const DocumentFeatures& f = r.features;
  PgParams p;
  p.Text(doc.id)
      .Int(static_cast<int64_t>(f.content_hash))
      .Text(doc.url)
      .Text(doc.title)
      .Text(doc.published)
      .Text(doc.author)
      .IntOrNull(outlet)
      .Text(doc.text)
      .Int(static_cast<int64_t>(f.text_hash));
  if (f.has_simhash) {
    p.Int(static_cast<int64_t>(f.simhash));
  } else {
    p.Null(kInt8Oid);
  }
  p.IntOrNull(dup);
  p.TextOrNull(exact ? "exact" : "near", dup == 0);
  if (f.has_simhash) {
    p.Bytes(f.sketch.data(), f.sketch.size() * sizeof(uint64_t));
  } else {
    p.Null(kByteaOid);
  }
  p.Int(pg_.max_indexed_chars);
  if (f.has_input_delta) {
    p.Bytes(f.input_delta.data(), f.input_delta.size());
  } else {
    p.Null(kByteaOid);
  }
  // Duplicates get no tsvector: nothing is listed twice.
  auto ins = RunPrepared(
      "INSERT INTO documents(ext_id, content_hash, url, title, published, "
      "author, outlet_id, text, text_hash, simhash, duplicate_of, "
      "duplicate_kind, sketch, fts, input_delta) VALUES "
      "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13, CASE WHEN $11 IS NULL "
      "THEN setweight(to_tsvector('simple'::regconfig, $4), 'A') || "
      "setweight(to_tsvector('simple'::regconfig, left($8, $14::integer)), "
      "'B') END, $15) RETURNING id",
      p, "adding a document");
  if (!ins.ok()) return ins.status();
  return ins.value().Int(0, 0);
}

Status PostgresStore::InsertEntity(int64_t doc_row,
                                   const StoreRows::Entity& e) {
  auto er = RunPrepared(
      "INSERT INTO entities(doc_id, label, name, mentions, first_begin, "
      "first_end) VALUES ($1,$2,$3,$4,$5,$6)",
      PgParams()
          .Int(doc_row)
          .Text(EntityLabelName(e.label))
          .Text(e.name)
          .Int(e.mentions)
          .Int(e.first_begin)
          .Int(e.first_end),
      "adding an entity");
  return er.ok() ? Status::OK() : er.status();
}

Status PostgresStore::InsertSpeakerRole(int64_t speaker,
                                        const std::string& role) {
  auto rr = RunPrepared(
      "INSERT INTO speaker_roles(speaker_id, role) VALUES ($1, $2) "
      "ON CONFLICT DO NOTHING",
      PgParams().Int(speaker).Text(role), "adding a speaker role");
  return rr.ok() ? Status::OK() : rr.status();
}

// The quote first (its id comes from the sequence), then a new cluster
// pointing at it, then the quote pointing at the cluster.
Result<int64_t> PostgresStore::InsertQuote(const QuoteWrite& w,
                                           int64_t* cluster) {
  const Document& doc = *w.doc;
  const Attribution& a = *w.quote;
  const StoreRows::Quote& qr = *w.row;
  const std::string& content = qr.content;
  *cluster = w.cluster;
  PgParams qp;
  qp.Int(w.doc_row)
      .Text(content)
      .Text(doc.Text(a.cue))
      .Text(doc.Text(a.speaker))
      .Text(a.speaker_name)
      .IntOrNull(w.speaker)
      .Text(QuoteKindName(a.kind))
      .Double(static_cast<double>(a.score))
      .Int(qr.content_begin)
      .Int(qr.content_end);
  if (qr.cue_begin >= 0) {
    qp.Int(qr.cue_begin).Int(qr.cue_end);
  } else {
    qp.Null(kInt8Oid).Null(kInt8Oid);
  }
  if (qr.speaker_begin >= 0) {
    qp.Int(qr.speaker_begin).Int(qr.speaker_end);
  } else {
    qp.Null(kInt8Oid).Null(kInt8Oid);
  }
  qp.IntOrNull(w.cluster);
  auto ins_quote = RunPrepared(
      "INSERT INTO quotes(doc_id, content, cue, speaker_mention, "
      "speaker_name, speaker_id, kind, score, content_begin, content_end, "
      "cue_begin, cue_end, speaker_begin, speaker_end, cluster_id) VALUES "
      "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id",
      qp, "adding a quote");
  if (!ins_quote.ok()) return ins_quote.status();
  const int64_t quote_row = ins_quote.value().Int(0, 0);
  if (w.new_cluster) {
    auto ins_cluster = RunPrepared(
        "INSERT INTO quote_clusters(first_quote, representative) "
        "VALUES ($1, $2) RETURNING id",
        PgParams().Int(quote_row).Text(content), "adding a quote cluster");
    if (!ins_cluster.ok()) return ins_cluster.status();
    *cluster = ins_cluster.value().Int(0, 0);
    auto ur = RunPrepared("UPDATE quotes SET cluster_id = $1 WHERE id = $2",
                          PgParams().Int(*cluster).Int(quote_row),
                          "adding a quote cluster");
    if (!ur.ok()) return ur.status();
  }
  return quote_row;
}

Result<int64_t> PostgresStore::InsertClaim(const ClaimWrite& w) {
  const Document& doc = *w.doc;
  const Claim& c = *w.claim;
  const StoreRows::Claim& cr = *w.row;
  auto ins_claim = RunPrepared(
      "INSERT INTO claims(doc_id, text, value, low, high, is_range, "
      "value_key, unit, counted, group_key, approx, change, source_name, "
      "speaker_id, quote_id, span_begin, span_end) VALUES "
      "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) "
      "RETURNING id",
      PgParams()
          .Int(w.doc_row)
          .Text(doc.Text(c.span))
          .Double(c.value)
          .Double(c.is_range ? c.low : c.value)
          .Double(c.is_range ? c.high : c.value)
          .Bool(c.is_range)
          .Text(cr.value_key)
          .Text(c.unit)
          .Text(doc.Text(c.counted))
          .Text(w.group_key)
          .Text(c.approx)
          .Text(c.change)
          .Text(cr.source)
          .IntOrNull(w.speaker)
          .IntOrNull(w.quote)
          .Int(cr.span_begin)
          .Int(cr.span_end),
      "adding a claim");
  if (!ins_claim.ok()) return ins_claim.status();
  return ins_claim.value().Int(0, 0);
}

Status PostgresStore::InsertClaimContext(std::string_view group_key,
                                         std::string_view entity,
                                         int64_t claim_row) {
  auto xr = RunPrepared(
      "INSERT INTO claim_context(group_key, entity, claim_id) VALUES "
      "($1, $2, $3) ON CONFLICT DO NOTHING",
      PgParams().Text(group_key).Text(entity).Int(claim_row),
      "adding a claim context");
  return xr.ok() ? Status::OK() : xr.status();
}

Result<SpeakerLinkCounts> PostgresStore::LinkSpeakers() {
  Status s = BeginWrite();
  if (!s.ok()) return s;
  std::vector<SpeakerLinkRow> rows;
  std::vector<std::pair<std::string, int64_t>> stored;  // label, linked_to
  std::vector<std::pair<std::string, size_t>> counts;
  s = Stream(
      "SELECT s.id, s.name_key, s.label, coalesce(s.linked_to, 0), "
      "coalesce(l.label, ''), coalesce(l.quotes, 0), s.name FROM speakers s "
      "LEFT JOIN speaker_labels l ON l.speaker_id = s.id ORDER BY s.id",
      "reading speakers", /*binary=*/false, [&](const PgResult& q, int i) {
        if (rows.empty() || rows.back().id != q.Int(i, 0)) {
          if (!rows.empty()) rows.back().label = MajorityLabel(counts);
          counts.clear();
          rows.push_back({q.Int(i, 0), q.String(i, 1), "", 0, q.String(i, 6)});
          stored.emplace_back(q.String(i, 2), q.Int(i, 3));
        }
        const auto n = static_cast<size_t>(q.Int(i, 5));
        rows.back().quotes += n;
        counts.emplace_back(q.String(i, 4), n);
        return Status::OK();
      });
  if (!s.ok()) return Rollback(s);
  if (!rows.empty()) rows.back().label = MajorityLabel(counts);
  // The acronyms articles resolved to a speaker of another name.
  std::vector<AcronymMention> mentions;
  if (options_.corpus.speaker_link_acronym_min_quotes > 0 &&
      options_.corpus.speaker_link_acronym_needs_mention) {
    s = Stream(fmt::format("SELECT DISTINCT speaker_mention, speaker_id FROM "
                           "quotes WHERE speaker_id IS NOT NULL AND "
                           "speaker_mention <> speaker_name AND "
                           "speaker_mention ~ '{}'",
                           kAcronymMentionRegex),
               "reading acronym mentions", /*binary=*/false,
               [&](const PgResult& q, int i) {
                 AddAcronymMentions(q.String(i, 0), q.Int(i, 1), &mentions);
                 return Status::OK();
               });
    if (!s.ok()) return Rollback(s);
  }
  SpeakerLinkCounts result;
  const std::vector<int64_t> links =
      whosaid::LinkSpeakers(rows, options_.corpus, &result, mentions);
  // Changed rows go in batches of arrays (one round trip per batch).
  constexpr size_t kBatch = 10000;
  std::string ids, labels, targets;
  size_t in_batch = 0;
  auto flush = [&]() -> Status {
    if (in_batch == 0) return Status::OK();
    auto u = Run(
        "UPDATE speakers s SET label = v.label, linked_to = nullif(v.link, 0) "
        "FROM unnest($1::bigint[], $2::text[], $3::bigint[]) "
        "AS v(id, label, link) WHERE s.id = v.id",
        PgParams()
            .Text("{" + ids + "}")
            .Text("{" + labels + "}")
            .Text("{" + targets + "}"),
        "linking speakers");
    ids.clear(), labels.clear(), targets.clear();
    in_batch = 0;
    return u.ok() ? Status::OK() : u.status();
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    if (stored[i].first == rows[i].label && stored[i].second == links[i]) {
      continue;
    }
    const char* sep = in_batch ? "," : "";
    // Labels are EntityLabelName()s or "": no quoting needed but the "".
    fmt::format_to(std::back_inserter(ids), "{}{}", sep, rows[i].id);
    fmt::format_to(std::back_inserter(labels), "{}\"{}\"", sep, rows[i].label);
    fmt::format_to(std::back_inserter(targets), "{}{}", sep, links[i]);
    ++result.changed;
    if (++in_batch == kBatch) {
      s = flush();
      if (!s.ok()) return Rollback(s);
    }
  }
  s = flush();
  if (!s.ok()) return Rollback(s);
  s = Exec("COMMIT", "committing the speaker links");
  if (!s.ok()) return Rollback(s);
  return result;
}

}  // namespace postgres_internal
}  // namespace whosaid

#endif  // WHOSAID_HAVE_LIBPQ
