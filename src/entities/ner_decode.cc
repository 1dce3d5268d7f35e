// NerModel::Decode(): the fast tagger. Gives exactly the labels of
// DecodeReference() (ComputeTokenInfo + Pass per stage), but computes the
// label-independent part of each token's score once, before the greedy loop:
//  - the features of StaticFeatures() that depend on ONE word of the window
//    (word, lower case, shape, affixes, clusters, lexicon bits at offsets
//    -2..+2) are summed per word type and offset into label-score vectors and
//    memoised in a per-thread cache keyed by the token's bytes (exact key, so
//    the cache only memoises a pure function: output does not depend on the
//    thread count or on the order documents are tagged in);
//  - the cross-token and document features (word pairs, gazetteer matches,
//    casing flags) are added directly.
// Weights are integers (int16 rows summed in int32), so any summation order
// gives the same scores. The memoised vectors are stored as int16 when every
// sum fits (half the memory of int32, so more of the cache stays in the CPU
// caches), else as int32 beside them: the same exact sums either way. Tokens
// whose window could overflow kMaxFeatures (many gazetteer bits) take the
// reference path, so the reference's truncation is reproduced too.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "src/entities/ner_model.h"

namespace whosaid::ner {
namespace {

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

// Labels allowed after each previous label (-1..16), inside a sentence
// ([0]) and at its last token ([1], where an open entity must close).
struct AllowedLabels {
  uint32_t mask[2][kNumLabels + 1];
  AllowedLabels() {
    for (int end = 0; end < 2; ++end) {
      for (int prev = -1; prev < kNumLabels; ++prev) {
        uint32_t m = 0;
        for (int l = 0; l < kNumLabels; ++l) {
          if (!ValidTransition(prev, l)) continue;
          if (end && (PosOf(l) == 0 || PosOf(l) == 1)) continue;
          m |= 1u << l;
        }
        mask[end][prev + 1] = m;
      }
    }
  }
};
const AllowedLabels kAllowed;

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

  void Reset(uint64_t id, int num_stages) {
    model_id = id;
    stages = num_stages;
    capacity = 1u << (kTypeCacheLog2 - (num_stages > 1 ? 1 : 0));
    slots.assign(2 * capacity, 0);
    entries.resize(capacity);
    hits.assign(capacity, 0);
    triple_vecs.assign(num_stages > 1 ? kTriples * kNumLabels : 0, 0);
    triple_done.assign(num_stages > 1 ? kTriples : 0, 0);
    vecs.assign(static_cast<size_t>(capacity) * NarrowStride(stages), 0);
    wide_of.assign(capacity, 0);
    wide.clear();
    used = 0;
  }
  // Makes room: keeps the most used entries (at most half the capacity),
  // halving their use counts, and forgets the rest.
  void Evict() {
    const size_t stride = NarrowStride(stages);
    const size_t wide_stride = static_cast<size_t>(stages) * kVecs;
    uint32_t threshold = 1;
    for (;;) {
      uint32_t kept = 0;
      for (uint32_t e = 0; e < used; ++e) kept += hits[e] >= threshold;
      if (kept <= capacity / 2) break;
      threshold *= 2;
    }
    std::fill(slots.begin(), slots.end(), 0);
    const uint32_t mask = static_cast<uint32_t>(slots.size() - 1);
    uint32_t j = 0;
    uint32_t nwide = 0;
    for (uint32_t e = 0; e < used; ++e) {
      if (hits[e] < threshold) continue;
      if (wide_of[e] != 0) {
        // Kept wide vectors move down in `wide` (never past their source).
        size_t from = static_cast<size_t>(wide_of[e] - 1) * wide_stride;
        if (from != nwide * wide_stride) {
          std::memmove(&wide[nwide * wide_stride], &wide[from],
                       wide_stride * sizeof(int32_t));
        }
        wide_of[j] = ++nwide;
      } else {
        wide_of[j] = 0;
      }
      if (j != e) {
        entries[j] = entries[e];
        std::memcpy(&vecs[j * stride], &vecs[e * stride],
                    stride * sizeof(int16_t));
      }
      hits[j] = hits[e] / 2;
      uint32_t s = static_cast<uint32_t>(entries[j].hash) & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = j + 1;
      ++j;
    }
    used = j;
    wide.resize(nwide * wide_stride);
  }
  // Stores the int32 vectors `v` of entry e: as int16 when every value
  // fits, else in `wide`.
  void Store(uint32_t e, const int32_t* v) {
    const size_t n = static_cast<size_t>(stages) * kVecs;
    bool fits = true;
    for (size_t k = 0; k < n; ++k) {
      fits &= v[k] >= INT16_MIN && v[k] <= INT16_MAX;
    }
    if (fits) {
      int16_t* dst = &vecs[static_cast<size_t>(e) * NarrowStride(stages)];
      for (size_t k = 0; k < n; ++k) dst[k] = static_cast<int16_t>(v[k]);
      wide_of[e] = 0;
    } else {
      wide_of[e] = static_cast<uint32_t>(wide.size() / n + 1);
      wide.insert(wide.end(), v, v + n);
    }
  }
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

// This thread's type cache, scratch and context memo (Decode()).
thread_local TypeCache tls_cache;
thread_local Scratch tls_scratch;
thread_local ContextCache tls_context;

}  // namespace

class FastDecoder {
 public:
  explicit FastDecoder(const NerModel& m) : m_(m) {}

