// NerModel: the hashed-feature averaged-perceptron NER tagger (BILOU, 17
// labels, greedy left to right with the two previous labels and a
// document-level "extended prediction history"), its gazetteer, and its
// binary file format. Shared by the engine (EntityTagger) and the trainer
// (tools/train_ner.cc).
//
// A NerModel owns its weights and gazetteer. After loading (or training) it is
// read-only: Decode() is const and may run from many threads at once; the
// trainer is single-threaded and mutates it through TrainWeights.
#ifndef WHOSAID_SRC_ENTITIES_NER_MODEL_H_
#define WHOSAID_SRC_ENTITIES_NER_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/huge_pages.h"
#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid::ner {

constexpr int kNumTypes = 4;  // PER ORG LOC MISC (EntityLabel order)
constexpr int kNumLabels = 1 + 4 * kNumTypes;
constexpr int kMaxFeatures = 96;
constexpr int kMaxGazLength = 6;  // tokens in the longest gazetteer entry

// Label ids: 0 = O, 1 + 4 * type + pos with pos 0=B 1=I 2=L 3=U.
inline int LabelOf(int type, int pos) { return 1 + 4 * type + pos; }
inline int TypeOf(int label) { return label == 0 ? -1 : (label - 1) / 4; }
inline int PosOf(int label) { return label == 0 ? -1 : (label - 1) % 4; }
// True if `label` may follow `prev` in a BILOU sequence (-1 = start).
bool ValidTransition(int prev, int label);

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return Mix(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}
// Hash of the ASCII-lowercased bytes (or exact bytes when !lower).
uint64_t HashWord(std::string_view s, bool lower);

// Allocator of 64-byte aligned storage (cache-line aligned rows); large
// blocks also get 2 MiB pages (see src/base/huge_pages.h).
template <typename T>
using CacheLineAllocator = HugePageAllocator<T>;
// A vector of such storage (the hashed tables read at random).
template <typename T>
using TableVector = std::vector<T, HugePageAllocator<T>>;

// Gazetteer: hashed lower-cased token sequences -> type bits (1 << type),
// plus kPrefix on the proper prefixes of the sequences. Open addressing,
// power-of-two capacity; keys are hashes (their bits index the table).
class Gazetteer {
 public:
  // Value bit of a proper prefix of a stored sequence (so a lookup can stop
  // at the first absent prefix).
  static constexpr uint8_t kPrefix = 0x80;
  void Insert(uint64_t key, uint8_t type_bits);
  // Inserts the sequence (lower-cased word hashes) and marks its prefixes.
  void InsertSequence(const uint64_t* lower_hashes, int n, uint8_t type_bits);
  // Type bits (1 << type) stored for `key`, 0 when absent.
  uint8_t Find(uint64_t key) const;
  size_t size() const { return count_; }
  const TableVector<uint64_t>& keys() const { return keys_; }
  const TableVector<uint8_t>& values() const { return values_; }
  void Clear();
  // Empties the table, keeping its capacity unless large.
  void Reset();

 private:
  void Grow();
  TableVector<uint64_t> keys_;  // 0 = empty
  TableVector<uint8_t> values_;
  size_t count_ = 0;
};

// Word clusters learned from unlabeled text: exact-word hash -> cluster id
// at each of kClusterLevels granularities (ids start at 1; 0 = unknown).
constexpr int kClusterLevels = 3;
class WordClusters {
 public:
  void Insert(uint64_t key, const uint16_t* ids);
  // The kClusterLevels ids for `key`, or null when the word is unknown.
  const uint16_t* Find(uint64_t key) const;
  size_t size() const { return count_; }
  const TableVector<uint64_t>& keys() const { return keys_; }
  const TableVector<uint16_t>& ids() const { return ids_; }

 private:
  void Grow();
  TableVector<uint64_t> keys_;  // 0 = empty
  TableVector<uint16_t> ids_;   // kClusterLevels per slot
  size_t count_ = 0;
};

// Seed of the running hash over a token sequence (SequenceKey, and the
// prefixes the gazetteers store to stop a longest-match scan early).
inline constexpr uint64_t kSequenceSeed = 0x2545F4914F6CDD1DULL;

// Hash of a token sequence as the gazetteer stores it.
uint64_t SequenceKey(const uint64_t* lower_hashes, int n);

