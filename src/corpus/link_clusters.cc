#include "src/corpus/link_clusters.h"

#include <algorithm>
#include <cstring>

namespace whosaid {

Status ClusterSizes::Get(uint64_t id, uint8_t* size, uint64_t* offset) {
  *size = 0;
  *offset = 0;
  if (id >= base_ + sizes_.size()) return Status::OK();
  if (id >= base_) {
    *size = sizes_[id - base_];
    if (*size == 0 || *size == kElsewhere) return Status::OK();
    // The block's representatives lie one after the other, by id.
    uint64_t at = starts_[id / kBlock - base_ / kBlock];
    for (uint64_t k = id - id % kBlock; k < id; ++k) {
      const uint8_t n = sizes_[k - base_];
      if (n != kElsewhere && n != 0) at += 1 + n;
    }
    *offset = at;
    return Status::OK();
  }
  // In the file: the block's offset, then its 64 size bytes.
  const uint64_t block = id / kBlock;
  auto it = std::upper_bound(
      groups_.begin(), groups_.end(), block,
      [](uint64_t b, const Group& g) { return b < g.first_block; });
  if (it == groups_.begin()) {
    return Status::Internal("link index: a cluster block before the first");
  }
  --it;
  uint64_t record[1 + kBlock / 8];
  Status s = file_->Read(it->offset + (block - it->first_block) * 9,
                         {record, 1 + kBlock / 8});
  if (!s.ok()) return s;
  ++reads_;
  uint8_t sizes[kBlock];
  std::memcpy(sizes, record + 1, kBlock);
  *size = sizes[id % kBlock];
  if (*size == 0 || *size == kElsewhere) return Status::OK();
  uint64_t at = record[0];
  for (uint64_t k = 0; k < id % kBlock; ++k) {
    if (sizes[k] != kElsewhere && sizes[k] != 0) at += 1 + sizes[k];
  }
  *offset = at;
  return Status::OK();
}

void ClusterSizes::SetElsewhere(uint64_t id) {
  if (id < base_) return;
  sizes_.GrowTo(id - base_ + 1);
  sizes_[id - base_] = kElsewhere;
}

Status ClusterSizes::SetInOrder(uint64_t id, uint8_t size, uint64_t offset) {
  sizes_.GrowTo(id - base_ + 1);
  sizes_[id - base_] = size;
  // A block's start is where its first representative went; blocks with
  // none before this one point here too (their sums are 0).
  while (base_ / kBlock + starts_.size() <= id / kBlock) {
    starts_.push_back(offset);
  }
  if (memory_ != 0 && file_ != nullptr && sizes_.size() >= memory_ + kBlock) {
    return Spill(id);
  }
  return Status::OK();
}

Status ClusterSizes::Spill(uint64_t last_in_order) {
  // Blocks before the last in-order id's are final: later in-order ids are
  // larger, and ids marked elsewhere below base_ are found by the owner.
  const uint64_t new_base = last_in_order / kBlock * kBlock;
  if (new_base <= base_) return Status::OK();
  const uint64_t first_block = base_ / kBlock;
  const uint64_t blocks = (new_base - base_) / kBlock;
  groups_.push_back({first_block, file_->size()});
  std::vector<uint64_t> out;
  out.reserve(9 * 64);
  for (uint64_t b = 0; b < blocks; ++b) {
    out.push_back(starts_[b]);
    uint64_t words[kBlock / 8];
    uint8_t bytes[kBlock];
    for (size_t k = 0; k < kBlock; ++k) bytes[k] = sizes_[b * kBlock + k];
    std::memcpy(words, bytes, kBlock);
    out.insert(out.end(), words, words + kBlock / 8);
    if (out.size() >= 9 * 64 || b + 1 == blocks) {
      uint64_t unused;
      Status s = file_->Append(out, &unused);
      if (!s.ok()) return s;
      out.clear();
    }
  }
  // The rest stays in memory, in fresh tables.
  ChunkedVector<uint8_t> sizes;
  for (uint64_t i = new_base - base_; i < sizes_.size(); ++i) {
    sizes.push_back(sizes_[i]);
  }
  ChunkedVector<uint64_t> starts;
  for (uint64_t i = blocks; i < starts_.size(); ++i) {
    starts.push_back(starts_[i]);
  }
  sizes_ = std::move(sizes);
  starts_ = std::move(starts);
  base_ = new_base;
  ++spills_;
  return Status::OK();
}

void ClusterSizes::Clear() {
  base_ = 0;
  sizes_.Clear();
  starts_.Clear();
  std::vector<Group>().swap(groups_);
  spills_ = reads_ = 0;
}

}  // namespace whosaid
