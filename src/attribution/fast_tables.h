// FastTables: the precomputed score tables behind AttributionModel's fast
// decoders (fast_cue.cc for the cue tagger, fast_spans.cc for the content and
// source rankers), built from the weights by Finalize() (fast_tables.cc).
// They score the same linear models as CueFeats / DecodeContent /
// DecodeSource (model.cc): every feature whose arguments are small integers
// (classes, buckets, flags) is read from a dense table holding its weight;
// word features hash one or two 64-bit values onto a prefix precomputed per
// template (per cue for the cue's own words) instead of re-hashing the whole
// template.
//
// The model owns its tables (a shared_ptr to a const FastTables, replaced by
// each Finalize()); they are read-only after Finalize(), so any thread may
// read them while no thread calls Finalize(). Internal to src/attribution.
#ifndef WHOSAID_SRC_ATTRIBUTION_FAST_TABLES_H_
#define WHOSAID_SRC_ATTRIBUTION_FAST_TABLES_H_

#include <cstdint>
#include <vector>

#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/base/huge_pages.h"

namespace whosaid {
namespace attribution {

inline constexpr int kC = internal::kEdge + 1;  // token classes incl. the edge
inline constexpr int kDb = 20;                  // DistBucket range
inline constexpr int kLb = 13;                  // LenBucket range

struct FastTables {
  // Content start / end (cue-relative parts), by side.
  float cs1[2][kDb], cs5[2][kC][kC][kDb], cs12[2][7][2];
  uint64_t cs6p[2], cs9p[2], cs10p[2];
  float ce1[2][kDb], ce12[2][7][2];
  uint64_t ce6p[2], ce9p[2], ce14p[2];
  // Content pair, by type (before / after / around the cue).
  float cp1[3][kLb], cp2[3][6], cp3[3][4], cp4[3][5][2][2], cp5[3][9],
      cp6[3][2][2], cp7[3][2][2], cp8[3][4][4], cp9[3][6][2][kC], cp10[3][3][5],
      cp12[3][kC][kC][kC], cp14[3][4][4], cp15[3][4][kC][kC];
  uint64_t cp11p[3], cp13p[3], cp16p[3][kC];
  float cp17[3][2], cp18[3][3][6][2], cp19[3][3][3][2];
  // Source start / end (cue-relative parts) and pair, by side.
  float ss1[2][kDb], ss7[2][3][kDb], ss10[2][kC][kDb];
  uint64_t ss5p[2], ss8p[2];
  float se1[2][kDb], se9[2][3][kDb];
  uint64_t se5p[2], se6p[2];
  float sp1[2][kLb], sp2[2][4][kC], sp3[2][kC][kC][kLb], sp6[2][4][kLb];
  uint64_t sp4p[2], sp5p[2];
  // The weights as int16 times a per-table scale: half the memory of the
  // floats, so that the hashed (random) reads mostly hit the L2 cache.
  // 2 MiB pages (see src/base/huge_pages.h): the reads are random.
  std::vector<int16_t, HugePageAllocator<int16_t>> cue_q, content_q, source_q;
  float cue_s = 0, content_s = 0, source_s = 0;
  // Cue tagger, per cue-vocabulary word (indexed by its cue_vocab slot
  // through cue_rec_of_slot): the sums of the quantized weights of the
  // features keyed by the word and small integers only, so that a
  // candidate reads one contiguous record instead of seven hashed slots.
  // Integer sums: the scores are bit-identical to summing the features.
  struct CueWordRec {
    int32_t prev[3][3];    // H(1, w) + H(2, w, prev), by prev
    int32_t inq[2][3];     // H(11, inq, w)
    int32_t flags[16][3];  // H(14, w, flags)
    int32_t first[2][3];   // H(16, w, i == sb)
    int32_t capl[2][3];    // H(18, w, capleft)
    int32_t squote[2][3];  // H(26, w, squote)
  };
  std::vector<CueWordRec, HugePageAllocator<CueWordRec>> cue_rec;
  std::vector<int32_t> cue_rec_of_slot;
  // Every word of the five word sets, with its memberships (kW* bits) and
  // cue record (-1: none) by slot.
  WordSet words;
  std::vector<uint8_t> word_bits;
  std::vector<int32_t> word_rec;
  // Cue tagger: class-only features, 3 label scores each.
  float c10[kC][kC][kC][3], c12[3][3], c13[16][3], c15[3][kC][3], c17[2][3][3],
      c21[kC][16][2][3];
  // Cue-independent boundary parts ("Tok"), by side.
  float ts4[2][kC][kC], ts7[2][2][2], ts8[2][4][kC], ts16[2][kC][kC][kC],
      ts14[2];
  uint64_t ts2p[2], ts3p[2], ts11p[2], ts13p[2];
  float te4[2][kC][kC], te5[2][kC][kC][kC], te7[2][2][2], te8[2][4][kC],
      te13[2][kC][2], te15[2][kC][kC][kC], te16[2];
  uint64_t te2p[2], te3p[2], te10p[2], te11p[2];
  float us4[2][kC][kC], us6[2][2][kC], us11[2], us12[2][2][kC];
  uint64_t us2p[2], us3p[2], us9p[2], us13p[2];
  float ue4[2][kC][kC], ue7[2][kC][kC][kC], ue11[2], ue12[2][2][kC];
  uint64_t ue2p[2], ue3p[2], ue8p[2], ue10p[2];
};

namespace internal {

constexpr uint32_t kContentMask = (1u << kContentBits) - 1;
constexpr uint32_t kSourceMask = (1u << kSourceBits) - 1;

inline uint64_t U(int x) { return static_cast<uint64_t>(x); }

// DocView::cand_bits: the cue-independent parts of StartCandidate (any
// sentence; the cue's sentence only) and EndCandidate (any sentence; other
// sentences; the cue's sentence).
enum : uint8_t {
  kStartAny = 1,
  kStartSame = 2,
  kEndAny = 4,
  kEndOther = 8,
  kEndSame = 16,
  kSrcStart = 32,  // SourceStartOk
  kSrcEnd = 64,    // SourceEndOk
};

// DocView::wbits: memberships of the token's word.
enum : uint8_t {
  kWCue = 1,        // cue_vocab (TagCues tests this bit as 1)
  kWStartPrev = 2,  // start_prev
  kWEndNext = 4,    // end_next
  kWNoSrcStart = 8,
  kWNoSrcEnd = 16,
  kWStrong = 32,  // cue_strong (FillCueCount tests this bit as 32)
};

}  // namespace internal

}  // namespace attribution
}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_FAST_TABLES_H_
