// The per-thread memo of the fast NER decoder (FastDecoder, ner_decode.cc):
// the label-score vectors of word types (TypeCache), of shape/flag/
// gazetteer contexts (ContextCache) and the scratch buffers one thread
// reuses across documents (Scratch), with the constants that size them.
//
// Each object is owned by one thread (thread_local in ner_decode.cc) and
// tied to one model by its cache id: no locking, and a thread may only
// touch its own. Internal to src/entities; not part of the public API.
#ifndef WHOSAID_SRC_ENTITIES_NER_DECODE_CACHE_H_
#define WHOSAID_SRC_ENTITIES_NER_DECODE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "src/entities/ner_model.h"

namespace whosaid::ner::decode_internal {

// Must match ner_model.cc.
constexpr uint64_t kBos = 0x5151515151515151ULL;
constexpr uint64_t kEos = 0x7373737373737373ULL;

constexpr int kOffsets = 5;  // window offsets -2..+2
// Per type and stage: kOffsets window vectors, then the word-and-previous-
// label features (82, 83, 122) after the start (prev1 = -1) and after O
// (vectors kOffsets and kOffsets + 1).
constexpr int kVecs = (kOffsets + 2) * kNumLabels;
constexpr int kLabelsWithStart = kNumLabels + 1;  // -1 .. 16
constexpr int kLabelsWithEdge = kNumLabels + 2;   // -2 .. 16
constexpr int kTriples = kLabelsWithEdge * kLabelsWithEdge * kLabelsWithEdge;
static_assert(NerModel::kMaxStages == 2, "rows interleave two stages");
// Word types memoised per thread: 2^15 with one stage (~0.33 KB each with
// the int16 vectors, ~11 MB per thread), 2^14 with two. When a document does
// not fit, the most used half is kept.
constexpr uint32_t kTypeCacheLog2 = 15;
// Longer tokens are not memoised.
constexpr size_t kMaxKeyBytes = 32;
// Static features at most (see StaticFeatures) besides gazetteer bits, and
// dynamic features at most: a token whose window has more gazetteer bits
// than kMaxFeatures - both takes the reference path.
constexpr int kStaticBase = 47;
// DocFeatures() at most per history (5 shares, 4 position sets).
constexpr int kDocMax = 9;
constexpr int kDynamicMax = 18 + 2 * kDocMax;
constexpr int kMaxFastGazBits = kMaxFeatures - kStaticBase - kDynamicMax;

inline uint64_t KeyHash(std::string_view w) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ w.size();
  for (unsigned char c : w) h = (h ^ c) * 0x100000001B3ULL;
  return Mix(h) | 1;
}

// int16 values a memoised entry holds: stages * kVecs, padded to whole
// 64-byte cache lines.
inline size_t NarrowStride(int stages) {
  return (static_cast<size_t>(stages) * kVecs + 31) / 32 * 32;
}

// The per-offset vectors of one word type (or of the sentence boundary), as
// int16 (`narrow`) or int32 (`wide`): exactly one is set.
struct VecRef {
  const int16_t* narrow = nullptr;
  const int32_t* wide = nullptr;
};

// dst[l] += src[l] for every label.
template <typename T>
inline void AddVector(const T* src, int32_t* dst) {
  for (int l = 0; l < kNumLabels; ++l) dst[l] += src[l];
}
// dst += vector `index` (offset or previous-label vector) of stage `st`.
inline void AddVector(const VecRef& v, int st, int index, int32_t* dst) {
  size_t at = static_cast<size_t>(st) * kVecs + index * kNumLabels;
  if (v.narrow != nullptr) {
    AddVector(v.narrow + at, dst);
  } else {
    AddVector(v.wide + at, dst);
  }
}

// Scratch::ref values besides entry indices: overflow vector k (a type not
// memoised) as kOverflow - k.
constexpr int64_t kOverflow = -2;

// A memoised word type: its key and the word-only TokenInfo fields the fast
// path reads after Lookup() (shape, clusters, lexicon bits, kHasDigit), in
// one cache line. The word, prefix and suffix hashes are read only by the
// reference path, which recomputes them (WordInfo() is a pure function).
struct alignas(64) TypeEntry {
  uint64_t hash;
  uint64_t shape;
  uint16_t cluster[kClusterLevels];
  uint16_t flags;  // WordInfo() flags (kHasDigit)
  uint32_t gaz;    // WordInfo() gazetteer field (lexicon bits)
  uint8_t len;
  char bytes[kMaxKeyBytes];
};
static_assert(sizeof(TypeEntry) == 64, "a type entry is one cache line");
static_assert(kMaxKeyBytes < 256, "TypeEntry::len is 8 bits");

