#include "src/claims/word_index.h"

#include <algorithm>

#include "src/claims/lexicon.h"

namespace whosaid::claims {

void WordIndex::Add(std::string_view key, uint32_t id) {
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') return;
  }
  pending_.emplace_back(key, id);
}

void WordIndex::Finish() {
  size_t cap = 8;
  while (cap < 2 * pending_.size() + 1) cap *= 2;
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  // Distinct keys in first-seen order, each with its ids in insertion order.
  std::vector<bool> done(pending_.size(), false);
  ids_.reserve(pending_.size());
  for (size_t a = 0; a < pending_.size(); ++a) {
    if (done[a]) continue;
    std::string_view key = pending_[a].first;
    uint32_t begin = static_cast<uint32_t>(ids_.size());
    for (size_t b = a; b < pending_.size(); ++b) {
      if (!done[b] && pending_[b].first == key) {
        done[b] = true;
        ids_.push_back(pending_[b].second);
      }
    }
    if (key.empty()) {
      has_empty_ = true;
    } else {
      unsigned char c = static_cast<unsigned char>(key[0]);
      first_bytes_[c >> 6] |= uint64_t{1} << (c & 63);
      lengths_ |= uint64_t{1} << (key.size() < 63 ? key.size() : 63);
    }
    uint64_t h = LowerHash(key);
    size_t s = h & mask_;
    while (slots_[s].hash != 0) s = (s + 1) & mask_;
    slots_[s] = {h, key, begin, static_cast<uint32_t>(ids_.size())};
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

std::span<const uint32_t> WordIndex::Find(std::string_view w,
                                          uint64_t h) const {
  if (slots_.empty()) return {};
  for (size_t s = h & mask_;; s = (s + 1) & mask_) {
    const Slot& slot = slots_[s];
    if (slot.hash == 0) return {};
    if (slot.hash == h && IEq(w, slot.key)) {
      return std::span<const uint32_t>(ids_).subspan(slot.begin,
                                                     slot.end - slot.begin);
    }
  }
}

WordIndex IndexWords(std::span<const std::string_view> words) {
  WordIndex index;
  for (size_t i = 0; i < words.size(); ++i) {
    index.Add(words[i], static_cast<uint32_t>(i));
  }
  index.Finish();
  return index;
}

}  // namespace whosaid::claims