  void Decode(const Document& doc, std::vector<int>* labels) const {
    TypeCache& cache = tls_cache;
    Scratch& scratch = tls_scratch;
    ContextCache& context = tls_context;
    if (cache.model_id != m_.cache_id_ || cache.stages != m_.stages_) {
      cache.Reset(m_.cache_id_, m_.stages_);
      LabelVectors(&cache.label_vecs);
    }
    if (context.model_id != m_.cache_id_ || context.stages != m_.stages_) {
      context.Reset(m_.cache_id_, m_.stages_);
    }
    Scratch& sc = scratch;
    Lookup(doc, &cache, &sc);
    StaticScores(doc, &sc, &context);
    if (m_.stages_ < 2) {
      Pass(doc, sc, &cache, 0, nullptr, labels);
      return;
    }
    Pass(doc, sc, &cache, 0, nullptr, &sc.labels1);
    History agg(14);
    NerModel::Aggregate(sc.info, sc.labels1, &agg);
    NerModel::Stage2 s2{&sc.labels1, &agg};
    Pass(doc, sc, &cache, 1, &s2, labels);
  }

 private:
  void AddRow(int stage, uint64_t h, int32_t* v) const {
    const CompactWeights& w = m_.weights_[stage];
    uint32_t r = w.Find(static_cast<uint32_t>(h) & m_.mask_);
    if (r != CompactWeights::kNoRow) w.AddTo(r, v);
  }
  void AddAll(uint64_t h, int32_t* const* v) const {
    for (int st = 0; st < m_.stages_; ++st) AddRow(st, h, v[st]);
  }

  // The per-offset vectors of one word type (v: stages * kVecs). The
  // feature buckets are collected first, so the index and row reads of all
  // of them are prefetched before any is summed (a new type's ~40 features
  // mostly miss the caches; integer sums, so the order does not matter).
  void TypeVectors(const TokenInfo& t, int32_t* v) const {
    std::fill(v, v + m_.stages_ * kVecs, 0);
    bool cl = m_.clusters_.size() > 0;
    struct Pending {
      uint32_t bucket;  // then its row
      int st;
      int32_t* dst;
    };
    Pending pend[kMaxTypeFeatures * NerModel::kMaxStages];
    int np = 0;
    int32_t* o[NerModel::kMaxStages];
    auto at = [&](int off) {
      for (int st = 0; st < m_.stages_; ++st) {
        o[st] = v + st * kVecs + (off + 2) * kNumLabels;
      }
    };
    auto collect = [&](uint64_t h) {
      uint32_t bucket = static_cast<uint32_t>(h) & m_.mask_;
      for (int st = 0; st < m_.stages_; ++st) {
        m_.weights_[st].PrefetchIndex(bucket);
        pend[np++] = {bucket, st, o[st]};
      }
    };
    auto lex = [&](uint64_t tag) {
      uint32_t g = static_cast<uint32_t>(t.gaz) & 0xFFFF0000u;
      while (g) {
        int bit = __builtin_ctz(g);
        g &= g - 1;
        collect(Combine(bit, tag));
      }
    };
    at(0);
    collect(Combine(1, 0));
    collect(Combine(t.word, 2));
    collect(Combine(t.lower, 12));
    collect(Combine(t.shape, 22));
    for (int k = 0; k < 4; ++k) {
      collect(Combine(t.prefix[k], 30 + k));
      collect(Combine(t.suffix[k], 40 + k));
    }
    lex(71);
    if (cl) {
      for (int level = 0; level < kClusterLevels; ++level) {
        collect(Combine(t.cluster[level], 110 + 3 * level + 1));
      }
    }
    at(-1);
    collect(Combine(t.lower, 11));
    collect(Combine(t.shape, 21));
    collect(Combine(t.suffix[2], 50));
    lex(70);
    if (cl) {
      for (int level = 0; level < kClusterLevels; ++level) {
        collect(Combine(t.cluster[level], 110 + 3 * level));
      }
    }
    at(1);
    collect(Combine(t.lower, 13));
    collect(Combine(t.shape, 23));
    collect(Combine(t.suffix[2], 51));
    lex(72);
    if (cl) {
      for (int level = 0; level < kClusterLevels; ++level) {
        collect(Combine(t.cluster[level], 110 + 3 * level + 2));
      }
    }
    at(-2);
    collect(Combine(t.lower, 10));
    collect(Combine(t.shape, 20));
    if (cl) collect(Combine(t.cluster[1], 120));
    at(2);
    collect(Combine(t.lower, 14));
    collect(Combine(t.shape, 24));
    if (cl) collect(Combine(t.cluster[1], 121));
    for (int prev1 = -1; prev1 <= 0; ++prev1) {
      at(prev1 + 4);  // vectors 5 and 6
      if (cl) collect(Combine(Combine(t.cluster[2], prev1 + 1), 122));
      collect(Combine(Combine(t.lower, prev1 + 1), 82));
      collect(Combine(Combine(t.shape, prev1 + 1), 83));
    }
    for (int k = 0; k < np; ++k) {
      const CompactWeights& w = m_.weights_[pend[k].st];
      pend[k].bucket = w.Find(pend[k].bucket);
      if (pend[k].bucket != CompactWeights::kNoRow) w.Prefetch(pend[k].bucket);
    }
    for (int k = 0; k < np; ++k) {
      if (pend[k].bucket == CompactWeights::kNoRow) continue;
      m_.weights_[pend[k].st].AddTo(pend[k].bucket, pend[k].dst);
    }
  }