// Per-token values computed once per document.
struct TokenInfo {
  uint64_t word = 0, lower = 0, shape = 0;
  uint64_t prefix[4] = {0, 0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint16_t cluster[kClusterLevels] = {0, 0, 0};
  // Bits 0..15: matches of the model's (train) gazetteer, 4 * type + BILOU
  // position; 16..21: lexicon bits; 22..25: the types of the external
  // entries the word is a capitalised word of (kExtWordShift); 32..47:
  // matches of the external gazetteer (kExtGazShift), same layout as 0..15.
  uint64_t gaz = 0;
  uint16_t flags = 0;
};

// Shift of the external gazetteer's match bits in TokenInfo::gaz, and the
// bits that depend on the context (gazetteer matches, not the lexicon).
constexpr int kExtGazShift = 32;
constexpr int kExtWordShift = 22;
constexpr uint64_t kGazMatchBits = 0xFFFFull | (0xFFFFull << kExtGazShift);

// Lexicon bits in TokenInfo::gaz.
enum : uint32_t {
  kLexRole = 1u << 16,
  kLexCountry = 1u << 17,
  kLexHonorific = 1u << 18,
  kLexOrgWord = 1u << 19,
  kLexMale = 1u << 20,
  kLexFemale = 1u << 21,
};

// Flag bits in TokenInfo::flags.
enum : uint16_t {
  kCap = 1,
  kAllCaps = 2,
  kSentStart = 4,
  kHasDigit = 8,
  kCapsSentence = 16,  // the whole sentence is upper case (a headline)
  kSeenLower = 32,     // the word also occurs lower-case in the document
  kSeenCapMid = 64,    // ... and capitalised not at a sentence start
  kColon = 128,        // the token is ":" (never inside an entity)
};

// Document-level memory of labels given to each lower-cased word so far.
class History {
 public:
  struct Slot {
    uint64_t key = 0;
    uint16_t counts[5] = {0, 0, 0, 0, 0};  // per type 0..3, then O
    // Per type: BILOU positions (bit pos) the word had in entities of the
    // type ("Clinton" was the L of "Bill Clinton").
    uint8_t pos[kNumTypes] = {0, 0, 0, 0};
  };
  explicit History(size_t capacity_log2 = 12);
  void Clear();
  // type -1 = O; pos = PosOf(label) (0..3) or -1.
  void Add(uint64_t lower, int type, int pos = -1);
  // Majority type (0..3) or 4 for O; -1 when unseen. *count = occurrences.
  int Majority(uint64_t lower, int* count) const;
  // The word's counts, or null when unseen.
  const Slot* Get(uint64_t lower) const { return FindSlot(lower); }

 private:
  std::vector<Slot> slots_;
  std::vector<uint32_t> touched_;  // slots in use, for a cheap Clear()
  size_t used_ = 0;
  Slot* FindSlot(uint64_t key, bool insert);
  const Slot* FindSlot(uint64_t key) const;
};

// Population count without the libgcc call __builtin_popcountll becomes
// when the target lacks POPCNT.
inline int PopCount64(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}
inline int PopCount32(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return static_cast<int>((x * 0x01010101u) >> 24);
}

// Runtime weights: only the non-zero rows of the hashed table. A row's
// kNumLabels weights are split so that reading a row touches one cache line
// of the big table: labels 0..15 in a 32-byte block of `head` (64-byte
// aligned storage), label 16 in `tail` (2 bytes a row, small enough to stay
// in cache). Rows are found through a bitmap with per-word ranks, bits and
// rank of 32 buckets side by side (one 8-byte read a lookup). Built by
// Append() in bucket order, then Seal(); read-only afterwards.
struct CompactWeights {
  static constexpr uint32_t kNoRow = ~0u;
  static constexpr int kHead = 16;
  struct Index {
    uint32_t bits = 0;  // bit b set: bucket 32 * word + b has a row
    uint32_t rank = 0;  // rows before this word
  };
  TableVector<Index> index;
  TableVector<int16_t> head;  // kHead a row
  std::vector<int16_t> tail;  // 1 a row (small: stays in cache)

