// Compact tables for the link index (src/corpus/link_index.h), which holds
// millions of small entries: a node-based std::unordered_map costs one
// allocation and ~40 bytes per entry, a std::vector per value 24 bytes more
// plus its own allocation.
//   FlatMap64  uint64 key -> nonzero int64 value, open addressing (linear
//              probing, load <= 3/4), one array of anonymous pages that
//              doubles in place (mremap, then the entries re-placed in it:
//              the old and the new array are never both resident); the
//              first value inserted for a key stays (emplace semantics).
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
  FlatMap64() = default;
  FlatMap64(const FlatMap64&) = delete;
  FlatMap64& operator=(const FlatMap64&) = delete;
  FlatMap64(FlatMap64&& o) noexcept { Swap(o); }
  FlatMap64& operator=(FlatMap64&& o) noexcept {
    if (this != &o) {
      Clear();
      Swap(o);
    }
    return *this;
  }
  ~FlatMap64() { Clear(); }

  // The value of `key`, or 0.
  int64_t Find(uint64_t key) const {
    if (capacity_ == 0) return 0;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.second == 0) return 0;
      if (s.first == key) return s.second;
    }
  }
  // Inserts key -> value (value != 0) unless `key` is present; returns
  // whether it was inserted.
  bool Insert(uint64_t key, int64_t value) {
    if ((size_ + 1) * 4 > capacity_ * 3) Grow();
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
    if ((size_ + 1) * 4 > capacity_ * 3) Grow();
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
    if (capacity_ == 0 || value == 0) return false;
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
  size_t memory_bytes() const { return capacity_ * sizeof(Slot); }
  // Calls fn(key, value) for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (size_t i = 0; i < capacity_; ++i) {
      if (slots_[i].second != 0) fn(slots_[i].first, slots_[i].second);
    }
  }
  // Moves every entry to the front of the slot array and calls fn(span):
  // the entries, in no particular order, which fn may reorder and change
  // (not into value 0); then empties the map (slots kept, as Reset()). No
  // allocation: a spill sorts the entries in place.
  template <typename Fn>
  void Drain(Fn&& fn) {
    size_t n = 0;
    for (size_t i = 0; i < capacity_; ++i) {
      if (slots_[i].second != 0) slots_[n++] = slots_[i];
    }
    fn(std::span<std::pair<uint64_t, int64_t>>(slots_, n));
    Reset();
  }
  // Removes every entry but keeps the slots (no reallocation on refill).
  void Reset() {
    std::fill(slots_, slots_ + capacity_, Slot{});
    size_ = 0;
  }
  void Clear() {
    if (slots_ != nullptr) FreeSlots(slots_, capacity_ * sizeof(Slot));
    slots_ = nullptr;
    capacity_ = 0;
    size_ = 0;
    mask_ = 0;
  }

 private:
  using Slot = std::pair<uint64_t, int64_t>;  // value 0: empty
  // Kept in raw pages: no constructor or destructor needs to run.
  static_assert(std::is_trivially_destructible_v<Slot> &&
                std::is_trivially_copy_constructible_v<Slot>);
  size_t Home(uint64_t key) const {
    // murmur3's finaliser: keys may be structured (band bits, row ids).
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<size_t>(key) & mask_;
  }
  void Swap(FlatMap64& o) noexcept {
    std::swap(slots_, o.slots_);
    std::swap(capacity_, o.capacity_);
    std::swap(size_, o.size_);
    std::swap(mask_, o.mask_);
  }
  // Doubles the slot array in place: the pages are remapped (no copy, the
  // old and the new array are never both resident; a copying doubling of a
  // 16 MiB table holds 48 MiB for a moment), then the entries are re-placed
  // in the same array. Re-placing starts after an empty slot so that no
  // entry is placed behind one not yet moved (which would break its probe
  // chain when that one moves); the few whose probe would run past the
  // array's end into slots not yet moved are inserted at the end.
  void Grow() {
    const size_t old = capacity_;
    const size_t cap = old == 0 ? 1024 : old * 2;
    slots_ = static_cast<Slot*>(
        ResizeSlots(slots_, old * sizeof(Slot), cap * sizeof(Slot)));
    capacity_ = cap;
    mask_ = cap - 1;
    if (size_ == 0) return;
    size_t empty = 0;  // exists: the load is at most 3/4
    while (slots_[empty].second != 0) ++empty;
    std::vector<Slot> wrapped;
    for (size_t k = 1; k <= old; ++k) {
      const size_t from = (empty + k) & (old - 1);
      const Slot s = slots_[from];
      if (s.second == 0) continue;
      slots_[from] = Slot{};
      size_t i = Home(s.first);
      while (slots_[i].second != 0 && i != mask_) ++i;
      if (slots_[i].second != 0) {
        wrapped.push_back(s);
      } else {
        slots_[i] = s;
      }
    }
    for (const Slot& s : wrapped) {
      size_t i = Home(s.first);
      while (slots_[i].second != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  // Zero-filled storage that can grow without a copy (mremap on Linux).
  static void* ResizeSlots(void* p, size_t old_bytes, size_t new_bytes);
  static void FreeSlots(void* p, size_t bytes);

  Slot* slots_ = nullptr;
  size_t capacity_ = 0;  // slots, a power of two (or 0)
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
