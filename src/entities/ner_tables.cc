// The NER model's hash tables: the gazetteers (token-sequence keys to type
// bits), the word-cluster table and the per-document History of how each
// word was tagged. See ner_model.h for who owns them and which threads may
// call them.
#include <algorithm>
#include <cstdint>

#include "src/entities/ner_model.h"

namespace whosaid::ner {

uint64_t SequenceKey(const uint64_t* lower_hashes, int n) {
  uint64_t h = kSequenceSeed;
  for (int i = 0; i < n; ++i) h = Combine(h, lower_hashes[i]);
  return h | 1;
}

// ---------------------------------------------------------------- Gazetteer
void Gazetteer::Clear() {
  keys_.clear();
  values_.clear();
  count_ = 0;
}

void Gazetteer::Reset() {
  if (keys_.size() > (size_t{1} << 16)) {
    Clear();
    return;
  }
  std::fill(keys_.begin(), keys_.end(), 0);
  std::fill(values_.begin(), values_.end(), 0);
  count_ = 0;
}

void Gazetteer::InsertSequence(const uint64_t* lower_hashes, int n,
                               uint8_t type_bits) {
  uint64_t h = kSequenceSeed;
  for (int i = 0; i + 1 < n; ++i) {
    h = Combine(h, lower_hashes[i]);
    Insert(h | 1, kPrefix);
  }
  Insert(SequenceKey(lower_hashes, n), type_bits);
}

void Gazetteer::Grow() {
  auto old_keys = std::move(keys_);
  auto old_values = std::move(values_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  count_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i]) Insert(old_keys[i], old_values[i]);
  }
}

void Gazetteer::Insert(uint64_t key, uint8_t bits) {
  key |= 1;
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++count_;
  }
  values_[i] |= bits;
}

uint8_t Gazetteer::Find(uint64_t key) const {
  if (keys_.empty()) return 0;
  key |= 1;
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0) {
    if (keys_[i] == key) return values_[i];
    i = (i + 1) & mask;
  }
  return 0;
}

// ------------------------------------------------------------- WordClusters
void WordClusters::Grow() {
  auto old_keys = std::move(keys_);
  auto old_ids = std::move(ids_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  ids_.assign(cap * kClusterLevels, 0);
  count_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i]) Insert(old_keys[i], &old_ids[i * kClusterLevels]);
  }
}

void WordClusters::Insert(uint64_t key, const uint16_t* ids) {
  key |= 1;
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++count_;
  }
  for (int k = 0; k < kClusterLevels; ++k)
    ids_[i * kClusterLevels + k] = ids[k];
}

const uint16_t* WordClusters::Find(uint64_t key) const {
  if (keys_.empty()) return nullptr;
  key |= 1;
  size_t mask = keys_.size() - 1;
  size_t i = (key >> 20) & mask;  // keys are hashes already
  while (keys_[i] != 0) {
    if (keys_[i] == key) return &ids_[i * kClusterLevels];
    i = (i + 1) & mask;
  }
  return nullptr;
}

// ------------------------------------------------------------------ History
History::History(size_t capacity_log2) : slots_(size_t{1} << capacity_log2) {}

void History::Clear() {
  if (used_ * 8 < slots_.size()) {
    for (uint32_t i : touched_) slots_[i] = Slot();
  } else {
    std::fill(slots_.begin(), slots_.end(), Slot());
  }
  touched_.clear();
  used_ = 0;
}

History::Slot* History::FindSlot(uint64_t key, bool insert) {
  key |= 1;
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) return &slots_[i];
    i = (i + 1) & mask;
  }
  if (!insert || (used_ + 1) * 4 > slots_.size() * 3) return nullptr;
  slots_[i].key = key;
  ++used_;
  touched_.push_back(static_cast<uint32_t>(i));
  return &slots_[i];
}

const History::Slot* History::FindSlot(uint64_t key) const {
  key |= 1;
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) return &slots_[i];
    i = (i + 1) & mask;
  }
  return nullptr;
}

void History::Add(uint64_t lower, int type, int pos) {
  Slot* s = FindSlot(lower, true);
  if (s == nullptr) return;
  int k = type < 0 ? 4 : type;
  if (s->counts[k] < 60000) ++s->counts[k];
  if (type >= 0 && pos >= 0) s->pos[type] |= static_cast<uint8_t>(1 << pos);
}

int History::Majority(uint64_t lower, int* count) const {
  const Slot* s = FindSlot(lower);
  *count = 0;
  if (s == nullptr) return -1;
  int best = -1, best_count = 0, total = 0;
  for (int k = 0; k < 5; ++k) {
    total += s->counts[k];
    if (s->counts[k] > best_count) {
      best = k;
      best_count = s->counts[k];
    }
  }
  *count = total;
  return best;
}

}  // namespace whosaid::ner
