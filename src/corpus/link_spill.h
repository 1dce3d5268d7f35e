// What the link index (src/corpus/link_index.h) keeps out of memory once its
// limits are reached, so its memory stops growing with the corpus:
//   SpillFile         an unlinked temporary file of uint64 values: appended
//                     through a 1 MiB buffer, read back with pread (kernel
//                     page cache, not the process's memory). Its content is a
//                     cache the index rebuilds from the store on open, so it
//                     never needs to survive the process.
//   SpilledFingerprints  fingerprint -> cluster pairs written in sorted runs
//                     to a SpillFile, one in-memory sparse index per run (the
//                     first key of every 4 KiB block) and one blocked Bloom
//                     filter over all of them, checked first. The filter is
//                     sized to the spilled keys (bits_per_key each, at most
//                     max_bytes) and rebuilt from the runs when they grow by
//                     half, so a small spill does not pay for a large one.
// Memory: the write buffer, the Bloom filter (~bits_per_key / 8 bytes per
// spilled key, at most max_bytes) and 8 bytes per 256 spilled pairs. I/O errors
// are returned; after one the owner must stop. Not thread-safe; the owner
// (LinkIndex) serialises access.
#ifndef WHOSAID_SRC_CORPUS_LINK_SPILL_H_
#define WHOSAID_SRC_CORPUS_LINK_SPILL_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

class SpillFile {
 public:
  SpillFile() = default;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  // Creates the file in `dir` ("" : $TMPDIR, else /tmp) and unlinks it at
  // once; a no-op when it is open.
  Status Open(const std::string& dir);
  bool is_open() const { return fd_ >= 0; }
  // Appends `a`; *offset receives its position (in values).
  Status Append(std::span<const uint64_t> a, uint64_t* offset);
  // Reads out.size() values from `offset` (flushed or still buffered).
  Status Read(uint64_t offset, std::span<uint64_t> out) const;
  // Gives back the disk space of [offset, offset + count) values, which
  // will not be read again (best effort: whole pages already written; the
  // file keeps its size).
  void Discard(uint64_t offset, uint64_t count);
  // Empties the file (stays open).
  Status Truncate();
  uint64_t size() const { return flushed_ + buffer_.size(); }  // values
  size_t memory_bytes() const { return buffer_.capacity() * sizeof(uint64_t); }

 private:
  Status Flush();

  int fd_ = -1;
  uint64_t flushed_ = 0;  // values in the file
  std::vector<uint64_t> buffer_;
};

class SpilledFingerprints {
 public:
  // The filter takes `bits_per_key` bits per spilled key (0: max_bytes at
  // once, the fixed filter of before), at most `max_bytes`; both rounded
  // down to whole 64-byte blocks (at least one).
  explicit SpilledFingerprints(size_t max_bytes,
                               size_t bits_per_key = kBloomBitsPerKey);

  // 24 bits: ~3e-4 false positives with 6 probes in a 64-byte block
  // (simulated: 1.5M keys in 4 MiB, i.e. 22 bits, gave 2.8e-4; 8 MiB 1.3e-5).
  static constexpr size_t kBloomBitsPerKey = 24;

  // Writes `pairs` (key, value != 0; unique keys; a key of an earlier run
  // only with the same value) as one run to `file`; sorts them.
  Status AddRun(std::vector<std::pair<uint64_t, int64_t>>* pairs,
                SpillFile* file);
  // The same for pairs already sorted by key.
  Status AddSortedRun(std::span<const std::pair<uint64_t, int64_t>> pairs,
                      SpillFile* file);
  // The value of `key`, or 0 (*value); no I/O when the filter says no.
  Status Find(uint64_t key, const SpillFile& file, int64_t* value);
  // Hints the cache line Find(key) probes first.
  void Prefetch(uint64_t key) const {
    if (!runs_.empty()) __builtin_prefetch(&bloom_[Block(key) * 8]);
  }
  bool empty() const { return runs_.empty(); }
  size_t size() const { return keys_; }
  uint64_t reads() const { return reads_; }
  uint64_t probes() const { return probes_; }  // Find() calls with runs
  uint64_t found() const { return found_; }    // reads that held the key
  size_t runs() const { return runs_.size(); }
  size_t bloom_bytes() const { return bloom_.size() * sizeof(uint64_t); }
  size_t memory_bytes() const;
  void Clear();

 private:
  static constexpr size_t kBlock = 256;  // pairs per sparse-index entry
  struct Run {
    uint64_t offset = 0;  // in values; pair i at offset + 2i
    size_t count = 0;
    std::vector<uint64_t> first_keys;  // of each block of kBlock pairs
  };
  size_t Block(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) % blocks_;
  }
  bool MayContain(uint64_t key) const;
  void Remember(uint64_t key);
  // Sizes the filter for `keys` keys and refills it from the runs in `file`.
  Status Rebuild(size_t keys, const SpillFile& file);

  size_t max_blocks_;  // 64-byte blocks at most
  size_t bits_per_key_;
  size_t sized_for_ = 0;         // keys the filter was sized for
  size_t blocks_ = 0;            // 64-byte blocks now
  std::vector<uint64_t> bloom_;  // blocks_ * 8 words
  std::vector<Run> runs_;
  size_t keys_ = 0;
  uint64_t reads_ = 0;  // blocks read back
  uint64_t probes_ = 0, found_ = 0;
  std::vector<uint64_t> scratch_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_LINK_SPILL_H_
