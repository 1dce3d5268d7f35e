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
// vector each). Its memory is bounded (CorpusOptions::link_memory_*): past
// the limits, fingerprints go in sorted runs to an unlinked temporary file
// behind a Bloom filter sized to them (at most link_bloom_bytes), and
// representatives and sketches are read back from that file
// (src/corpus/link_spill.h); two generations of recently used representatives
// stay in memory, and a spill keeps the fingerprints found since they entered
// memory (up to a limit; read back from the run, not copied aside). The
// per-document tables (exact hash, SimHash bands, sketch location:
// src/corpus/link_documents.h) and the per-cluster representative sizes
// (src/corpus/link_clusters.h) are bounded the same way
// (link_memory_documents, link_memory_clusters): past the bound they go to
// the file in sorted runs or blocks, read per candidate. What still grows
// with the corpus: the sparse indexes of those runs (8 bytes per 256
// entries), 16 bytes per spill, and representatives located out of id
// order (rep_locations_far_: rare). The answers do not depend on the limits
// (a fingerprint keeps the first cluster recorded for it,
// wherever it is). One thread at a time.
#ifndef WHOSAID_SRC_CORPUS_LINK_INDEX_H_
#define WHOSAID_SRC_CORPUS_LINK_INDEX_H_

#include <cstdint>
#include <vector>

#include "src/corpus/flat_tables.h"
#include "src/corpus/link_clusters.h"
#include "src/corpus/link_documents.h"
#include "src/corpus/link_spill.h"
#include "whosaid/corpus.h"

namespace whosaid {

class LinkIndex {
 public:
  explicit LinkIndex(const CorpusOptions& options)
      : options_(options),
        docs_(bands(options), options.link_memory_documents,
              options.link_memory_representatives > 0 ? &file_ : nullptr),
        spilled_(options.link_bloom_bytes),
        rep_sizes_(options.link_memory_clusters,
                   options.link_memory_representatives > 0 ? &file_ : nullptr) {
  }

  // The row of the original `f` duplicates, or 0; *exact tells which kind.
  int64_t FindDuplicate(const DocumentFeatures& f, bool* exact);
  // Records an original (non-duplicate) document (row > 0).
  // Only text_hash, has_simhash, simhash and sketch of `f` are used.
  void AddDocument(int64_t row, const DocumentFeatures& f);

  // The cluster the quote joins, or 0 for a new one.
  int64_t FindCluster(const QuoteFeatures& q);
  // Records quote `q` as a member of `cluster`; the first quote recorded
  // for a cluster is the one new quotes are compared to.
  void AddQuote(int64_t cluster, const QuoteFeatures& q);

  // OK, or the first error of the temporary file since Clear(); after one
  // the index finds nothing and the owner must stop (its answers would
  // differ from the unbounded index's).
  const Status& status() const { return status_; }
  // Blocks of fingerprints, representatives and sketches read back.
  uint64_t reads() const {
    return spilled_.reads() + representative_reads_ + sketch_reads_ +
           docs_.reads() + docs_.exact_reads();
  }
  // What was read back, by kind, and the memory of the tables.
  WriteCounts::LinkCounters counters() const;
  size_t spilled_fingerprints() const { return spilled_.size(); }
  // Candidates in the file not read back because they could not win.
  uint64_t representatives_skipped() const { return representatives_skipped_; }

  void Clear();
  size_t documents() const { return docs_.documents(); }

 private:
  // Recently used representatives: cluster -> handle in `arrays`.
  struct Generation {
    FlatMap64 handles;
    ArrayPool arrays;
    size_t values = 0;
  };

  static uint32_t bands(const CorpusOptions& options);
  bool spill_file() const { return options_.link_memory_representatives > 0; }
  bool Fail(Status s);
  Status OpenFile();
  // Writes [size, values...] to `file`; returns the packed location (> 0)
  // or 0.
  uint64_t Write(std::span<const uint64_t> a) { return Write(&file_, a); }
  uint64_t Write(SpillFile* file, std::span<const uint64_t> a);
  // Reads what Write() wrote at `packed` into *out; counts it in *reads.
  bool ReadBack(uint64_t packed, std::vector<uint64_t>* out, uint64_t* reads) {
    return ReadBack(file_, packed, out, reads);
  }
  bool ReadBack(const SpillFile& file, uint64_t packed,
                std::vector<uint64_t>* out, uint64_t* reads);
  // The fingerprint's cluster in memory or in the file, or 0.
  int64_t FindFingerprint(uint64_t fp);
  // The representative of `cluster` (empty when unknown); valid until the
  // next call.
  std::span<const uint64_t> Representative(int64_t cluster);
  std::span<const uint64_t> Remember(int64_t cluster,
                                     std::span<const uint64_t> shingles);
  // Into memory; spills the fingerprints in memory when they are too many.
  void InsertFingerprint(uint64_t fp, int64_t cluster);
  // SpillFingerprintsNow(), its CPU time counted (counters()).
  void SpillFingerprints();
  void SpillFingerprintsNow();
  // Whether `cluster` has a representative (in memory or located).
  bool HasRepresentative(int64_t cluster);
  // Where the representative of `cluster` is: the packed location, 0 when
  // none; *in_reps_file tells which file.
  uint64_t RepresentativeLocation(int64_t cluster, bool* in_reps_file);
  // Writes the representative of a cluster that has none yet.
  void WriteRepresentative(int64_t cluster, std::span<const uint64_t> shingles);

  CorpusOptions options_;
  // Declared before docs_, which writes to it.
  SpillFile file_;
  // Exact hashes, SimHash bands, rows and sketches (without the file: a
  // handle in arrays_; with it: the location in file_).
  DocumentLinks docs_;
  // Fingerprint -> cluster (the newest ones); while bounded, kUsed marks a
  // fingerprint found since it entered memory (kept on a spill).
  FlatMap64 fingerprints_;
  SpilledFingerprints spilled_;
  // Without the file: every representative (handles), and sketches.
  FlatMap64 representatives_;
  ArrayPool arrays_;
  // With it, representatives written in increasing cluster id order go to
  // reps_file_, one after the other, and are located by ClusterSizes (a
  // byte per cluster id and a prefix sum; older blocks in file_, past
  // link_memory_clusters ids). Ids out of order, too large, or with more
  // than 254 shingles are located by rep_locations_far_. Two generations of
  // recent ones.
  ClusterSizes rep_sizes_;
  uint64_t last_in_order_ = 0;  // the largest id in reps_file_
  FlatMap64 rep_locations_far_;
  SpillFile reps_file_;
  Generation young_, old_;
  std::vector<uint64_t> scratch_;
  uint64_t representative_reads_ = 0, sketch_reads_ = 0;
  uint64_t spills_ = 0, kept_ = 0, representatives_skipped_ = 0;
  double spill_seconds_ = 0, spill_max_seconds_ = 0;
  Status status_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_INDEX_H_
