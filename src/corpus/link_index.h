// LinkIndex: the in-memory indexes that link a new document to the corpus:
// exact duplicates (clean-text hash), near duplicates (SimHash split into
// near_duplicate_bits + 1 bands: every signature within that many bits
// shares a band with the query, so one exact lookup per band finds them
// all; a bottom-k sketch then confirms the Jaccard similarity), and quote
// clusters
// (winnowed shingle fingerprints -> cluster, verified by containment against
// the cluster's first quote). A store owns one and rebuilds it from its
// tables on open; it holds only hashes and ids. One thread at a time.
#ifndef WHOSAID_SRC_CORPUS_LINK_INDEX_H_
#define WHOSAID_SRC_CORPUS_LINK_INDEX_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {

class LinkIndex {
 public:
  explicit LinkIndex(const CorpusOptions& options) : options_(options) {}

  // The row of the original `f` duplicates, or 0; *exact tells which kind.
  int64_t FindDuplicate(const DocumentFeatures& f, bool* exact) const;
  // Records an original (non-duplicate) document.
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
  std::unordered_map<uint64_t, int64_t> exact_;
  struct SimEntry {
    uint64_t simhash;
    int64_t row;
  };
  std::unordered_map<int64_t, std::vector<uint64_t>> sketches_;
  // Key: band number << 24 | the band's bits.
  std::unordered_map<uint32_t, std::vector<SimEntry>> bands_;
  std::unordered_map<uint64_t, int64_t> fingerprints_;
  std::unordered_map<int64_t, std::vector<uint64_t>> representatives_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_INDEX_H_
