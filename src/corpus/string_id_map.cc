#include "src/corpus/string_id_map.h"

#include <algorithm>
#include <cstring>

#include "src/corpus/features.h"

namespace whosaid {

size_t StringIdMap::Slot(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint32_t s = slots_[i];
    if (s == 0) return i;
    const Entry& e = entries_[s - 1];
    if (e.hash == hash && Key(e) == key) return i;
  }
}

int64_t StringIdMap::Find(std::string_view key) const {
  if (slots_.empty()) return 0;
  const uint32_t s = slots_[Slot(key, static_cast<uint32_t>(Hash64(key)))];
  return s == 0 ? 0 : entries_[s - 1].id;
}

bool StringIdMap::Insert(std::string_view key, int64_t id) {
  if ((entries_.size() + 1) * 4 > slots_.size() * 3) Grow();
  const auto hash = static_cast<uint32_t>(Hash64(key));
  const size_t i = Slot(key, hash);
  if (slots_[i] != 0) return false;
  if (chunks_.empty() || chunk_used_ + key.size() > chunk_size_) {
    // A key longer than a chunk gets a chunk of its own size.
    chunk_size_ = std::max(kChunkBytes, key.size());
    chunks_.push_back(std::unique_ptr<char[]>(new char[chunk_size_]));
    chunk_used_ = 0;
  }
  if (!key.empty()) {
    std::memcpy(chunks_.back().get() + chunk_used_, key.data(), key.size());
  }
  entries_.push_back({id, static_cast<uint32_t>(chunks_.size() - 1),
                      static_cast<uint32_t>(chunk_used_),
                      static_cast<uint32_t>(key.size()), hash});
  chunk_used_ += key.size();
  slots_[i] = static_cast<uint32_t>(entries_.size());
  return true;
}

void StringIdMap::Grow() {
  std::vector<uint32_t>().swap(slots_);  // rebuilt from the entries
  size_t n = 1024;
  while ((entries_.size() + 1) * 4 > n * 3) n *= 2;
  slots_.assign(n, 0);
  const size_t mask = n - 1;
  for (size_t k = 0; k < entries_.size(); ++k) {
    size_t i = entries_[k].hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<uint32_t>(k + 1);
  }
}

size_t StringIdMap::memory_bytes() const {
  return slots_.capacity() * sizeof(uint32_t) + entries_.memory_bytes() +
         (chunks_.empty() ? 0
                          : (chunks_.size() - 1) * kChunkBytes + chunk_size_);
}

void StringIdMap::Clear() {
  std::vector<uint32_t>().swap(slots_);
  entries_.Clear();
  chunks_.clear();
  chunk_used_ = chunk_size_ = 0;
}

int64_t StringIdCache::Find(std::string_view key) {
  if (int64_t id = maps_[young_].Find(key); id != 0) return id;
  const int64_t id = maps_[young_ ^ 1].Find(key);
  if (id != 0) Insert(key, id);  // used again: keep it past the next turn
  return id;
}

void StringIdCache::Insert(std::string_view key, int64_t id) {
  if (max_entries_ > 0 && maps_[young_].size() >= max_entries_) {
    young_ ^= 1;
    if (maps_[young_].size() > 0) dropped_ = true;
    maps_[young_].Clear();
  }
  maps_[young_].Insert(key, id);
}

void StringIdCache::Clear() {
  maps_[0].Clear();
  maps_[1].Clear();
  young_ = 0;
  dropped_ = false;
}

}  // namespace whosaid
