// FastDecoder: filling the type cache (see ner_fast_decoder.h): the
// per-offset label vectors of word types, of the sentence boundary and of
// the previous labels, and the per-document lookup of every token's type.
#include <algorithm>
#include <cstring>
#include <string_view>

#include "src/entities/ner_fast_decoder.h"

namespace whosaid::ner {
namespace {

using decode_internal::kBos;
using decode_internal::kEos;
using decode_internal::KeyHash;
using decode_internal::kLabelsWithStart;
using decode_internal::kMaxKeyBytes;
using decode_internal::kMaxTypeFeatures;
using decode_internal::kOverflow;
using decode_internal::kVecs;
using decode_internal::TypeEntry;
using decode_internal::VecRef;

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

}  // namespace

void FastDecoder::TypeVectors(const TokenInfo& t, int32_t* v) const {
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

void FastDecoder::LabelVectors(std::vector<int32_t>* lv) const {
  const int n = kLabelsWithStart;
  lv->assign(static_cast<size_t>(m_.stages_) * n * n * kNumLabels, 0);
  for (int st = 0; st < m_.stages_; ++st) {
    for (int prev2 = -1; prev2 < kNumLabels; ++prev2) {
      for (int prev1 = -1; prev1 < kNumLabels; ++prev1) {
        int32_t* v =
            &(*lv)[((static_cast<size_t>(st) * n + prev2 + 1) * n + prev1 + 1) *
                   kNumLabels];
        AddRow(st, Combine(prev1 + 1, 80), v);
        AddRow(st, Combine((prev2 + 1) * 32 + prev1 + 1, 81), v);
      }
    }
  }
}

void FastDecoder::BoundaryVectors(int32_t* v) const {
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

void FastDecoder::Lookup(const Document& doc, TypeCache* cache,
                         Scratch* sc) const {
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

}  // namespace whosaid::ner
