// StringIdMap: an exact string -> nonzero int64 map for caches with many
// short keys (the store's speakers cache: one entry per speaker name key,
// ~70k at 37k articles). An unordered_map<std::string, int64_t> costs ~100
// bytes an entry (a node, the string object, a heap copy of keys over 15
// bytes, a bucket); this one ~24 bytes of entry, ~6 of slot and the key's
// bytes, packed in 64 KiB chunks. Keys are compared in full (no answer
// depends on a hash). Entries and key bytes never move (chunked: growing
// holds no second copy); only the 4-byte slot array doubles by rehashing.
// The map owns its copies of the keys. Not thread-safe; one owner.
#ifndef WHOSAID_SRC_CORPUS_STRING_ID_MAP_H_
#define WHOSAID_SRC_CORPUS_STRING_ID_MAP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "src/corpus/flat_tables.h"

namespace whosaid {

class StringIdMap {
 public:
  // The id of `key`, or 0.
  int64_t Find(std::string_view key) const;
  // Adds key -> id (id != 0) unless `key` is present; returns whether it
  // was added (a present key keeps its id).
  bool Insert(std::string_view key, int64_t id);
  size_t size() const { return entries_.size(); }
  size_t memory_bytes() const;
  void Clear();

 private:
  struct Entry {
    int64_t id;
    uint32_t chunk;   // index in chunks_
    uint32_t offset;  // of the key's first byte in that chunk
    uint32_t size;    // of the key
    uint32_t hash;    // low 32 bits of the key's hash
  };
  std::string_view Key(const Entry& e) const {
    return {chunks_[e.chunk].get() + e.offset, e.size};
  }
  // The slot holding `key` or the empty slot where it would go.
  size_t Slot(std::string_view key, uint32_t hash) const;
  void Grow();

  static constexpr size_t kChunkBytes = 64 * 1024;
  std::vector<uint32_t> slots_;  // 1 + index in entries_, 0: empty
  ChunkedVector<Entry> entries_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_used_ = 0, chunk_size_ = 0;
};

// StringIdCache: a StringIdMap of bounded size for a cache in front of a
// store that can answer a miss (the SQLite store's speakers: name key ->
// id, backed by a UNIQUE index). Two generations of at most
// `max_entries` each: a key found in the old one is copied to the young
// one; when the young one is full it turns old and the old one is dropped.
// max_entries 0: one generation that is never dropped (every key kept).
// complete() tells whether nothing was ever dropped: then a key absent
// here is absent from the store as well (when every stored key went
// through Insert), and the owner may skip the store's look-up. Not
// thread-safe; one owner.
class StringIdCache {
 public:
  explicit StringIdCache(size_t max_entries) : max_entries_(max_entries) {}

  // The id of `key` in memory, or 0.
  int64_t Find(std::string_view key);
  // Adds key -> id (id != 0) to the young generation.
  void Insert(std::string_view key, int64_t id);
  bool complete() const { return !dropped_; }
  // Marks the cache incomplete (the owner loaded only part of the keys).
  void MarkIncomplete() { dropped_ = true; }
  size_t size() const { return maps_[0].size() + maps_[1].size(); }
  size_t memory_bytes() const {
    return maps_[0].memory_bytes() + maps_[1].memory_bytes();
  }
  void Clear();

 private:
  size_t max_entries_;
  StringIdMap maps_[2];
  int young_ = 0;  // index of the young generation in maps_
  bool dropped_ = false;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_STRING_ID_MAP_H_