// Features of one word type at most (TypeVectors(): 15 at offset 0, 6 at
// +-1, 3 at +-2 and 6 after the start or O, without lexicon bits, plus 3
// per lexicon bit (16 bits at most)), per stage.
constexpr int kMaxTypeFeatures = 39 + 3 * 16;
// Direct features of one token at most (pairs, clusters, 86), per stage.
constexpr int kRowsPerToken = 9;
// Slots of the (direct-mapped) memo of shape/flags/gazetteer features.
constexpr uint32_t kContextCacheSize = 1u << 12;

struct ContextCache {
  struct Key {
    uint64_t shape = 0;
    uint32_t rest = 0;  // gazetteer bits << 16 | flags
    uint32_t ext = 0;   // external gazetteer bits (with kExtToken)
    bool valid = false;
  };
  uint64_t model_id = 0;
  int stages = 0;
  TableVector<Key> keys;
  TableVector<int32_t> vecs;  // stages * kNumLabels per slot

  void Reset(uint64_t id, int num_stages) {
    model_id = id;
    stages = num_stages;
    keys.assign(kContextCacheSize, Key());
    vecs.assign(static_cast<size_t>(kContextCacheSize) * stages * kNumLabels,
                0);
  }
};

// Per-thread memo of word types for one model (cache_id).
struct TypeCache {
  uint64_t model_id = 0;
  int stages = 0;
  TableVector<uint32_t> slots;  // entry index + 1; 0 = empty
  TableVector<TypeEntry> entries;
  TableVector<uint32_t> hits;  // lookups since inserted (halved at Evict)
  // NarrowStride() int16 per entry (stages * kVecs used); unused for the
  // entries with a wide vector.
  TableVector<int16_t> vecs;
  // Per entry: 0, or 1 + the index of its vectors in `wide` (stages * kVecs
  // int32 each) when a sum does not fit int16.
  std::vector<uint32_t> wide_of;
  std::vector<int32_t> wide;
  uint32_t used = 0;
  uint32_t capacity = 0;
  // Features 80 + 81 of each (prev2, prev1): stage, prev2 + 1, prev1 + 1.
  std::vector<int32_t> label_vecs;
  // Second stage: features 100, 101, 102 and 104 of each first-stage label
  // triple (before, here, after), filled on first use.
  std::vector<int32_t> triple_vecs;
  std::vector<uint8_t> triple_done;

  // Empties the cache and sizes it for a model of `num_stages` stages.
  void Reset(uint64_t id, int num_stages);
  // Makes room: keeps the most used entries (at most half the capacity),
  // halving their use counts, and forgets the rest.
  void Evict();
  // Stores the int32 vectors `v` of entry e: as int16 when every value
  // fits, else in `wide`.
  void Store(uint32_t e, const int32_t* v);
  // The vectors of entry e (as stored by Store()).
  VecRef Ref(uint32_t e) const {
    VecRef r;
    if (wide_of[e] != 0) {
      r.wide = &wide[static_cast<size_t>(wide_of[e] - 1) * stages * kVecs];
    } else {
      r.narrow = &vecs[static_cast<size_t>(e) * NarrowStride(stages)];
    }
    return r;
  }
};

// Scratch buffers reused across documents by one thread.
struct Scratch {
  std::vector<TokenInfo> info;
  std::vector<int64_t> ref;       // >= 0 entry index; kOverflow - k
  std::vector<int32_t> overflow;  // vectors of unmemoised tokens
  std::vector<int32_t> fresh;     // vectors of an entry being memoised
  std::vector<VecRef> vec;
  std::vector<int32_t> stat[NerModel::kMaxStages];
  std::vector<uint8_t> nstatic;  // 0 = fast; else StaticFeatures() count
  std::vector<uint32_t> rows;    // direct feature rows of a sentence (kNoRow)
  std::vector<uint8_t> nrows;
  std::vector<int> labels1;
  std::vector<uint8_t> scored;  // ScoredMask()
  std::vector<uint8_t> needed;  // in the window of a scored token
};

}  // namespace whosaid::ner::decode_internal

#endif  // WHOSAID_SRC_ENTITIES_NER_DECODE_CACHE_H_
