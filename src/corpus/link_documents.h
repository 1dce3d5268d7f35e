// DocumentLinks: the document side of the link index
// (src/corpus/link_index.h): exact duplicates (clean-text hash -> row) and
// near-duplicate candidates (each SimHash band -> the documents with those
// band bits, each with its SimHash, row and an opaque sketch reference).
//
// Bounded (memory_documents > 0, a SpillFile given): at most that many
// documents are in memory; then they all go to the owner's unlinked
// temporary file, and memory is emptied (slots kept) for the next ones:
//   - exact hashes as one sorted run of (hash, row);
//   - band entries as one run of (band key << 32 | document number,
//     SimHash) pairs sorted by key, with a sparse index (the first key of
//     each 4 KiB block): a band's entries are one contiguous range;
//   - each document's row and sketch reference, by document number, read
//     once per candidate within the Hamming bound (rare).
// Runs are merged four at a time (SortedRuns), so a look-up reads O(log n)
// runs, one 4 KiB block each (a band key's entries may span more).
// What still grows: 8 bytes per 256 exact hashes and per 256 band entries
// (sparse indexes) and 16 bytes per spill (where its documents are).
// Unbounded (memory_documents 0, or no file):
// every document stays in memory, as before.
//
// The answers do not depend on the bound: an exact hash keeps the first row
// recorded for it, and ForEachNear reports the same (row, sketch) set (the
// caller's choice must not depend on the order). Not thread-safe; the owner
// (LinkIndex) serialises access.
#ifndef WHOSAID_SRC_CORPUS_LINK_DOCUMENTS_H_
#define WHOSAID_SRC_CORPUS_LINK_DOCUMENTS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "src/corpus/flat_tables.h"
#include "src/corpus/link_spill.h"
#include "whosaid/status.h"

namespace whosaid {

// SortedRuns: (key, value) pairs with unique keys, in sorted runs in a
// SpillFile, each with a sparse index (the first key of each 4 KiB block).
// Runs are merged kMergeWidth at a time when that many of one level are
// there (a run of level L holds kMergeWidth^L added runs), so a look-up
// reads O(log n) runs; merged runs' disk space is given back. Memory: 8
// bytes per 256 pairs and ~40 bytes per run. Not thread-safe.
class SortedRuns {
 public:
  static constexpr size_t kMergeWidth = 4;
  static constexpr size_t kBlock = 256;  // pairs per sparse-index entry

  // Writes `sorted` (keys unique across all runs) as one run; may merge.
  Status Add(std::span<const std::pair<uint64_t, uint64_t>> sorted,
             SpillFile* file);
  // Calls fn(key, value) for every pair with lo <= key <= hi, by run.
  Status ForEachInRange(uint64_t lo, uint64_t hi, const SpillFile& file,
                        const std::function<void(uint64_t, uint64_t)>& fn);
  size_t runs() const { return runs_.size(); }
  uint64_t merges() const { return merges_; }
  uint64_t reads() const { return reads_; }  // blocks
  size_t memory_bytes() const;
  void Clear();

 private:
  struct Run {
    uint64_t offset = 0;  // in values; pair i at offset + 2i
    size_t count = 0;
    int level = 0;
    std::vector<uint64_t> first_keys;  // of each block of kBlock pairs
  };
  Status MergeLast(SpillFile* file);

  std::vector<Run> runs_;
  std::vector<uint64_t> scratch_;
  uint64_t merges_ = 0, reads_ = 0;
};

class DocumentLinks {
 public:
  // `bands` (1..16) SimHash bands; `file` (not owned, may be null: then
  // unbounded) must outlive this.
  DocumentLinks(uint32_t bands, size_t memory_documents, SpillFile* file);

  // The row recorded for `text_hash`, or 0 (*row).
  Status FindExact(uint64_t text_hash, int64_t* row);
  // Calls fn(row, sketch) for every recorded document whose SimHash is
  // within `max_bits` of `simhash` (possibly more than once for one).
  Status ForEachNear(uint64_t simhash, int max_bits,
                     const std::function<void(int64_t, int64_t)>& fn);
  // Records document `row` (> 0); with a SimHash also for ForEachNear,
  // with `sketch` (any value) reported back. The first row recorded for a
  // text hash stays.
  Status Add(int64_t row, uint64_t text_hash, bool has_simhash,
             uint64_t simhash, int64_t sketch);

  size_t documents() const { return documents_; }
  uint64_t spills() const { return spills_; }
  uint64_t merges() const { return bands_runs_.merges(); }
  // Blocks of band entries and document records read back.
  uint64_t reads() const { return bands_runs_.reads() + doc_reads_; }
  uint64_t exact_reads() const { return exact_runs_.reads(); }
  size_t band_runs() const { return bands_runs_.runs(); }
  size_t memory_bytes() const;
  void Clear();

  static uint32_t BandKey(uint32_t bands, uint32_t band, uint64_t simhash);

 private:
  struct Doc {
    uint64_t simhash;
    int64_t row;
    int64_t sketch;
  };
  // Band key -> 1 + index of the newest entry of that key in entries_;
  // entries chain to older ones (8 bytes per band and document).
  struct BandEntry {
    uint32_t doc;   // index in docs_
    uint32_t next;  // 1 + index of the next older entry, 0: none
  };
  // Documents [first, first + count) have their (row, sketch) at offset.
  struct DocBlock {
    uint64_t first;
    uint64_t offset;
  };

  bool bounded() const { return memory_ != 0 && file_ != nullptr; }
  Status Spill();
  Status ReadDoc(uint64_t number, int64_t* row, int64_t* sketch);

  uint32_t bands_;
  size_t memory_;
  SpillFile* file_;
  FlatMap64 exact_;          // text hash -> row, in memory
  SortedRuns exact_runs_;    // text hash -> row
  ChunkedVector<Doc> docs_;  // in memory; number = spilled_docs_ + index
  FlatMap64 band_heads_;
  ChunkedVector<BandEntry> entries_;
  size_t in_memory_ = 0;       // documents recorded since the last spill
  uint64_t spilled_docs_ = 0;  // with a SimHash
  SortedRuns bands_runs_;      // band key << 32 | number -> SimHash
  std::vector<DocBlock> doc_blocks_;
  size_t documents_ = 0;
  uint64_t spills_ = 0, doc_reads_ = 0;
  std::vector<uint64_t> scratch_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_DOCUMENTS_H_