  size_t num_rows() const { return tail.size(); }
  // Empties the table for `buckets` buckets.
  void Reset(size_t buckets) {
    index.assign((buckets + 31) / 32, Index());
    head.clear();
    tail.clear();
  }
  // Adds the kNumLabels weights of `bucket` (greater than every bucket
  // appended before).
  void Append(uint32_t bucket, const int16_t* row) {
    index[bucket >> 5].bits |= uint32_t{1} << (bucket & 31);
    head.insert(head.end(), row, row + kHead);
    tail.push_back(row[kHead]);
  }
  // Computes the ranks after the last Append().
  void Seal() {
    uint32_t count = 0;
    for (Index& x : index) {
      x.rank = count;
      count += static_cast<uint32_t>(PopCount32(x.bits));
    }
  }
  bool Has(uint32_t bucket) const {
    return index[bucket >> 5].bits >> (bucket & 31) & 1;
  }
  // Row id of `bucket`, or kNoRow when all its weights are zero.
  uint32_t Find(uint32_t bucket) const {
    const Index x = index[bucket >> 5];
    uint32_t bit = uint32_t{1} << (bucket & 31);
    if (!(x.bits & bit)) return kNoRow;
    return x.rank + static_cast<uint32_t>(PopCount32(x.bits & (bit - 1)));
  }
  // Prefetches the index word of `bucket` (Find() reads it).
  void PrefetchIndex(uint32_t bucket) const {
    __builtin_prefetch(&index[bucket >> 5]);
  }
  void Prefetch(uint32_t r) const {
    __builtin_prefetch(&head[size_t{r} * kHead]);
  }
  // The weight of label l in row r.
  int16_t At(uint32_t r, int l) const {
    return l < kHead ? head[size_t{r} * kHead + l] : tail[r];
  }
  // dst[l] += weight of label l in row r, for every label.
  void AddTo(uint32_t r, int32_t* dst) const {
    const int16_t* h = &head[size_t{r} * kHead];
    for (int l = 0; l < kHead; ++l) dst[l] += h[l];
    dst[kHead] += tail[r];
  }
};
static_assert(kNumLabels == CompactWeights::kHead + 1,
              "CompactWeights splits rows into 16 + 1 labels");

class NerModel {
 public:
  // Version 6: the candidate gate; gazetteer prefixes. 7: doc_features().
  // 8: the external gazetteer.
  static constexpr uint32_t kVersion = 8;
  static constexpr int kMaxStages = 2;

  explicit NerModel(int bucket_bits = 20);