  void LabelVectors(std::vector<int32_t>* lv) const {
    const int n = kLabelsWithStart;
    lv->assign(static_cast<size_t>(m_.stages_) * n * n * kNumLabels, 0);
    for (int st = 0; st < m_.stages_; ++st) {
      for (int prev2 = -1; prev2 < kNumLabels; ++prev2) {
        for (int prev1 = -1; prev1 < kNumLabels; ++prev1) {
          int32_t* v = &(
              *lv)[((static_cast<size_t>(st) * n + prev2 + 1) * n + prev1 + 1) *
                   kNumLabels];
          AddRow(st, Combine(prev1 + 1, 80), v);
          AddRow(st, Combine((prev2 + 1) * 32 + prev1 + 1, 81), v);
        }
      }
    }
  }

  // The per-offset vectors of a window position outside the sentence
  // (offset 0 unused).
  void BoundaryVectors(int32_t* v) const {
    std::fill(v, v + m_.stages_ * kVecs, 0);
    bool cl = m_.clusters_.size() > 0;
    int32_t* o[NerModel::kMaxStages];
    auto at = [&](int off) {
      for (int st = 0; st < m_.stages_; ++st) {
        o[st] = v + st * kVecs + (off + 2) * kNumLabels;
      }
    };
    at(-2);
    AddAll(Combine(kBos, 10), o);
    AddAll(Combine(kBos, 20), o);
    if (cl) AddAll(Combine(0xFFFE, 120), o);
    at(-1);
    AddAll(Combine(kBos, 11), o);
    AddAll(Combine(kBos, 21), o);
    if (cl) {
      for (int level = 0; level < kClusterLevels; ++level) {
        AddAll(Combine(0xFFFE, 110 + 3 * level), o);
      }
    }
    at(1);
    AddAll(Combine(kEos, 13), o);
    AddAll(Combine(kEos, 23), o);
    if (cl) {
      for (int level = 0; level < kClusterLevels; ++level) {
        AddAll(Combine(0xFFFF, 110 + 3 * level + 2), o);
      }
    }
    at(2);
    AddAll(Combine(kEos, 14), o);
    AddAll(Combine(kEos, 24), o);
    if (cl) AddAll(Combine(0xFFFF, 121), o);
  }

