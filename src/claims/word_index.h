// WordIndex: an immutable, open-addressing hash index from lowercase words
// (or phrases) to the ids of the table entries keyed by them, in insertion
// order. Lookups are ASCII case-insensitive: the probe hashes the
// ASCII-lowercased bytes, compares 64-bit hashes first and bytes after.
// Built once (Add... then Finish) by its owner — the claims tables hold
// function-local statics — and read-only afterwards, so any number of
// threads may call Find concurrently. Keys are string_views into static
// data the caller keeps alive.
#ifndef WHOSAID_SRC_CLAIMS_WORD_INDEX_H_
#define WHOSAID_SRC_CLAIMS_WORD_INDEX_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace whosaid::claims {

// FNV-1a over the ASCII-lowercased bytes (other bytes unchanged); never 0.
inline uint64_t LowerHash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (char c : w) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u - 'A' + 'a');
    h = (h ^ u) * 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

class WordIndex {
 public:
  // Registers entry `id` under `key`. Keys with ASCII capitals are skipped:
  // a case-insensitive probe could never equal them byte for byte.
  void Add(std::string_view key, uint32_t id);
  // Builds the hash table; call once after the last Add.
  void Finish();

  // Ids registered under w (ASCII case-insensitive), in insertion order.
  std::span<const uint32_t> Find(std::string_view w) const {
    if (!MayHold(w)) return {};
    return Find(w, LowerHash(w));
  }
  // False when no key has w's length and lowercased first byte (exact
  // pre-test: no hashing).
  bool MayHold(std::string_view w) const {
    if (w.empty()) return has_empty_;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    size_t len = w.size() < 63 ? w.size() : 63;
    return ((lengths_ >> len) & 1u) &&
           ((first_bytes_[c >> 6] >> (c & 63)) & 1u);
  }
  // The same with h == LowerHash(w) precomputed.
  std::span<const uint32_t> Find(std::string_view w, uint64_t h) const;
  bool Contains(std::string_view w) const { return !Find(w).empty(); }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 = empty
    std::string_view key;
    uint32_t begin = 0, end = 0;  // into ids_
  };
  std::vector<std::pair<std::string_view, uint32_t>> pending_;
  std::vector<Slot> slots_;
  std::vector<uint32_t> ids_;
  uint64_t mask_ = 0;
  bool has_empty_ = false;
  uint64_t lengths_ = 0;          // bit min(len, 63) for every key length
  uint64_t first_bytes_[4] = {};  // bit per first byte of a key
};

// An index of the words of a static list (ids are list positions).
WordIndex IndexWords(std::span<const std::string_view> words);

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_WORD_INDEX_H_