  int bucket_bits() const { return bucket_bits_; }
  Gazetteer& gazetteer() { return gazetteer_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  // Entity names from resources other than the training set (WikiANN
  // train, ...): their matches are features of their own (TokenInfo::gaz
  // bits kExtGazShift..), never jack-knifed. Empty in models before version 8.
  Gazetteer& external_gazetteer() { return external_gazetteer_; }
  const Gazetteer& external_gazetteer() const { return external_gazetteer_; }
  // Capitalised words of the external entries (single-word keys as
  // SequenceKey(&lower, 1)) -> the entries' type bits: word-only features
  // (TokenInfo::gaz bits kExtWordShift..), "Clinton" is a word of a PER name.
  Gazetteer& external_words() { return external_words_; }
  const Gazetteer& external_words() const { return external_words_; }
  WordClusters& clusters() { return clusters_; }
  const WordClusters& clusters() const { return clusters_; }
  // 1: one greedy pass; 2: a second pass that also sees the first pass's
  // labels of the token, its neighbours and every occurrence of the word in
  // the document (two-stage prediction aggregation).
  int stages() const { return stages_; }
  void set_stages(int n) { stages_ = n; }

  // Document features beyond the majority label of the history (bits):
  // kDocFraction, the share of each label among the word's earlier labels;
  // kDocPositions, the BILOU positions the word had in earlier entities of
  // each type (with whether the previous label is O or the start). With
  // stages() == 2 both also read the first pass's labels of the whole
  // document. Stored in the model (version 7). More feature options
  // share the word (an older engine rejects a model using them):
  // kCaseClusters, an all-caps word the clusters lack takes the cluster of
  // its capitalised or lower-case form; kExtToken, the external gazetteer's
  // match bits of the token as one feature (as feature 74 for the train
  // gazetteer's); kLongestMatch, both gazetteers mark only the longest match
  // starting at a token (MarkGazetteerMatches()).
  enum : uint32_t {
    kDocFraction = 1,
    kDocPositions = 2,
    kCaseClusters = 4,
    kExtToken = 8,
    kLongestMatch = 16,
  };
  uint32_t doc_features() const { return doc_features_; }
  void set_doc_features(uint32_t f) { doc_features_ = f; }
  // The doc_features() features of the word `lower` given `h` (tags base,
  // base + 1), at most `max`; returns their count.
  int DocFeatures(const History& h, uint64_t lower, int prev1, uint64_t base,
                  uint32_t* out, int max) const;

  // Candidate gating. A candidate is a token that is capitalised, all caps
  // or has a digit; with `initial`, a capitalised sentence-initial word that
  // also occurs lower-case in the document is none. Only tokens within
  // `radius` tokens of a candidate (same sentence) are scored; the others are
  // labelled O without scoring, in training and decoding alike. radius -1:
  // every token is scored. A ":" token (kColon) is never scored: an entity
  // does not cross it ("TRUMP: We ..." is a speaker label, then speech).
  int gate_radius() const { return gate_radius_; }
  bool gate_initial() const { return gate_initial_; }
  void set_gate(int radius, bool initial) {
    gate_radius_ = radius;
    gate_initial_ = initial;
  }
  // (*scored)[i] = 1 when token i is scored. `info` needs the flags of
  // ContextInfo() and kHasDigit only.
  void ScoredMask(const Document& doc, const std::vector<TokenInfo>& info,
                  std::vector<uint8_t>* scored) const;

  // Computes TokenInfo for every token of `doc` (gazetteer lookups included).
  // `ext_override` replaces the external gazetteer (training: a part of it).
  void ComputeTokenInfo(const Document& doc, std::vector<TokenInfo>* info,
                        const Gazetteer* gaz_override = nullptr,
                        const Gazetteer* ext_override = nullptr) const;

  // What the second stage sees of the first.
  struct Stage2 {
    const std::vector<int>* labels1;  // first-pass label per token
    const History* agg;               // first-pass labels per word, whole doc
  };
  // First-pass labels aggregated per lower-cased word over the document.
  static void Aggregate(const std::vector<TokenInfo>& info,
                        const std::vector<int>& labels1, History* agg);

  // Feature bucket ids for token i of the sentence [b, e); `s2` is null in
  // the first stage.
  int Features(const std::vector<TokenInfo>& info, uint32_t b, uint32_t e,
               uint32_t i, int prev1, int prev2, const History& hist,
               const Stage2* s2, uint32_t* out) const;

  // The two parts of Features(): label-independent features of the token's
  // window, and features of the previous labels, the document history and
  // the first stage (at most `max`).
  int StaticFeatures(const std::vector<TokenInfo>& info, uint32_t b, uint32_t e,
                     uint32_t i, uint32_t* out) const;
  int DynamicFeatures(const std::vector<TokenInfo>& info, uint32_t b,
                      uint32_t e, uint32_t i, int prev1, int prev2,
                      const History& hist, const Stage2* s2, uint32_t* out,
                      int max) const;

  // One greedy pass with the weights of `stage` (0 or 1).
  void Pass(const Document& doc, const std::vector<TokenInfo>& info, int stage,
            const Stage2* s2, std::vector<int>* labels) const;

  // Tags `doc` (all stages) and returns one label per token. Same labels as
  // ComputeTokenInfo + Pass (+ Aggregate + Pass), computed faster: the
  // window features that depend on one word only are summed once per word
  // type and offset and memoised in a bounded per-thread cache
  // (ner_decode.cc).
  void Decode(const Document& doc, std::vector<int>* labels) const;
  // Word types memoised by Decode() on the calling thread (for tests):
  // vectors stored as int16, and as int32 because a sum does not fit int16.
  static void CachedTypeCounts(size_t* narrow, size_t* wide);
  // The reference implementation of Decode() (feature by feature).
  void DecodeReference(const Document& doc, std::vector<int>* labels) const;

  // The text token i reads as (quotation marks normalised).
  static std::string_view TokenWord(const Document& doc, size_t i);
  // The TokenInfo fields that depend on the word alone: hashes, shape,
  // affixes, clusters, lexicon bits (gaz >> 16) and kHasDigit.
  void WordInfo(std::string_view w, TokenInfo* ti) const;
  // The rest of ComputeTokenInfo: casing flags, document casing, sentence
  // flags and gazetteer matches.
  void ContextInfo(const Document& doc, const Gazetteer& gaz,
                   std::vector<TokenInfo>* info,
                   const Gazetteer* ext_override = nullptr) const;

  // Training access: float weights of a stage, kNumLabels per bucket.
  std::vector<float>& float_weights(int stage) { return float_weights_[stage]; }
  // Quantises the float weights of every stage into the runtime tables.
  void Finalize();

  Status Save(const std::string& path) const;
  static Result<NerModel> LoadFile(const std::string& path);

 private:
  int bucket_bits_;
  uint32_t mask_;
  int stages_ = 1;
  int gate_radius_ = -1;
  bool gate_initial_ = false;
  uint32_t doc_features_ = 0;
  Gazetteer gazetteer_;
  Gazetteer external_gazetteer_;
  Gazetteer external_words_;
  WordClusters clusters_;
  std::vector<float> float_weights_[kMaxStages];  // training only
  CompactWeights weights_[kMaxStages];            // runtime
  // Identifies these weights to the per-thread type cache of Decode().
  uint64_t cache_id_;
  static uint64_t NewCacheId();
  friend class FastDecoder;
};

// Turns a label sequence into entity spans on the tokens (lenient BILOU).
struct TokenSpan {
  uint32_t first, last;  // token indices, inclusive
  int type;
};
void LabelsToSpans(const Document& doc, const std::vector<int>& labels,
                   std::vector<TokenSpan>* spans);

}  // namespace whosaid::ner

#endif  // WHOSAID_SRC_ENTITIES_NER_MODEL_H_