  // TokenInfo of every token: the lower-case hash and kHasDigit first (all
  // ContextInfo() and the gate need), then, for the tokens inside the window
  // of a scored token only, the other word-only fields and per-offset
  // vectors from the type cache.
  void Lookup(const Document& doc, TypeCache* cache, Scratch* sc) const {
    size_t n = doc.tokens.size();
    int stride = m_.stages_ * kVecs;
    // Evict first: entry indices must stay valid until the end.
    if (cache->used + n > cache->capacity && cache->used > 0) cache->Evict();
    sc->info.resize(n);
    // ref[] and vec[] are written and read for the needed tokens only.
    if (sc->ref.size() < n) sc->ref.resize(n);
    const uint32_t mask = static_cast<uint32_t>(cache->slots.size() - 1);
    // Pass 1: the lower-case hash and kHasDigit of every token (cheaper
    // than a cache probe).
    for (size_t i = 0; i < n; ++i) {
      std::string_view w = NerModel::TokenWord(doc, i);
      TokenInfo& ti = sc->info[i];
      ti.gaz = 0;
      ti.lower = HashWord(w, true);
      ti.flags = 0;
      for (char c : w) {
        if (c >= '0' && c <= '9') {
          ti.flags = kHasDigit;
          break;
        }
      }
    }
    m_.ContextInfo(doc, m_.gazetteer_, &sc->info);
    m_.ScoredMask(doc, sc->info, &sc->scored);
    // needed[i]: token i is in the -2..+2 window of a scored token.
    sc->needed.assign(n, 0);
    for (const Sentence& s : doc.sentences) {
      if (s.token_begin >= s.token_end || s.token_end > n) continue;
      int64_t b = s.token_begin, e = s.token_end, done = b;
      for (int64_t c = b; c < e; ++c) {
        if (!sc->scored[c]) continue;
        int64_t hi = std::min<int64_t>(e, c + 3);
        for (int64_t j = std::max(done, c - 2); j < hi; ++j) sc->needed[j] = 1;
        done = std::max(done, hi);
      }
    }
    // Pass 2: the word-only fields and vectors of the needed tokens from the
    // cache, new entries made for those not memoised yet.
    if (sc->vec.size() < n + 1) sc->vec.resize(n + 1);
    sc->overflow.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!sc->needed[i]) continue;
      TokenInfo& ti = sc->info[i];
      std::string_view w = NerModel::TokenWord(doc, i);
      if (w.size() <= kMaxKeyBytes) {
        uint64_t h = KeyHash(w);
        uint32_t s = static_cast<uint32_t>(h) & mask;
        bool found = false;
        while (uint32_t e = cache->slots[s]) {
          const TypeEntry& te = cache->entries[e - 1];
          if (te.hash == h && te.len == w.size() &&
              std::memcmp(te.bytes, w.data(), w.size()) == 0) {
            MergeEntry(te, &ti);
            sc->ref[i] = e - 1;
            if (cache->hits[e - 1] < (1u << 30)) ++cache->hits[e - 1];
            found = true;
            break;
          }
          s = (s + 1) & mask;
        }
        if (found) continue;
        if (cache->used < cache->capacity) {
          uint32_t e = cache->used++;
          cache->slots[s] = e + 1;
          cache->hits[e] = 0;
          TypeEntry& te = cache->entries[e];
          TokenInfo word;
          m_.WordInfo(w, &word);
          te.hash = h;
          te.shape = word.shape;
          for (int k = 0; k < kClusterLevels; ++k) {
            te.cluster[k] = word.cluster[k];
          }
          te.flags = word.flags;
          te.gaz = word.gaz;
          te.len = static_cast<uint8_t>(w.size());
          std::memcpy(te.bytes, w.data(), w.size());
          sc->fresh.resize(stride);
          TypeVectors(word, sc->fresh.data());
          cache->Store(e, sc->fresh.data());
          MergeWordInfo(word, &ti);
          sc->ref[i] = e;
          continue;
        }
      }
      TokenInfo word;
      m_.WordInfo(w, &word);
      MergeWordInfo(word, &ti);
      size_t k = sc->overflow.size() / stride;
      sc->overflow.resize(sc->overflow.size() + stride);
      TypeVectors(word, &sc->overflow[k * stride]);
      sc->ref[i] = kOverflow - static_cast<int64_t>(k);
    }
    // Boundary vectors go last in the overflow area.
    size_t kb = sc->overflow.size() / stride;
    sc->overflow.resize(sc->overflow.size() + stride);
    BoundaryVectors(&sc->overflow[kb * stride]);
    for (size_t i = 0; i < n; ++i) {
      if (!sc->needed[i]) continue;
      int64_t r = sc->ref[i];
      if (r >= 0) {
        sc->vec[i] = cache->Ref(static_cast<uint32_t>(r));
      } else {
        sc->vec[i] = VecRef();  // vec[] is not cleared per document
        sc->vec[i].wide =
            &sc->overflow[static_cast<size_t>(kOverflow - r) * stride];
      }
    }
    sc->vec[n] = VecRef();
    sc->vec[n].wide = &sc->overflow[kb * stride];
  }

  // Adds the word-only fields of a memoised type to `ti` (as
  // MergeWordInfo(), without the word, prefix and suffix hashes).
  static void MergeEntry(const TypeEntry& te, TokenInfo* ti) {
    ti->shape = te.shape;
    for (int k = 0; k < kClusterLevels; ++k) ti->cluster[k] = te.cluster[k];
    ti->gaz |= te.gaz;
    ti->flags |= te.flags;
  }

  // Adds the word-only fields of `w` (WordInfo) to `ti`, which has the
  // lower-case hash and the context fields already.
  static void MergeWordInfo(const TokenInfo& w, TokenInfo* ti) {
    ti->word = w.word;
    ti->shape = w.shape;
    for (int k = 0; k < 4; ++k) {
      ti->prefix[k] = w.prefix[k];
      ti->suffix[k] = w.suffix[k];
    }
    for (int k = 0; k < kClusterLevels; ++k) ti->cluster[k] = w.cluster[k];
    ti->gaz |= w.gaz;
    ti->flags |= w.flags;
  }

  // The vector (every stage) of the features of token t that depend on its
  // shape, flags and gazetteer bits only (74, 75, 84, 85, 87), memoised.
  const int32_t* ContextVector(const TokenInfo& t, ContextCache* cc) const {
    uint32_t k2 = (t.gaz & 0xFFFF) << 16 | t.flags;
    const bool ext_token = m_.doc_features_ & NerModel::kExtToken;
    uint32_t k3 =
        ext_token ? static_cast<uint32_t>(t.gaz >> kExtGazShift & 0xFFFF) : 0;
    uint64_t h = Mix(t.shape ^ (uint64_t{k2} * 0x9E3779B97F4A7C15ULL) ^
                     (uint64_t{k3} << 40));
    uint32_t slot = static_cast<uint32_t>(h) & (kContextCacheSize - 1);
    int32_t* v = &cc->vecs[static_cast<size_t>(slot) * cc->stages * kNumLabels];
    ContextCache::Key& key = cc->keys[slot];
    if (key.valid && key.shape == t.shape && key.rest == k2 && key.ext == k3) {
      return v;
    }
    key.valid = true;
    key.shape = t.shape;
    key.rest = k2;
    key.ext = k3;
    std::fill(v, v + cc->stages * kNumLabels, 0);
    int32_t* o[NerModel::kMaxStages];
    for (int st = 0; st < m_.stages_; ++st) o[st] = v + st * kNumLabels;
    AddAll(Combine(t.gaz & 0xFFFF, 74), o);
    if (ext_token) AddAll(Combine(k3, 75), o);
    AddAll(Combine(t.flags, 84), o);
    AddAll(Combine(Combine(t.shape, t.flags), 85), o);
    AddAll(Combine(Combine(t.flags & (kSeenLower | kSeenCapMid | kSentStart),
                           t.shape),
                   87),
           o);
    return v;
  }

  // Label-independent score of every token for every stage.
  void StaticScores(const Document& doc, Scratch* sc, ContextCache* cc) const {
    size_t n = doc.tokens.size();
    const std::vector<TokenInfo>& info = sc->info;
    const int stages = m_.stages_;
    // Only the rows of scored tokens are read (here and by Pass()): each is
    // zeroed when its token is reached, not the whole buffer per document.
    for (int st = 0; st < stages; ++st) {
      if (sc->stat[st].size() < n * kNumLabels) {
        sc->stat[st].resize(n * kNumLabels);
      }
    }
    if (sc->nstatic.size() < n) sc->nstatic.resize(n);
    const VecRef bnd = sc->vec[n];
    bool cl = m_.clusters_.size() > 0;
    uint32_t feats[kMaxFeatures];
    for (const Sentence& s : doc.sentences) {
      uint32_t b = s.token_begin, e = s.token_end;
      if (b >= e) continue;
      uint32_t len = e - b;
      // Phase 1: the weight rows of the direct features, prefetched.
      sc->rows.resize(static_cast<size_t>(len) * stages * kRowsPerToken);
      sc->nrows.assign(len, 0);
      for (uint32_t i = b; i < e; ++i) {
        if (!sc->scored[i]) continue;
        sc->nstatic[i] = 0;
        for (int st = 0; st < stages; ++st) {
          std::memset(&sc->stat[st][size_t{i} * kNumLabels], 0,
                      kNumLabels * sizeof(int32_t));
        }
        auto at = [&](int k) -> const TokenInfo* {
          int64_t j = static_cast<int64_t>(i) + k;
          if (j < static_cast<int64_t>(b) || j >= static_cast<int64_t>(e)) {
            return nullptr;
          }
          return &info[j];
        };
        // The type vectors are read in phase 2: fetch them now.
        const VecRef& own = sc->vec[i];
        const char* vb = own.narrow != nullptr
                             ? reinterpret_cast<const char*>(own.narrow)
                             : reinterpret_cast<const char*>(own.wide);
        const int vbytes = stages * kVecs * (own.narrow != nullptr ? 2 : 4);
        for (int off = 0; off < vbytes; off += 64) __builtin_prefetch(vb + off);
        int gaz_bits = 0;
        for (int k = -1; k <= 1; ++k) {
          if (const TokenInfo* p = at(k)) gaz_bits += PopCount64(p->gaz);
        }
        if (gaz_bits > kMaxFastGazBits) {
          // The reference path (its feature cap may truncate). It also
          // reads the word, prefix and suffix hashes of the token and its
          // neighbours, which memoised types do not keep: recomputed.
          for (int k = -1; k <= 1; ++k) {
            if (at(k) == nullptr) continue;
            TokenInfo word;
            m_.WordInfo(NerModel::TokenWord(doc, i + k), &word);
            TokenInfo& dst = sc->info[i + k];
            dst.word = word.word;
            for (int a = 0; a < 4; ++a) {
              dst.prefix[a] = word.prefix[a];
              dst.suffix[a] = word.suffix[a];
            }
          }
          int ns = m_.StaticFeatures(info, b, e, i, feats);
          sc->nstatic[i] = static_cast<uint8_t>(ns);
          for (int k = 0; k < ns; ++k) {
            for (int st = 0; st < stages; ++st) {
              AddRow(st, feats[k], &sc->stat[st][size_t{i} * kNumLabels]);
            }
          }
          continue;
        }
        uint32_t* rows =
            &sc->rows[static_cast<size_t>(i - b) * stages * kRowsPerToken];
        int nr = 0;
        auto lw = [&](int k) {
          const TokenInfo* t = at(k);
          return t ? t->lower : (k < 0 ? kBos : kEos);
        };
        auto sh = [&](int k) {
          const TokenInfo* t = at(k);
          return t ? t->shape : (k < 0 ? kBos : kEos);
        };
        const TokenInfo& t = info[i];
        // rows[k] is of stage k % stages: the bucket here (its index word
        // prefetched), its row (kNoRow: none) after phase 1b.
        auto add_tagged = [&](uint64_t h) {
          uint32_t bucket = static_cast<uint32_t>(h) & m_.mask_;
          for (int st = 0; st < stages; ++st) {
            m_.weights_[st].PrefetchIndex(bucket);
            rows[nr++] = bucket;
          }
        };
        add_tagged(Combine(Combine(sh(-1), t.shape), 60));
        add_tagged(Combine(Combine(t.shape, sh(1)), 61));
        add_tagged(Combine(Combine(lw(-1), t.lower), 62));
        add_tagged(Combine(Combine(t.lower, lw(1)), 63));
        add_tagged(Combine(Combine(lw(-1), t.shape), 64));
        add_tagged(Combine(Combine(t.shape, lw(1)), 65));
        if (cl) {
          auto c1 = [&](int k) -> uint64_t {
            const TokenInfo* p = at(k);
            return p ? p->cluster[1] : (k < 0 ? 0xFFFE : 0xFFFF);
          };
          add_tagged(Combine(Combine(c1(-1), t.cluster[1]), 123));
          add_tagged(Combine(Combine(t.cluster[1], c1(1)), 124));
        }
        if (t.flags & kCapsSentence) add_tagged(Combine(t.lower, 86));
        // Gazetteer match bits (both gazetteers), added directly (rare).
        for (int k = -1; k <= 1; ++k) {
          const TokenInfo* p = at(k);
          if (!p) continue;
          uint64_t g = p->gaz & kGazMatchBits;
          while (g) {
            int bit = __builtin_ctzll(g);
            g &= g - 1;
            for (int st = 0; st < stages; ++st) {
              AddRow(st, Combine(bit, 70 + k + 1),
                     &sc->stat[st][size_t{i} * kNumLabels]);
            }
          }
        }
        sc->nrows[i - b] = static_cast<uint8_t>(nr);
        const int32_t* ctx = ContextVector(t, cc);
        for (int st = 0; st < stages; ++st) {
          int32_t* dst = &sc->stat[st][size_t{i} * kNumLabels];
          const int32_t* src = ctx + st * kNumLabels;
          for (int l = 0; l < kNumLabels; ++l) dst[l] += src[l];
        }
      }
      // Phase 1b: the buckets' rows, prefetched (the index words of the
      // whole sentence were requested in phase 1, so their misses overlap).
      for (uint32_t i = b; i < e; ++i) {
        if (!sc->scored[i] || sc->nstatic[i]) continue;
        uint32_t* rows =
            &sc->rows[static_cast<size_t>(i - b) * stages * kRowsPerToken];
        int nr = sc->nrows[i - b];
        for (int k = 0; k < nr; ++k) {
          const CompactWeights& w = m_.weights_[stages == 2 ? (k & 1) : 0];
          uint32_t row = w.Find(rows[k]);
          if (row != CompactWeights::kNoRow) w.Prefetch(row);
          rows[k] = row;
        }
      }
      // Phase 2: sums.
      for (uint32_t i = b; i < e; ++i) {
        if (!sc->scored[i] || sc->nstatic[i]) continue;
        int32_t* o[NerModel::kMaxStages];
        for (int st = 0; st < stages; ++st) {
          o[st] = &sc->stat[st][static_cast<size_t>(i) * kNumLabels];
        }
        // Memoised single-word features at each offset.
        for (int k = -2; k <= 2; ++k) {
          int64_t j = static_cast<int64_t>(i) + k;
          bool inside =
              j >= static_cast<int64_t>(b) && j < static_cast<int64_t>(e);
          const VecRef& v = inside ? sc->vec[j] : bnd;
          for (int st = 0; st < stages; ++st) AddVector(v, st, k + 2, o[st]);
        }
        const uint32_t* rows =
            &sc->rows[static_cast<size_t>(i - b) * stages * kRowsPerToken];
        int nr = sc->nrows[i - b];
        for (int k = 0; k < nr; ++k) {
          if (rows[k] == CompactWeights::kNoRow) continue;
          int st = stages == 2 ? (k & 1) : 0;
          m_.weights_[st].AddTo(rows[k], o[st]);
        }
      }
    }
  }

  void Pass(const Document& doc, const Scratch& sc, TypeCache* cache, int stage,
            const NerModel::Stage2* s2, std::vector<int>* labels) const {
    const std::vector<int32_t>& label_vecs = cache->label_vecs;
    labels->assign(doc.tokens.size(), 0);
    const std::vector<TokenInfo>& info = sc.info;
    const bool cl = m_.clusters_.size() > 0;
    const int32_t* lv =
        &label_vecs[static_cast<size_t>(stage) * kLabelsWithStart *
                    kLabelsWithStart * kNumLabels];
    thread_local History hist;
    hist.Clear();
    uint32_t feats[kMaxFeatures];
    int32_t scores[kNumLabels];
    for (const Sentence& s : doc.sentences) {
      const uint32_t b = s.token_begin, e = s.token_end;
      int prev1 = -1, prev2 = -1;
      for (uint32_t i = b; i < e; ++i) {
        if (!sc.scored[i]) {  // gated: O without scoring
          (*labels)[i] = 0;
          if (info[i].flags & kCap) hist.Add(info[i].lower, -1);
          prev2 = prev1;
          prev1 = 0;
          continue;
        }
        std::memcpy(scores,
                    &sc.stat[stage][static_cast<size_t>(i) * kNumLabels],
                    sizeof(scores));
        int nd = 0;
        if (sc.nstatic[i]) {
          // Reference path: the feature cap may truncate.
          nd = m_.DynamicFeatures(info, b, e, i, prev1, prev2, hist, s2, feats,
                                  kMaxFeatures - sc.nstatic[i]);
        } else {
          // Same features as DynamicFeatures(), the label-only and the
          // word-and-label ones (after the start or O) memoised.
          auto add = [&](uint64_t h) {
            feats[nd++] = static_cast<uint32_t>(h) & m_.mask_;
          };
          const TokenInfo& t = info[i];
          const int32_t* l =
              lv + ((prev2 + 1) * kLabelsWithStart + prev1 + 1) * kNumLabels;
          for (int k = 0; k < kNumLabels; ++k) scores[k] += l[k];
          if (prev1 <= 0) {
            AddVector(sc.vec[i], stage, kOffsets + prev1 + 1, scores);
          } else {
            if (cl) add(Combine(Combine(t.cluster[2], prev1 + 1), 122));
            add(Combine(Combine(t.lower, prev1 + 1), 82));
            add(Combine(Combine(t.shape, prev1 + 1), 83));
          }
          int count;
          int maj = hist.Majority(t.lower, &count);
          if (maj >= 0) {
            add(Combine(maj * 4 + std::min(count, 3), 90));
            add(Combine(Combine(maj, t.shape), 91));
          }
          if (i + 1 < e) {
            int m = hist.Majority(info[i + 1].lower, &count);
            if (m >= 0) add(Combine(m, 92));
          }
          if (i > b) {
            int m = hist.Majority(info[i - 1].lower, &count);
            if (m >= 0) add(Combine(Combine(m, prev1 + 1), 93));
          }
          if (m_.doc_features_ != 0) {
            nd += m_.DocFeatures(hist, t.lower, prev1, 94, feats + nd, kDocMax);
          }
          if (s2 != nullptr) {
            if (m_.doc_features_ != 0) {
              nd += m_.DocFeatures(*s2->agg, t.lower, prev1, 96, feats + nd,
                                   kDocMax);
            }
            const std::vector<int>& l1 = *s2->labels1;
            int here = l1[i];
            int before = i > b ? l1[i - 1] : -2;
            int after = i + 1 < e ? l1[i + 1] : -2;
            int tri =
                ((before + 2) * kLabelsWithEdge + here + 2) * kLabelsWithEdge +
                after + 2;
            int32_t* tv =
                &cache->triple_vecs[static_cast<size_t>(tri) * kNumLabels];
            if (!cache->triple_done[tri]) {
              cache->triple_done[tri] = 1;
              AddRow(stage, Combine(here + 2, 100), tv);
              AddRow(stage, Combine(before + 2, 101), tv);
              AddRow(stage, Combine(after + 2, 102), tv);
              AddRow(stage, Combine((before + 2) * 64 + here + 2, 104), tv);
            }
            for (int k = 0; k < kNumLabels; ++k) scores[k] += tv[k];
            add(Combine(Combine(here + 2, t.shape), 103));
            int m = s2->agg->Majority(t.lower, &count);
            if (m >= 0) {
              add(Combine(m * 4 + std::min(count, 3), 105));
              add(Combine(Combine(m, here + 2), 106));
            }
            if (i + 1 < e) {
              int m2 = s2->agg->Majority(info[i + 1].lower, &count);
              if (m2 >= 0) add(Combine(m2, 107));
            }
            if (i > b) {
              int m2 = s2->agg->Majority(info[i - 1].lower, &count);
              if (m2 >= 0) add(Combine(m2, 108));
            }
          }
        }
        for (int k = 0; k < nd; ++k) AddRow(stage, feats[k], scores);
        int best = -1;
        int32_t best_score = 0;
        const uint32_t allowed = kAllowed.mask[i + 1 == e][prev1 + 1];
        for (int l = 0; l < kNumLabels; ++l) {
          if (!(allowed >> l & 1)) continue;
          if (best < 0 || scores[l] > best_score) {
            best = l;
            best_score = scores[l];
          }
        }
        (*labels)[i] = best;
        if (best != 0 || (info[i].flags & kCap)) {
          hist.Add(info[i].lower, TypeOf(best), PosOf(best));
        }
        prev2 = prev1;
        prev1 = best;
      }
    }
  }

  const NerModel& m_;
};

void NerModel::Decode(const Document& doc, std::vector<int>* labels) const {
  FastDecoder(*this).Decode(doc, labels);
}

void NerModel::CachedTypeCounts(size_t* narrow, size_t* wide) {
  const TypeCache& c = tls_cache;
  *wide = 0;
  for (uint32_t e = 0; e < c.used; ++e) *wide += c.wide_of[e] != 0;
  *narrow = c.used - *wide;
}

void NerModel::DecodeReference(const Document& doc,
                               std::vector<int>* labels) const {
  std::vector<TokenInfo> info;
  ComputeTokenInfo(doc, &info);
  if (stages_ < 2) {
    Pass(doc, info, 0, nullptr, labels);
    return;
  }
  std::vector<int> labels1;
  Pass(doc, info, 0, nullptr, &labels1);
  History agg(14);
  Aggregate(info, labels1, &agg);
  Stage2 s2{&labels1, &agg};
  Pass(doc, info, 1, &s2, labels);
}

}  // namespace whosaid::ner
