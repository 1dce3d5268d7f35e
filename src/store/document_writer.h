// DocumentWriter: the per-document write of a store's Add() (one document,
// its entities, quotes with their speakers, roles and clusters, and claims),
// written once for the SQLite and the PostgreSQL store
// (src/store/sqlite_store_impl.h, postgres_store_impl.h), which derive from
// it and supply the steps, each in their own SQL API: the order of the
// rows, the duplicate and cluster look-ups in the link index, the label
// tally and the counts cannot drift apart between the backends. What each
// step writes, and in which statements, stays the backend's. Owns nothing:
// the link index and the tally are the store's. Called on the store's one
// thread, inside the transaction BatchWriter opened.
#ifndef WHOSAID_SRC_STORE_DOCUMENT_WRITER_H_
#define WHOSAID_SRC_STORE_DOCUMENT_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "src/corpus/link_index.h"
#include "src/corpus/speaker_links.h"
#include "whosaid/corpus.h"
#include "whosaid/status.h"

namespace whosaid {

class DocumentWriter {
 public:
  virtual ~DocumentWriter() = default;

 protected:
  // One quote as the backend writes it.
  struct QuoteWrite {
    int64_t doc_row = 0;
    const Document* doc = nullptr;
    const Attribution* quote = nullptr;
    const StoreRows::Quote* row = nullptr;
    int64_t speaker = 0;  // 0: none
    int64_t cluster = 0;  // 0: none, or a new one (new_cluster)
    bool new_cluster = false;
  };
  // One claim as the backend writes it.
  struct ClaimWrite {
    int64_t doc_row = 0;
    const Document* doc = nullptr;
    const Claim* claim = nullptr;
    const StoreRows::Claim* row = nullptr;
    std::string_view group_key;  // DocumentFeatures::claim_keys; "" none
    int64_t speaker = 0;         // of the quote it is in; 0: none
    int64_t quote = 0;           // the quote's row; 0: none
  };

  // Skips a record already stored (same id and content hash: counts
  // skipped); else the outlet, the duplicate look-up, the document's row
  // (a duplicate stops there); the link index learns the document; then
  // the entities; each quote's speaker (its label tallied, its roles), its
  // cluster (found, or new), the quote, and the index learns it; each
  // claim and its context entities. Counts added, duplicates, quotes and
  // claims. The first failed step's status is returned as it is (the
  // caller rolls back).
  Status WriteDocument(const IngestRecord& r, WriteCounts* counts);

 private:
  virtual LinkIndex& link_index() = 0;
  virtual SpeakerLabelTally& label_tally() = 0;
  // Whether a document with this id and content hash is stored.
  virtual Result<bool> IsStored(std::string_view id, uint64_t content_hash) = 0;
  // The row id of an outlet or speaker (by name key), added when new; 0
  // for an empty name or key.
  virtual Result<int64_t> OutletId(std::string_view name) = 0;
  virtual Result<int64_t> SpeakerId(std::string_view name,
                                    std::string_view key) = 0;
  // The document's row (with its full-text entry unless it is a
  // duplicate: duplicate_of != 0, `exact` telling which kind).
  virtual Result<int64_t> InsertDocument(const IngestRecord& r, int64_t outlet,
                                         int64_t duplicate_of, bool exact) = 0;
  virtual Status InsertEntity(int64_t doc_row, const StoreRows::Entity& e) = 0;
  // Once per role of the quote's speaker group (ignored when stored).
  virtual Status InsertSpeakerRole(int64_t speaker,
                                   const std::string& role) = 0;
  // The quote's row (and its full-text entry); with q.new_cluster, the new
  // cluster too, whose id goes to *cluster (else *cluster is q.cluster).
  virtual Result<int64_t> InsertQuote(const QuoteWrite& q,
                                      int64_t* cluster) = 0;
  // The claim's row (and its full-text entry).
  virtual Result<int64_t> InsertClaim(const ClaimWrite& c) = 0;
  // One (group key, entity) of a claim (ignored when stored).
  virtual Status InsertClaimContext(std::string_view group_key,
                                    std::string_view entity,
                                    int64_t claim_row) = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_DOCUMENT_WRITER_H_
