#include "src/store/document_writer.h"

#include <vector>

#include "src/corpus/features.h"
#include "src/corpus/store_rows.h"

namespace whosaid {

Status DocumentWriter::WriteDocument(const IngestRecord& r,
                                     WriteCounts* counts) {
  const Document& doc = r.doc;
  const DocumentFeatures& f = r.features;
  LinkIndex& index = link_index();
  auto stored = IsStored(doc.id, f.content_hash);
  if (!stored.ok()) return stored.status();
  if (stored.value()) {
    ++counts->skipped;
    return Status::OK();
  }
  auto outlet = OutletId(doc.site);
  if (!outlet.ok()) return outlet.status();
  bool exact = false;
  const int64_t dup = index.FindDuplicate(f, &exact);
  if (!index.status().ok()) return index.status();
  auto inserted = InsertDocument(r, outlet.value(), dup, exact);
  if (!inserted.ok()) return inserted.status();
  const int64_t row = inserted.value();
  ++counts->added;
  if (dup) {
    ++counts->duplicates;
    return Status::OK();
  }
  index.AddDocument(row, f);
  if (!index.status().ok()) return index.status();

  if (doc.entities.empty() && doc.quotes.empty() && doc.claims.empty()) {
    return Status::OK();
  }
  // The row values shared by both stores (src/corpus/store_rows.h),
  // prepared on the extraction threads; prepared here only when missing.
  StoreRows scratch;
  const StoreRows& rows = RowsFor(doc, f.rows, &scratch);

  // Entities: one row per group (or per distinct unresolved mention).
  for (const StoreRows::Entity& e : rows.entities) {
    Status s = InsertEntity(row, e);
    if (!s.ok()) return s;
  }

  // Quotes, their speakers and clusters.
  std::vector<int64_t> quote_rows(doc.quotes.size(), 0);
  std::vector<int64_t> quote_speakers(doc.quotes.size(), 0);
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Attribution& a = doc.quotes[i];
    const StoreRows::Quote& qr = rows.quotes[i];
    std::string_view key =
        i < f.speaker_keys.size() ? f.speaker_keys[i] : std::string_view();
    auto speaker = SpeakerId(a.speaker_name, key);
    if (!speaker.ok()) return speaker.status();
    quote_speakers[i] = speaker.value();
    if (speaker.value()) label_tally().Add(speaker.value(), qr.speaker_label);
    if (speaker.value() && a.speaker_group >= 0 &&
        static_cast<size_t>(a.speaker_group) < doc.groups.size()) {
      for (const std::string& role : doc.groups[a.speaker_group].roles) {
        Status s = InsertSpeakerRole(speaker.value(), role);
        if (!s.ok()) return s;
      }
    }
    static const QuoteFeatures kNoFeatures;
    const QuoteFeatures& qf = i < f.quotes.size() ? f.quotes[i] : kNoFeatures;
    QuoteWrite q;
    q.doc_row = row;
    q.doc = &doc;
    q.quote = &a;
    q.row = &qr;
    q.speaker = speaker.value();
    q.cluster = qf.shingles.empty() ? 0 : index.FindCluster(qf);
    if (!index.status().ok()) return index.status();
    q.new_cluster = !qf.shingles.empty() && q.cluster == 0;
    int64_t cluster = 0;
    auto quote_row = InsertQuote(q, &cluster);
    if (!quote_row.ok()) return quote_row.status();
    quote_rows[i] = quote_row.value();
    ++counts->quotes;
    index.AddQuote(cluster, qf);
    if (!index.status().ok()) return index.status();
  }

  // Claims, and the entities of their sentence (claims --compare).
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    const bool in_quote =
        c.attribution >= 0 &&
        static_cast<size_t>(c.attribution) < quote_rows.size();
    ClaimWrite w;
    w.doc_row = row;
    w.doc = &doc;
    w.claim = &c;
    w.row = &rows.claims[i];
    if (i < f.claim_keys.size()) w.group_key = f.claim_keys[i];
    w.speaker = in_quote ? quote_speakers[c.attribution] : 0;
    w.quote = in_quote ? quote_rows[c.attribution] : 0;
    auto claim_row = InsertClaim(w);
    if (!claim_row.ok()) return claim_row.status();
    ++counts->claims;
    if (!w.group_key.empty() && i < f.claim_contexts.size()) {
      for (const std::string& entity : f.claim_contexts[i]) {
        Status s = InsertClaimContext(w.group_key, entity, claim_row.value());
        if (!s.ok()) return s;
      }
    }
  }
  return Status::OK();
}

}  // namespace whosaid
