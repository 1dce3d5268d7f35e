// ClusterSizes: where the link index (src/corpus/link_index.h) finds each
// cluster's representative in its file of representatives written in
// increasing cluster id order: one byte per cluster id (its shingle count;
// 0: none; kElsewhere: located another way, by the owner) and, per block of
// kBlock ids, the offset of the block's first representative; a location is
// that offset plus a prefix sum within the block.
//
// Bounded (memory_ids > 0, a SpillFile given): at most ~memory_ids ids are
// in memory; the older blocks, final once a later id was written in order,
// go to the owner's temporary file (9 values per block: the offset and 64
// size bytes) and are read back, one block per lookup. What still grows:
// 16 bytes per spill (where its blocks are). Ids below the blocks in memory
// cannot be marked kElsewhere any more (the owner's map of those locations
// must be asked first). Unbounded (0 or no file): all in memory, as before.
// Not thread-safe; the owner serialises access.
#ifndef WHOSAID_SRC_CORPUS_LINK_CLUSTERS_H_
#define WHOSAID_SRC_CORPUS_LINK_CLUSTERS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/corpus/flat_tables.h"
#include "src/corpus/link_spill.h"
#include "whosaid/status.h"

namespace whosaid {

class ClusterSizes {
 public:
  static constexpr size_t kBlock = 64;
  static constexpr uint8_t kElsewhere = 255;

  // `file` (not owned, may be null) must outlive this.
  ClusterSizes(size_t memory_ids, SpillFile* file)
      : memory_(memory_ids), file_(file) {}

  // The size byte of `id` (0 beyond the ids seen) and, for 1..254, the
  // representative's offset in the owner's in-order file (*offset).
  Status Get(uint64_t id, uint8_t* size, uint64_t* offset);
  // Records the representative of `id` (larger than every id recorded in
  // order before; 1..254 shingles) written at `offset`. May spill.
  Status SetInOrder(uint64_t id, uint8_t size, uint64_t offset);
  // Marks `id` as located elsewhere (ignored below the blocks in memory).
  void SetElsewhere(uint64_t id);
  // The lowest id whose size byte is in memory.
  uint64_t base() const { return base_; }
  uint64_t spills() const { return spills_; }
  uint64_t reads() const { return reads_; }
  size_t memory_bytes() const {
    return sizes_.memory_bytes() + starts_.memory_bytes() +
           groups_.capacity() * sizeof(Group);
  }
  void Clear();

 private:
  // Blocks [first_block, next group's) are at `offset` in the file.
  struct Group {
    uint64_t first_block;
    uint64_t offset;
  };
  Status Spill(uint64_t last_in_order);

  size_t memory_;
  SpillFile* file_;
  uint64_t base_ = 0;               // a multiple of kBlock
  ChunkedVector<uint8_t> sizes_;    // id - base_
  ChunkedVector<uint64_t> starts_;  // id / kBlock - base_ / kBlock
  std::vector<Group> groups_;
  uint64_t spills_ = 0, reads_ = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_CLUSTERS_H_
