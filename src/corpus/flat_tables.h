// Compact tables for the link index (src/corpus/link_index.h), which holds
// millions of small entries: a node-based std::unordered_map costs one
// allocation and ~40 bytes per entry, a std::vector per value 24 bytes more
// plus its own allocation.
//   FlatMap64  uint64 key -> nonzero int64 value, open addressing (linear
//              probing, load <= 3/4), one array; the first value inserted
//              for a key stays (emplace semantics).
//   ArrayPool  append-only store of uint64 arrays in 512 KiB chunks (no
//              reallocation of what is stored); an array is named by a
//              nonzero handle.
//   ChunkedVector<T>  a growable array of trivially copyable T in fixed
//              chunks of kChunkBytes: growing never copies what is stored
//              and never holds the old and the new array at once (a
//              std::vector doubling holds 3x its size for a moment and keeps
//              up to 2x), so the peak is the size plus one chunk.
// Not thread-safe; the owner serialises access.
#ifndef WHOSAID_SRC_CORPUS_FLAT_TABLES_H_
#define WHOSAID_SRC_CORPUS_FLAT_TABLES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace whosaid {

class FlatMap64 {
 public:
  // The value of `key`, or 0.
  int64_t Find(uint64_t key) const {
    if (slots_.empty()) return 0;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.second == 0) return 0;
      if (s.first == key) return s.second;
    }
  }
  // Inserts key -> value (value != 0) unless `key` is present; returns
  // whether it was inserted.
  bool Insert(uint64_t key, int64_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.second == 0) {
        s = {key, value};
        ++size_;
        return true;
      }
      if (s.first == key) return false;
    }
  }
  // Sets key -> value (value != 0), replacing any value.
  void Set(uint64_t key, int64_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.second == 0) ++size_;
      if (s.second == 0 || s.first == key) {
        s = {key, value};
        return;
      }
    }
  }
  // Overwrites the value of a present key (true) or does nothing (false).
  bool Replace(uint64_t key, int64_t value) {
    if (slots_.empty() || value == 0) return false;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.second == 0) return false;
      if (s.first == key) {
        s.second = value;
        return true;
      }
    }
  }
  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }
  // Calls fn(key, value) for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const Slot& s : slots_) {
      if (s.second != 0) fn(s.first, s.second);
    }
  }
  // Moves every entry to the front of the slot array and calls fn(span):
  // the entries, in no particular order, which fn may reorder and change
  // (not into value 0); then empties the map (slots kept, as Reset()). No
  // allocation: a spill sorts the entries in place.
  template <typename Fn>
  void Drain(Fn&& fn) {
    size_t n = 0;
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].second != 0) slots_[n++] = slots_[i];
    }
    fn(std::span<std::pair<uint64_t, int64_t>>(slots_.data(), n));
    Reset();
  }
  // Removes every entry but keeps the slots (no reallocation on refill).
  void Reset() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }
  void Clear() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
    mask_ = 0;
  }

 private:
  using Slot = std::pair<uint64_t, int64_t>;  // value 0: empty
  size_t Home(uint64_t key) const {
    // murmur3's finaliser: keys may be structured (band bits, row ids).
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<size_t>(key) & mask_;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 1024 : old.size() * 2);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.second != 0) Insert(s.first, s.second);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

class ArrayPool {
 public:
  // Stores a copy of `a`; returns its handle (> 0).
  int64_t Add(std::span<const uint64_t> a) {
    const size_t need = a.size() + 1;  // length, then the values
    if (chunks_.empty() || used_ + need > chunk_size_) {
      chunk_size_ = std::max(kChunk, need);
      // Not value-initialised: pages are touched only as they fill.
      chunks_.push_back(std::unique_ptr<uint64_t[]>(new uint64_t[chunk_size_]));
      used_ = 0;
    }
    uint64_t* p = chunks_.back().get() + used_;
    p[0] = a.size();
    std::copy(a.begin(), a.end(), p + 1);
    const int64_t handle =
        static_cast<int64_t>((chunks_.size() - 1) << kOffsetBits | used_) + 1;
    used_ += need;
    return handle;
  }
  std::span<const uint64_t> Get(int64_t handle) const {
    const uint64_t h = static_cast<uint64_t>(handle - 1);
    const uint64_t* p =
        chunks_[h >> kOffsetBits].get() + (h & ((1ULL << kOffsetBits) - 1));
    return {p + 1, static_cast<size_t>(p[0])};
  }
  void Clear() {
    chunks_.clear();
    used_ = chunk_size_ = 0;
  }
  // Allocated bytes of the chunks, assuming full-size ones (an oversized
  // array gets a chunk of its own size).
  size_t memory_bytes() const {
    return chunks_.size() * kChunk * sizeof(uint64_t);
  }

 private:
  static constexpr size_t kChunk = 64 * 1024;  // values: 512 KiB
  static constexpr int kOffsetBits = 32;       // offset within a chunk
  std::vector<std::unique_ptr<uint64_t[]>> chunks_;
  size_t used_ = 0, chunk_size_ = 0;
};

template <typename T>
class ChunkedVector {
 public:
  static_assert(std::is_trivially_copyable_v<T>);
  static constexpr size_t kChunkBytes = 256 * 1024;
  static constexpr size_t kPerChunk =
      std::max<size_t>(1, kChunkBytes / sizeof(T));

  T& operator[](size_t i) { return chunks_[i / kPerChunk][i % kPerChunk]; }
  const T& operator[](size_t i) const {
    return chunks_[i / kPerChunk][i % kPerChunk];
  }
  void push_back(const T& v) {
    if (size_ == chunks_.size() * kPerChunk) AddChunk();
    (*this)[size_++] = v;
  }
  // Grows to at least `n` elements, the new ones value-initialised.
  void GrowTo(size_t n) {
    while (size_ < n) {
      if (size_ == chunks_.size() * kPerChunk) AddChunk();
      const size_t end = std::min(n, chunks_.size() * kPerChunk);
      std::fill(&(*this)[size_], &(*this)[end - 1] + 1, T{});
      size_ = end;
    }
  }
  size_t size() const { return size_; }
  size_t memory_bytes() const {
    return chunks_.size() * kPerChunk * sizeof(T) +
           chunks_.capacity() * sizeof(chunks_[0]);
  }
  void Clear() {
    std::vector<std::unique_ptr<T[]>>().swap(chunks_);
    size_ = 0;
  }

 private:
  void AddChunk() {
    // Not value-initialised: pages are touched only as they fill.
    chunks_.push_back(std::unique_ptr<T[]>(new T[kPerChunk]));
  }

  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_FLAT_TABLES_H_
