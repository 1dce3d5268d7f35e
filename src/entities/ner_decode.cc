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
// The decoder class is in ner_fast_decoder.h, its memo in
// ner_decode_cache.h, the filling of the memo in ner_decode_lookup.cc; this
// file holds the scoring and the greedy passes.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "src/entities/ner_decode_cache.h"
#include "src/entities/ner_fast_decoder.h"
#include "src/entities/ner_model.h"

namespace whosaid::ner {
namespace {

using decode_internal::AddVector;
using decode_internal::ContextCache;
using decode_internal::kBos;
using decode_internal::kContextCacheSize;
using decode_internal::kDocMax;
using decode_internal::kEos;
using decode_internal::kLabelsWithEdge;
using decode_internal::kLabelsWithStart;
using decode_internal::kMaxFastGazBits;
using decode_internal::kOffsets;
using decode_internal::kRowsPerToken;
using decode_internal::kTriples;
using decode_internal::kVecs;
using decode_internal::Scratch;
using decode_internal::TypeCache;
using decode_internal::VecRef;

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

// This thread's type cache, scratch and context memo (Decode()).
thread_local TypeCache tls_cache;
thread_local Scratch tls_scratch;
thread_local ContextCache tls_context;

}  // namespace

void FastDecoder::Decode(const Document& doc, std::vector<int>* labels) const {
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

const int32_t* FastDecoder::ContextVector(const TokenInfo& t,
                                          ContextCache* cc) const {
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

void FastDecoder::StaticScores(const Document& doc, Scratch* sc,
                               ContextCache* cc) const {
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

void FastDecoder::Pass(const Document& doc, const Scratch& sc, TypeCache* cache,
                       int stage, const NerModel::Stage2* s2,
                       std::vector<int>* labels) const {
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
      std::memcpy(scores, &sc.stat[stage][static_cast<size_t>(i) * kNumLabels],
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
