// FastDecoder: the tagger behind NerModel::Decode(). It gives exactly the
// labels of NerModel::DecodeReference() but computes the label-independent
// part of each token's score from memoised per-word-type vectors (see
// ner_decode.cc for the scheme and ner_decode_cache.h for the memo).
//
// A FastDecoder borrows its model (a friend of NerModel, reading its weights
// and tables) and owns nothing: it is a const view, made per call. Decode()
// uses the calling thread's caches, so any number of threads may decode with
// the same model at once. Internal to src/entities.
#ifndef WHOSAID_SRC_ENTITIES_NER_FAST_DECODER_H_
#define WHOSAID_SRC_ENTITIES_NER_FAST_DECODER_H_

#include <cstdint>
#include <vector>

#include "src/entities/ner_decode_cache.h"
#include "src/entities/ner_model.h"
#include "whosaid/document.h"

namespace whosaid::ner {

class FastDecoder {
 public:
  explicit FastDecoder(const NerModel& m) : m_(m) {}

  // The labels of every token of `doc` (ner_decode.cc).
  void Decode(const Document& doc, std::vector<int>* labels) const;

 private:
  using ContextCache = decode_internal::ContextCache;
  using Scratch = decode_internal::Scratch;
  using TypeCache = decode_internal::TypeCache;

  void AddRow(int stage, uint64_t h, int32_t* v) const {
    const CompactWeights& w = m_.weights_[stage];
    uint32_t r = w.Find(static_cast<uint32_t>(h) & m_.mask_);
    if (r != CompactWeights::kNoRow) w.AddTo(r, v);
  }
  void AddAll(uint64_t h, int32_t* const* v) const {
    for (int st = 0; st < m_.stages_; ++st) AddRow(st, h, v[st]);
  }

  // Filling the caches (ner_decode_lookup.cc).
  // The per-offset vectors of one word type (v: stages * kVecs). The
  // feature buckets are collected first, so the index and row reads of all
  // of them are prefetched before any is summed (a new type's ~40 features
  // mostly miss the caches; integer sums, so the order does not matter).
  void TypeVectors(const TokenInfo& t, int32_t* v) const;
  // The label vectors (features 80 and 81) of every (prev2, prev1), per
  // stage (TypeCache::label_vecs).
  void LabelVectors(std::vector<int32_t>* lv) const;
  // The per-offset vectors of a window position outside the sentence
  // (offset 0 unused).
  void BoundaryVectors(int32_t* v) const;
  // TokenInfo of every token: the lower-case hash and kHasDigit first (all
  // ContextInfo() and the gate need), then, for the tokens inside the window
  // of a scored token only, the other word-only fields and per-offset
  // vectors from the type cache.
  void Lookup(const Document& doc, TypeCache* cache, Scratch* sc) const;

  // Scoring (ner_decode.cc).
  // The vector (every stage) of the features of token t that depend on its
  // shape, flags and gazetteer bits only (74, 75, 84, 85, 87), memoised.
  const int32_t* ContextVector(const TokenInfo& t, ContextCache* cc) const;
  // Label-independent score of every token for every stage.
  void StaticScores(const Document& doc, Scratch* sc, ContextCache* cc) const;
  // One greedy left-to-right pass of stage `stage` over `doc` (s2: the
  // first stage's labels and history, for the second stage).
  void Pass(const Document& doc, const Scratch& sc, TypeCache* cache, int stage,
            const NerModel::Stage2* s2, std::vector<int>* labels) const;

  const NerModel& m_;
};

}  // namespace whosaid::ner

#endif  // WHOSAID_SRC_ENTITIES_NER_FAST_DECODER_H_
