// LinkIndex: the in-memory indexes that link a new document to the corpus:
// exact duplicates (clean-text hash), near duplicates (SimHash split into
// near_duplicate_bits + 1 bands: every signature within that many bits
// shares a band with the query, so one exact lookup per band finds them
// all; a bottom-k sketch then confirms the Jaccard similarity), and quote
// clusters
// (winnowed shingle fingerprints -> cluster, verified by containment against
// the cluster's first quote). A store owns one and rebuilds it from its
// tables on open; it holds only hashes and ids, in flat tables
// (src/corpus/flat_tables.h: ~16-24 bytes per key instead of a node and a
// vector each). One thread at a time.
#ifndef WHOSAID_SRC_CORPUS_LINK_INDEX_H_
#define WHOSAID_SRC_CORPUS_LINK_INDEX_H_

#include <cstdint>
#include <vector>

#include "src/corpus/flat_tables.h"
#include "whosaid/corpus.h"

namespace whosaid {

class LinkIndex {
 public:
  explicit LinkIndex(const CorpusOptions& options) : options_(options) {}

  // The row of the original `f` duplicates, or 0; *exact tells which kind.
  int64_t FindDuplicate(const DocumentFeatures& f, bool* exact) const;
  // Records an original (non-duplicate) document (row > 0).
  // Only text_hash, has_simhash, simhash and sketch of `f` are used.
  void AddDocument(int64_t row, const DocumentFeatures& f);

  // The cluster the quote joins, or 0 for a new one.
  int64_t FindCluster(const QuoteFeatures& q) const;
  // Records quote `q` as a member of `cluster`; the first quote recorded
  // for a cluster is the one new quotes are compared to.
  void AddQuote(int64_t cluster, const QuoteFeatures& q);

  void Clear();
  size_t documents() const { return exact_.size(); }

 private:
  uint32_t bands() const;
  uint32_t BandKey(uint32_t band, uint64_t simhash) const;

  CorpusOptions options_;
  FlatMap64 exact_;  // text hash -> row
  // Band key (band number << 24 | the band's bits) -> 1 + index of the
  // newest entry of that key in band_entries_; entries chain to older ones.
  struct BandEntry {
    uint64_t simhash;
    int64_t row;
    size_t next;  // 1 + index of the next older entry, 0: none
  };
  FlatMap64 band_heads_;
  std::vector<BandEntry> band_entries_;
  FlatMap64 sketches_;         // row -> handle in arrays_
  FlatMap64 fingerprints_;     // fingerprint -> cluster
  FlatMap64 representatives_;  // cluster -> handle of its shingles
  ArrayPool arrays_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_INDEX_H_
