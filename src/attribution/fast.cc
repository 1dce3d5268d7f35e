// The fast decoders of AttributionModel: the same linear models as
// DecodeContent / DecodeSource, scored from tables precomputed at load time.
// Every feature whose arguments are small integers (classes, buckets, flags)
// is read from a dense table holding its weight; word features hash one or
// two 64-bit values onto a prefix precomputed per template (per cue for the
// cue's own words) instead of re-hashing the whole template.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/attribution/source_span.h"
#include "src/base/huge_pages.h"

namespace whosaid {
namespace attribution {

using namespace internal;  // NOLINT: the feature helpers

inline constexpr int kC = kEdge + 1;  // token classes incl. the edge
inline constexpr int kDb = 20;        // DistBucket range
inline constexpr int kLb = 13;        // LenBucket range

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

namespace {

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

}  // namespace

void AttributionModel::Finalize() {
  auto t = std::make_shared<FastTables>();
  auto cw = [&](uint64_t k) {
    return content_w[static_cast<uint32_t>(k) & kContentMask];
  };
  auto sw = [&](uint64_t k) {
    return source_w[static_cast<uint32_t>(k) & kSourceMask];
  };
  for (int side = 0; side < 2; ++side) {
    uint64_t a = 100 + side, b = 200 + side;
    for (int db = 0; db < kDb; ++db) {
      t->cs1[side][db] = cw(H(a, 1, U(db)));
      t->ce1[side][db] = cw(H(b, 1, U(db)));
      for (int c1 = 0; c1 < kC; ++c1) {
        for (int c2 = 0; c2 < kC; ++c2) {
          t->cs5[side][c1][c2][db] = cw(H(a, 5, U(c1), U(c2), U(db)));
        }
      }
    }
    for (int ds = -3; ds <= 3; ++ds) {
      for (int f = 0; f < 2; ++f) {
        t->cs12[side][ds + 3][f] = cw(H(a, 12, U(ds), U(f)));
        t->ce12[side][ds + 3][f] = cw(H(b, 12, U(ds), U(f)));
      }
    }
    t->cs6p[side] = H(a, 6);
    t->cs9p[side] = H(a, 9);
    t->cs10p[side] = H(a, 10);
    t->ce6p[side] = H(b, 6);
    t->ce9p[side] = H(b, 9);
    t->ce14p[side] = H(b, 14);
  }
  for (int ty = 0; ty < 3; ++ty) {
    uint64_t T = 300 + ty;
    for (int k = 0; k < kLb; ++k) t->cp1[ty][k] = cw(H(T, 1, U(k)));
    for (int k = 0; k < 6; ++k) t->cp2[ty][k] = cw(H(T, 2, U(k)));
    for (int k = 0; k < 4; ++k) t->cp3[ty][k] = cw(H(T, 3, U(k)));
    for (int bal = -2; bal <= 2; ++bal) {
      for (int o = 0; o < 2; ++o) {
        for (int c = 0; c < 2; ++c) {
          t->cp4[ty][bal + 2][o][c] = cw(H(T, 4, U(bal), U(o), U(c)));
        }
      }
    }
    for (int k = 0; k < 9; ++k) t->cp5[ty][k] = cw(H(T, 5, U(k)));
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 2; ++b) {
        t->cp6[ty][a][b] = cw(H(T, 6, U(a), U(b)));
        t->cp7[ty][a][b] = cw(H(T, 7, U(a), U(b)));
      }
    }
    for (int a = 0; a < 4; ++a) {
      for (int b = 0; b < 4; ++b) {
        t->cp8[ty][a][b] = cw(H(T, 8, U(a), U(b)));
        t->cp14[ty][a][b] = cw(H(T, 14, U(a), U(b)));
      }
    }
    for (int a = 0; a < 6; ++a) {
      for (int b = 0; b < 2; ++b) {
        for (int c = 0; c < kC; ++c) {
          t->cp9[ty][a][b][c] = cw(H(T, 9, U(a), U(b), U(c)));
        }
      }
    }
    for (int a = 0; a < 3; ++a) {
      for (int b = 0; b < 5; ++b) t->cp10[ty][a][b] = cw(H(T, 10, U(a), U(b)));
    }
    for (int a = 0; a < kC; ++a) {
      for (int b = 0; b < kC; ++b) {
        for (int c = 0; c < kC; ++c) {
          t->cp12[ty][a][b][c] = cw(H(T, 12, U(a), U(b), U(c)));
        }
      }
    }
    for (int a = 0; a < 4; ++a) {
      for (int b = 0; b < kC; ++b) {
        for (int c = 0; c < kC; ++c) {
          t->cp15[ty][a][b][c] = cw(H(T, 15, U(a), U(b), U(c)));
        }
      }
    }
    t->cp11p[ty] = H(T, 11);
    t->cp13p[ty] = H(T, 13);
    for (int c = 0; c < kC; ++c) t->cp16p[ty][c] = H(T, 16, U(c));
    for (int f = 0; f < 2; ++f) {
      t->cp17[ty][f] = cw(H(T, 17, U(f)));
      for (int k = 0; k < 3; ++k) {
        for (int a = 0; a < 6; ++a)
          t->cp18[ty][k][a][f] = cw(H(T, 18, U(k), U(a), U(f)));
        for (int a = 0; a < 3; ++a)
          t->cp19[ty][k][a][f] = cw(H(T, 19, U(k), U(a), U(f)));
      }
    }
  }
  for (int side = 0; side < 2; ++side) {
    uint64_t a = 400 + side, b = 500 + side, p = 600 + side;
    for (int db = 0; db < kDb; ++db) {
      t->ss1[side][db] = sw(H(a, 1, U(db)));
      t->se1[side][db] = sw(H(b, 1, U(db)));
      for (int r = 0; r < 3; ++r) {
        t->ss7[side][r][db] = sw(H(a, 7, U(r), U(db)));
        t->se9[side][r][db] = sw(H(b, 9, U(r), U(db)));
      }
      for (int c = 0; c < kC; ++c) {
        t->ss10[side][c][db] = sw(H(a, 10, U(c), U(db)));
      }
    }
    t->ss5p[side] = H(a, 5);
    t->ss8p[side] = H(a, 8);
    t->se5p[side] = H(b, 5);
    t->se6p[side] = H(b, 6);
    for (int len = 0; len < kLb; ++len) {
      t->sp1[side][len] = sw(H(p, 1, U(len)));
      for (int cm = 0; cm < 4; ++cm) {
        t->sp6[side][cm][len] = sw(H(p, 6, U(cm), U(len)));
      }
      for (int c1 = 0; c1 < kC; ++c1) {
        for (int c2 = 0; c2 < kC; ++c2) {
          t->sp3[side][c1][c2][len] = sw(H(p, 3, U(c1), U(c2), U(len)));
        }
      }
    }
    for (int cm = 0; cm < 4; ++cm) {
      for (int c = 0; c < kC; ++c) {
        t->sp2[side][cm][c] = sw(H(p, 2, U(cm), U(c)));
      }
    }
    t->sp4p[side] = H(p, 4);
    t->sp5p[side] = H(p, 5);
  }
  for (int side = 0; side < 2; ++side) {
    uint64_t a = 100 + side, b = 200 + side, c = 400 + side, d = 500 + side;
    t->ts14[side] = cw(H(a, 14));
    t->te16[side] = cw(H(b, 16));
    t->us11[side] = sw(H(c, 11));
    t->ue11[side] = sw(H(d, 11));
    for (int x = 0; x < 2; ++x) {
      for (int y = 0; y < 2; ++y) {
        t->ts7[side][x][y] = cw(H(a, 7, U(x), U(y)));
        t->te7[side][x][y] = cw(H(b, 7, U(x), U(y)));
      }
    }
    for (int c1 = 0; c1 < kC; ++c1) {
      for (int x = 0; x < 4; ++x) {
        t->ts8[side][x][c1] = cw(H(a, 8, U(x), U(c1)));
        t->te8[side][x][c1] = cw(H(b, 8, U(x), U(c1)));
      }
      for (int x = 0; x < 2; ++x) {
        t->te13[side][c1][x] = cw(H(b, 13, U(c1), U(x)));
        t->us6[side][x][c1] = sw(H(c, 6, U(x), U(c1)));
        t->us12[side][x][c1] = sw(H(c, 12, U(x), U(c1)));
        t->ue12[side][x][c1] = sw(H(d, 12, U(x), U(c1)));
      }
      for (int c2 = 0; c2 < kC; ++c2) {
        t->ts4[side][c1][c2] = cw(H(a, 4, U(c1), U(c2)));
        t->te4[side][c1][c2] = cw(H(b, 4, U(c1), U(c2)));
        t->us4[side][c1][c2] = sw(H(c, 4, U(c1), U(c2)));
        t->ue4[side][c1][c2] = sw(H(d, 4, U(c1), U(c2)));
        for (int c3 = 0; c3 < kC; ++c3) {
          t->ts16[side][c1][c2][c3] = cw(H(a, 16, U(c1), U(c2), U(c3)));
          t->te5[side][c1][c2][c3] = cw(H(b, 5, U(c1), U(c2), U(c3)));
          t->te15[side][c1][c2][c3] = cw(H(b, 15, U(c1), U(c2), U(c3)));
          t->ue7[side][c1][c2][c3] = sw(H(d, 7, U(c1), U(c2), U(c3)));
        }
      }
    }
    t->ts2p[side] = H(a, 2);
    t->ts3p[side] = H(a, 3);
    t->ts11p[side] = H(a, 11);
    t->ts13p[side] = H(a, 13);
    t->te2p[side] = H(b, 2);
    t->te3p[side] = H(b, 3);
    t->te10p[side] = H(b, 10);
    t->te11p[side] = H(b, 11);
    t->us2p[side] = H(c, 2);
    t->us3p[side] = H(c, 3);
    t->us9p[side] = H(c, 9);
    t->us13p[side] = H(c, 13);
    t->ue2p[side] = H(d, 2);
    t->ue3p[side] = H(d, 3);
    t->ue8p[side] = H(d, 8);
    t->ue10p[side] = H(d, 10);
  }
  const uint32_t cmask = (1u << kCueBits) - 1;
  auto cue3 = [&](uint64_t k, float* out) {
    const float* w = &cue_w[size_t{static_cast<uint32_t>(k) & cmask} * 3];
    out[0] = w[0];
    out[1] = w[1];
    out[2] = w[2];
  };
  for (int a = 0; a < kC; ++a) {
    for (int b = 0; b < kC; ++b) {
      for (int c = 0; c < kC; ++c)
        cue3(H(10, U(a), U(b), U(c)), t->c10[a][b][c]);
    }
    for (int p = 0; p < 3; ++p) cue3(H(15, U(p), U(a)), t->c15[p][a]);
    for (int f = 0; f < 16; ++f) {
      for (int cl = 0; cl < 2; ++cl)
        cue3(H(21, U(a), U(f), U(cl)), t->c21[a][f][cl]);
    }
  }
  for (int p = 0; p < 3; ++p) {
    cue3(H(12, U(p)), t->c12[p]);
    for (int q = 0; q < 2; ++q) cue3(H(17, U(q), U(p)), t->c17[q][p]);
  }
  for (int f = 0; f < 16; ++f) cue3(H(13, U(f)), t->c13[f]);
  auto quantize = [](const std::vector<float>& w,
                     std::vector<int16_t, HugePageAllocator<int16_t>>* q,
                     float* scale) {
    float mx = 0;
    for (float x : w) mx = std::max(mx, std::abs(x));
    *scale = mx > 0 ? mx / 32767.f : 1.f;
    q->resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      (*q)[i] = static_cast<int16_t>(std::lround(w[i] / *scale));
    }
  };
  quantize(cue_w, &t->cue_q, &t->cue_s);
  {
    const int16_t* q = t->cue_q.data();
    auto acc = [&](uint64_t k, int32_t* out) {
      const int16_t* wk = q + size_t{static_cast<uint32_t>(k) & cmask} * 3;
      out[0] += wk[0];
      out[1] += wk[1];
      out[2] += wk[2];
    };
    t->cue_rec_of_slot.assign(cue_vocab.slots.size(), -1);
    t->cue_rec.assign(cue_vocab.sorted.size(), FastTables::CueWordRec{});
    for (size_t r = 0; r < cue_vocab.sorted.size(); ++r) {
      const uint64_t w = cue_vocab.sorted[r];
      t->cue_rec_of_slot[cue_vocab.Find(w)] = static_cast<int32_t>(r);
      FastTables::CueWordRec& rec = t->cue_rec[r];
      for (int p = 0; p < 3; ++p) {
        acc(H(1, w), rec.prev[p]);
        acc(H(2, w, U(p)), rec.prev[p]);
      }
      for (int b = 0; b < 2; ++b) {
        acc(H(11, U(b), w), rec.inq[b]);
        acc(H(16, w, U(b)), rec.first[b]);
        acc(H(18, w, U(b)), rec.capl[b]);
        acc(H(26, w, U(b)), rec.squote[b]);
      }
      for (int f = 0; f < 16; ++f) acc(H(14, w, U(f)), rec.flags[f]);
    }
  }
  {
    std::vector<uint64_t> all;
    for (const WordSet* ws : {&cue_vocab, &start_prev, &end_next, &src_no_start,
                              &src_no_end, &cue_strong}) {
      all.insert(all.end(), ws->sorted.begin(), ws->sorted.end());
    }
    t->words.Build(std::move(all));
    t->word_bits.assign(t->words.slots.size(), 0);
    t->word_rec.assign(t->words.slots.size(), -1);
    for (uint64_t w : t->words.sorted) {
      size_t slot = t->words.Find(w);
      uint8_t b = 0;
      if (cue_vocab.Has(w)) b |= kWCue;
      if (start_prev.Has(w)) b |= kWStartPrev;
      if (end_next.Has(w)) b |= kWEndNext;
      if (src_no_start.Has(w)) b |= kWNoSrcStart;
      if (src_no_end.Has(w)) b |= kWNoSrcEnd;
      if (cue_strong.Has(w)) b |= kWStrong;
      t->word_bits[slot] = b;
      if (size_t cs = cue_vocab.Find(w); cs != WordSet::kNone) {
        t->word_rec[slot] = t->cue_rec_of_slot[cs];
      }
    }
  }
  quantize(content_w, &t->content_q, &t->content_s);
  quantize(source_w, &t->source_q, &t->source_s);
  fast_ = std::move(t);
}

void AttributionModel::CueScoreFast(const DocView& v, int i, int prev, int sb,
                                    int se, float* sc) const {
  float all[kCueLabels * kCueLabels] = {};
  CueScoreFastPrevs(v, i, 1 << prev, sb, se, all);
  for (int l = 0; l < kCueLabels; ++l) sc[l] += all[prev * kCueLabels + l];
}

void AttributionModel::CueScoreFastPrevs(const DocView& v, int i, int prevs,
                                         int sb, int se, float* sc) const {
  CueTokenKeys k;
  CueKeysFast(v, i, sb, se, /*prefetch=*/false, &k);
  CueSumFast(k, prevs, sc);
}

void AttributionModel::CueKeysFast(const DocView& v, int i, int sb, int se,
                                   bool prefetch, CueTokenKeys* out) const {
  const FastTables& t = *fast_;
  Ctx x{v, static_cast<int>(v.size())};
  constexpr uint32_t mask = (1u << kCueBits) - 1;
  CueTokenKeys& o = *out;
  int nk = 0;
  auto add = [&](uint64_t k) {
    o.keys[nk++] = static_cast<uint32_t>(k) & mask;
  };
  float s0 = 0, s1 = 0, s2 = 0;
  auto addt = [&](const float* w) {
    s0 += w[0];
    s1 += w[1];
    s2 += w[2];
  };
  uint64_t w = x.h(i);
  int flags = 0;
  for (int j = i + 1; j <= i + 3 && j < se; ++j) {
    if (x.h(j) == kThat) flags |= 1;
    uint8_t c = x.c(j);
    if (c == kOpenQuote || c == kCloseQuote) flags |= 2;
    if (c == kColon) flags |= 4;
    if (c == kComma) flags |= 8;
  }
  int squote = v.qo[se] - v.qo[sb] + v.qc[se] - v.qc[sb] > 0;
  int capleft = 0;
  for (int j = std::max(sb, i - 4); j < i; ++j) {
    uint8_t c = x.c(j);
    if (c == kCap || c == kAllCaps) capleft = 1;
  }
  const uint64_t hm1 = x.h(i - 1), hp1 = x.h(i + 1);
  const uint8_t cm2 = x.c(i - 2), cm1 = x.c(i - 1), c0 = v.cls[i],
                cp1 = x.c(i + 1);
  const uint64_t suf = SuffixHash(v, i);
  const uint64_t stem = StemHash(v.doc->TokenText(i));
  // The word's own features from its record (when it is in the cue
  // vocabulary: always for a cue start) or hashed.
  if (v.wbits.size() != v.size()) FillWordBits(v);
  const int32_t r = v.wrec[i];
  const int inq = v.inq[i], first = i == sb;
  if (r < 0) {
    add(H(1, w));
    add(H(11, U(inq), w));
    add(H(14, w, U(flags)));
    add(H(16, w, U(first)));
    add(H(18, w, U(capleft)));
    add(H(26, w, U(squote)));
  }
  add(H(3, hm1));
  add(H(4, hp1));
  add(H(5, hm1, w));
  add(H(6, w, hp1));
  add(H(7, x.h(i - 2)));
  add(H(8, x.h(i + 2)));
  add(H(9, suf));
  addt(t.c10[cm1][c0][cp1]);
  addt(t.c13[flags]);
  add(H(20, suf, U(flags)));
  addt(t.c21[c0][flags][capleft]);
  add(H(22, stem));
  add(H(23, stem, U(flags)));
  add(H(25, w, U(cm1), U(cp1)));
  add(H(27, stem, hm1));
  add(H(28, w, U(cm2), U(cm1)));
  o.nk = static_cast<uint8_t>(nk);
  // The keys after an O (the previous label of almost every scored token).
  int np = 0;
  if (r < 0) o.keys_o[np++] = static_cast<uint32_t>(H(2, w, U(kO))) & mask;
  o.keys_o[np++] = static_cast<uint32_t>(H(19, hm1, U(kO))) & mask;
  o.keys_o[np++] = static_cast<uint32_t>(H(24, stem, U(kO))) & mask;
  o.np_o = static_cast<uint8_t>(np);
  o.s[0] = s0;
  o.s[1] = s1;
  o.s[2] = s2;
  o.rec = r;
  o.w = w;
  o.hm1 = hm1;
  o.stem = stem;
  o.c0 = c0;
  o.inq = static_cast<uint8_t>(inq);
  o.flags = static_cast<uint8_t>(flags);
  o.first = static_cast<uint8_t>(first);
  o.capleft = static_cast<uint8_t>(capleft);
  o.squote = static_cast<uint8_t>(squote);
  if (prefetch) {
    // The rows are read a sentence later, by CueSumFast: fetched now, the
    // reads of many tokens overlap instead of stalling one token at a time.
    const int16_t* cw = t.cue_q.data();
    for (int k = 0; k < nk; ++k) __builtin_prefetch(cw + size_t{o.keys[k]} * 3);
    for (int k = 0; k < np; ++k) {
      __builtin_prefetch(cw + size_t{o.keys_o[k]} * 3);
    }
    if (r >= 0) {
      const FastTables::CueWordRec& rec = t.cue_rec[r];
      __builtin_prefetch(rec.prev[kO]);
      __builtin_prefetch(rec.inq[inq]);
      __builtin_prefetch(rec.flags[flags]);
      __builtin_prefetch(rec.first[first]);
      __builtin_prefetch(rec.capl[capleft]);
      __builtin_prefetch(rec.squote[squote]);
    }
  }
}

void AttributionModel::CueSumFast(const CueTokenKeys& o, int prevs,
                                  float* sc) const {
  const FastTables& t = *fast_;
  const int16_t* cw = t.cue_q.data();
  constexpr uint32_t mask = (1u << kCueBits) - 1;
  const FastTables::CueWordRec* rec = o.rec >= 0 ? &t.cue_rec[o.rec] : nullptr;
  int32_t q0 = 0, q1 = 0, q2 = 0;
  auto addr = [&](const int32_t* r) {
    q0 += r[0];
    q1 += r[1];
    q2 += r[2];
  };
  if (rec != nullptr) {
    addr(rec->inq[o.inq]);
    addr(rec->flags[o.flags]);
    addr(rec->first[o.first]);
    addr(rec->capl[o.capleft]);
    addr(rec->squote[o.squote]);
  }
  for (int k = 0; k < o.nk; ++k) {
    const int16_t* wk = cw + size_t{o.keys[k]} * 3;
    q0 += wk[0];
    q1 += wk[1];
    q2 += wk[2];
  }
  // Per previous label: H(2, w, prev) (with H(1, w) in the record), and
  // the prev-keyed features 12, 15, 17, 19, 24.
  for (int prev = 0; prev < kCueLabels; ++prev) {
    if ((prevs >> prev & 1) == 0) continue;
    int32_t r0 = q0, r1 = q1, r2 = q2;
    const int16_t* pk[3];
    int np = 0;
    if (rec != nullptr) {
      r0 += rec->prev[prev][0];
      r1 += rec->prev[prev][1];
      r2 += rec->prev[prev][2];
    }
    if (prev == kO) {
      for (; np < o.np_o; ++np) pk[np] = cw + size_t{o.keys_o[np]} * 3;
    } else {
      if (rec == nullptr) {
        pk[np++] =
            cw + size_t{static_cast<uint32_t>(H(2, o.w, U(prev))) & mask} * 3;
      }
      pk[np++] =
          cw + size_t{static_cast<uint32_t>(H(19, o.hm1, U(prev))) & mask} * 3;
      pk[np++] =
          cw + size_t{static_cast<uint32_t>(H(24, o.stem, U(prev))) & mask} * 3;
    }
    for (int k = 0; k < np; ++k) {
      r0 += pk[k][0];
      r1 += pk[k][1];
      r2 += pk[k][2];
    }
    const float* a = t.c12[prev];
    const float* b = t.c15[prev][o.c0];
    const float* c = t.c17[o.inq][prev];
    float* out = sc + prev * kCueLabels;
    out[0] += o.s[0] + a[0] + b[0] + c[0] + static_cast<float>(r0) * t.cue_s;
    out[1] += o.s[1] + a[1] + b[1] + c[1] + static_cast<float>(r1) * t.cue_s;
    out[2] += o.s[2] + a[2] + b[2] + c[2] + static_cast<float>(r2) * t.cue_s;
  }
}

namespace {

// TokFast in two steps: the hashed table rows of token i (into keys,
// returned: how many; at most kMaxTokKeys) and the class-only part (*r).
constexpr int kMaxTokKeys = 8;
int TokKeys(const FastTables& t, const DocView& v, int side, int i, int which,
            uint32_t* keys, float* r) {
  const uint32_t mask = which < 2 ? kContentMask : kSourceMask;
  int nk = 0;
  auto W = [&](uint64_t k) {
    keys[nk++] = static_cast<uint32_t>(k) & mask;
    return 0.f;
  };
  Ctx x{v, static_cast<int>(v.size())};
  const uint64_t h = v.h[i];
  const uint8_t c = v.cls[i];
  switch (which) {
    case 0: {
      uint64_t hp = x.h(i - 1);
      uint8_t cp = x.c(i - 1);
      *r = W(H(t.ts2p[side], h)) + W(H(t.ts3p[side], hp)) + t.ts4[side][cp][c] +
           t.ts7[side][v.sstart[i]][v.pstart[i]] +
           t.ts8[side][x.q(i - 1) * 2 + v.inq[i]][c] +
           W(H(H(t.ts11p[side], hp), h)) +
           W(H(H(t.ts13p[side], x.h(i - 2)), hp)) + t.ts14[side] +
           t.ts16[side][x.c(i - 2)][cp][c];
      break;
    }
    case 1: {
      uint64_t hn = x.h(i + 1);
      uint8_t cn = x.c(i + 1);
      *r = W(H(t.te2p[side], h)) + W(H(t.te3p[side], hn)) + t.te4[side][c][cn] +
           t.te5[side][c][cn][x.c(i + 2)] + t.te7[side][v.send[i]][v.pend[i]] +
           t.te8[side][v.inq[i] * 2 + x.q(i + 1)][cn] +
           W(H(H(t.te10p[side], h), hn)) +
           W(H(H(t.te11p[side], hn), x.h(i + 2))) +
           t.te13[side][cn][i + 1 < x.n ? v.send[i + 1] : 1] +
           t.te15[side][x.c(i - 1)][c][cn] + t.te16[side];
      break;
    }
    case 2: {
      uint64_t hp = x.h(i - 1);
      *r = W(H(t.us2p[side], h)) + W(H(t.us3p[side], hp)) +
           t.us4[side][x.c(i - 1)][c] + t.us6[side][v.sstart[i]][c] +
           W(H(H(t.us9p[side], hp), h)) + t.us11[side] +
           t.us12[side][v.inq[i]][c] +
           W(H(H(t.us13p[side], SuffixHash(v, i)), c));
      break;
    }
    default: {
      uint64_t hn = x.h(i + 1);
      uint8_t cn = x.c(i + 1);
      *r = W(H(t.ue2p[side], h)) + W(H(t.ue3p[side], hn)) + t.ue4[side][c][cn] +
           t.ue7[side][c][cn][x.c(i + 2)] + W(H(H(t.ue8p[side], h), hn)) +
           W(H(H(t.ue10p[side], SuffixHash(v, i)), cn)) + t.ue11[side] +
           t.ue12[side][v.inq[i]][c];
      break;
    }
  }
  return nk;
}

// The sum of TokKeys' rows: TokFast's score.
float TokSum(const FastTables& t, int which, const uint32_t* keys, int nk,
             float r) {
  const int16_t* w = which < 2 ? t.content_q.data() : t.source_q.data();
  const float scale = which < 2 ? t.content_s : t.source_s;
  int32_t q = 0;
  for (int k = 0; k < nk; ++k) q += w[keys[k]];
  return r + static_cast<float>(q) * scale;
}

// Fills the token score caches of Cached (which 0, 1: content start and
// end; 2, 3: source start and end) for the candidate tokens in [lo, hi]
// outside `cue` that have none yet, as TokFast would: the keys of up to
// kBatch tokens first, their rows prefetched, then the sums, so that the
// table reads of many tokens overlap. candidate(i, &start, &end) says which
// of the two scores token i needs; `source` picks which 2 and 3.
template <typename Candidate>
void FillTokCachesImpl(const FastTables& t, const DocView& v, TSpan cue, int lo,
                       int hi, bool source, Candidate candidate) {
  const size_t need = 2 * v.size();
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  std::vector<float>& start_cache = source ? v.cache_ss : v.cache_cs;
  std::vector<float>& end_cache = source ? v.cache_se : v.cache_ce;
  if (start_cache.size() < need) start_cache.assign(need, kNaN);
  if (end_cache.size() < need) end_cache.assign(need, kNaN);
  const int16_t* table = source ? t.source_q.data() : t.content_q.data();
  constexpr int kBatch = 32;
  struct Pending {
    uint32_t keys[kMaxTokKeys];
    float r;
    int nk, which;
    float* out;
  };
  Pending p[kBatch];
  int np = 0;
  auto flush = [&] {
    for (int k = 0; k < np; ++k) {
      *p[k].out = TokSum(t, p[k].which, p[k].keys, p[k].nk, p[k].r);
    }
    np = 0;
  };
  auto add = [&](int side, int i, int which) {
    float* out =
        &(which % 2 == 0 ? start_cache : end_cache)[size_t{2} * i + side];
    if (!std::isnan(*out)) return;
    Pending& e = p[np++];
    e.nk = TokKeys(t, v, side, i, which, e.keys, &e.r);
    e.which = which;
    e.out = out;
    for (int k = 0; k < e.nk; ++k) {
      __builtin_prefetch(table + e.keys[k]);
    }
    if (np == kBatch) flush();
  };
  for (int i = lo; i <= hi; ++i) {
    if (i >= cue.b && i <= cue.e) continue;
    bool is_start, is_end;
    candidate(i, &is_start, &is_end);
    const int side = i < cue.b ? 0 : 1;
    if (is_start) add(side, i, source ? 2 : 0);
    if (is_end) add(side, i, source ? 3 : 1);
  }
  flush();
}

}  // namespace

float AttributionModel::TokFast(const DocView& v, int side, int i,
                                int which) const {
  const FastTables& t = *fast_;
  // Keys first, table reads last (so that the reads overlap).
  uint32_t keys[kMaxTokKeys];
  float r;
  const int nk = TokKeys(t, v, side, i, which, keys, &r);
  return TokSum(t, which, keys, nk, r);
}

void AttributionModel::FillWordBits(const DocView& v) const {
  const FastTables& t = *fast_;
  const size_t n = v.size();
  v.wbits.resize(n);
  v.wrec.resize(n);
  for (size_t i = 0; i < n; ++i) {
    size_t slot = t.words.Find(v.h[i]);
    v.wbits[i] = slot == WordSet::kNone ? 0 : t.word_bits[slot];
    v.wrec[i] = slot == WordSet::kNone ? -1 : t.word_rec[slot];
  }
}

void AttributionModel::FillCandBits(const DocView& v) const {
  const int n = static_cast<int>(v.size());
  if (v.wbits.size() != v.size()) FillWordBits(v);
  const uint8_t* wb = v.wbits.data();
  v.cand_bits.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    const uint8_t c = v.cls[i];
    uint8_t b = 0;
    if (i == 0 || v.sstart[i] || c == kOpenQuote) b |= kStartAny;
    if (i > 0 && (v.cls[i - 1] > kNum || (wb[i - 1] & kWStartPrev))) {
      b |= kStartSame;
    }
    if (i + 1 >= n || v.send[i] || c == kCloseQuote) {
      b |= kEndAny;
    } else {
      const uint8_t nx = v.cls[i + 1];
      if (v.send[i + 1] && (nx == kStop || nx == kCloseQuote)) b |= kEndOther;
      if (nx > kNum || (wb[i + 1] & kWEndNext)) b |= kEndSame;
    }
    // SourceStartOk / SourceEndOk from the word bits.
    if ((c >= kCap && c <= kNum) || (c == kLower && !(wb[i] & kWNoSrcStart))) {
      b |= kSrcStart;
    }
    if ((c >= kCap && c <= kComma) || c == kCloseParen ||
        (c == kLower && !(wb[i] & kWNoSrcEnd))) {
      b |= kSrcEnd;
    }
    v.cand_bits[i] = b;
  }
}

TSpan AttributionModel::DecodeContentFast(const DocView& v, TSpan cue,
                                          const DecodeLimits& lim,
                                          std::vector<Scored>* nbest,
                                          TSpan speaker,
                                          bool before_cue) const {
  const FastTables& t = *fast_;
  const int16_t* w = t.content_q.data();
  const float scale = t.content_s;
  auto cw = [w, scale](uint64_t k) {
    return static_cast<float>(w[static_cast<uint32_t>(k) & kContentMask]) *
           scale;
  };
  if (nbest != nullptr) nbest->clear();
  int lo, hi;
  ContentWindow(v, cue, lim, &lo, &hi);

  TopBuf starts(lim.top_k), ends(lim.top_k);
  Ctx x{v, static_cast<int>(v.size())};
  const uint64_t hce = x.h(cue.e), hcb = x.h(cue.b);
  uint64_t q9s[2], q10s[2], q9e[2], q14e[2];
  for (int side = 0; side < 2; ++side) {
    q9s[side] = H(t.cs9p[side], hce);
    q10s[side] = H(t.cs10p[side], hce);
    q9e[side] = H(t.ce9p[side], hce);
    q14e[side] = H(t.ce14p[side], hcb);
  }
  // Per-cue memos of the features keyed by the cue's words.
  constexpr float kUnset = std::numeric_limits<float>::infinity();
  float m9s[2][kDb], m9e[2][kDb], m14e[2][kC];
  std::fill(&m9s[0][0], &m9s[0][0] + 2 * kDb, kUnset);
  std::fill(&m9e[0][0], &m9e[0][0] + 2 * kDb, kUnset);
  std::fill(&m14e[0][0], &m14e[0][0] + 2 * kC, kUnset);
  auto memo = [&](float& slot, uint64_t key) {
    if (slot == kUnset) slot = cw(key);
    return slot;
  };
  const int cue_sent = static_cast<int>(v.sent[cue.b]);
  const int n = x.n;
  if (v.cand_bits.size() != static_cast<size_t>(n)) FillCandBits(v);
  if (v.cuec.size() != static_cast<size_t>(n) + 1) FillCueCount(v);
  const uint8_t* bits = v.cand_bits.data();
  // StartCandidate / EndCandidate from the per-token bits.
  auto candidate = [&](int i, bool* is_start, bool* is_end) {
    const uint8_t b = bits[i];
    const bool same = static_cast<int>(v.sent[i]) == cue_sent;
    *is_start = (i > cue.e && i <= cue.e + 3) || (b & kStartAny) ||
                (same && (b & kStartSame));
    *is_end =
        i + 1 == cue.b || (b & kEndAny) || (b & (same ? kEndSame : kEndOther));
  };
  if (v.use_cache) FillTokCachesImpl(t, v, cue, lo, hi, false, candidate);
  for (int i = lo; i <= hi; ++i) {
    if (i >= cue.b && i <= cue.e) continue;
    bool is_start, is_end;
    candidate(i, &is_start, &is_end);
    if (!is_start && !is_end) continue;
    int side = i < cue.b ? 0 : 1;
    int db = DistBucket(side == 0 ? i - cue.b : i - cue.e);
    int ds = Clip(static_cast<int>(v.sent[i]) - cue_sent, -3, 3) + 3;
    if (is_start) {
      uint64_t hp = x.h(i - 1);
      float ss = t.cs1[side][db] + t.cs5[side][x.c(i - 1)][x.c(i)][db] +
                 cw(H(H(t.cs6p[side], hp), U(db))) +
                 memo(m9s[side][db], H(q9s[side], U(db))) +
                 cw(H(q10s[side], hp)) + t.cs12[side][ds][v.sstart[i]];
      ss += Cached(v, v.cache_cs, side, i, 0);
      starts.Push(Top{ss, i});
    }
    if (is_end) {
      uint64_t hn = x.h(i + 1);
      float es = t.ce1[side][db] + cw(H(H(t.ce6p[side], hn), U(db))) +
                 memo(m9e[side][db], H(q9e[side], U(db))) +
                 t.ce12[side][ds][v.send[i]] +
                 memo(m14e[side][x.c(i + 1)], H(q14e[side], U(x.c(i + 1))));
      es += Cached(v, v.cache_ce, side, i, 1);
      ends.Push(Top{es, i});
    }
  }
  TSpan best;
  float best_score = 0;
  bool have = false;
  float m11[kMaxTopK][3], m13[kMaxTopK][3][2], m16[kMaxTopK][3];
  std::fill(&m11[0][0], &m11[0][0] + kMaxTopK * 3, kUnset);
  std::fill(&m16[0][0], &m16[0][0] + kMaxTopK * 3, kUnset);
  std::fill(&m13[0][0][0], &m13[0][0][0] + kMaxTopK * 6, kUnset);
  for (int si = 0; si < starts.size(); ++si) {
    const Top& st = starts[si];
    const int s = st.pos;
    for (int ei = 0; ei < ends.size(); ++ei) {
      const Top& en = ends[ei];
      const int e = en.pos;
      if (e < s) continue;
      bool before = e<cue.b, after = s> cue.e;
      bool around = s < cue.b && e > cue.e;
      if (!before && !after && !around) continue;
      if (!OwnSpeakerOk(cue, speaker, s, e, before_cue)) continue;
      if (!ContentAllowed(v, lim, s, e)) continue;
      // ContentPairFeats, from the tables.
      int ty = before ? 0 : after ? 1 : 2;
      int len = e - s + 1;
      int sents = Clip(static_cast<int>(v.sent[e] - v.sent[s]), 0, 5);
      int paras = Clip(static_cast<int>(v.para[e] - v.para[s]), 0, 3);
      int opens = v.qo[e + 1] - v.qo[s];
      int closes = v.qc[e + 1] - v.qc[s];
      int bal = Clip(opens - closes, -2, 2);
      int gap = ty == 0 ? cue.b - e - 1 : ty == 1 ? s - cue.e - 1 : 0;
      uint8_t cs = v.cls[s], ce = v.cls[e], cn = x.c(e + 1);
      int head_end = std::min(e, s + 15);
      int thats = head_end > s ? v.thatc[head_end + 1] - v.thatc[s + 1] : 0;
      int open_rel = 0, close_rel = 0;
      if (cs == kOpenQuote) {
        int mc = s + 1 < n ? v.next_close[s + 1] : n;
        open_rel = e == mc ? 1 : e < mc ? 2 : 3;
      }
      if (ce == kCloseQuote) {
        int po = e > 0 ? v.prev_open[e - 1] : -1;
        close_rel = s == po ? 1 : s > po ? 2 : 3;
      }
      float pair =
          t.cp1[ty][LenBucket(len)] + t.cp2[ty][sents] + t.cp3[ty][paras] +
          t.cp4[ty][bal + 2][cs == kOpenQuote][ce == kCloseQuote] +
          t.cp5[ty][Clip(gap, 0, 8)] + t.cp6[ty][v.sstart[s]][v.send[e]] +
          t.cp7[ty][v.inq[s]][v.inq[e]] +
          t.cp8[ty][Clip(opens, 0, 3)][Clip(closes, 0, 3)] +
          t.cp9[ty][sents][v.send[e]][cn] +
          t.cp10[ty][Clip(thats, 0, 2)][Clip(gap, 0, 4)] +
          t.cp12[ty][cs][ce][cn] + t.cp14[ty][open_rel][close_rel] +
          t.cp15[ty][open_rel][ce][cn];
      const int th = Clip(thats, 0, 1);
      const uint64_t k11 = H(t.cp11p[ty], v.h[e]);
      const uint64_t k13 = H(H(t.cp13p[ty], v.h[s]), U(th));
      pair += memo(m11[ei][ty], k11) + memo(m13[si][ty][th], k13);
      // The last clause break inside the span (depends on e only, once
      // inside) and the cue words inside it.
      const int lb = ty == 1 && e > s ? v.prev_break[e - 1] : -1;
      const int se = v.send[e];
      if (lb > s) {
        pair +=
            memo(m16[ei][ty], H(H(t.cp16p[ty][v.cls[lb]], v.h[lb + 1]), U(se)));
      } else if (ty == 1) {
        pair += t.cp17[ty][se];
      }
      int cues_in = e > s ? v.cuec[e + 1] - v.cuec[s + 1] : 0;
      if (ty == 2) cues_in -= v.cuec[cue.e + 1] - v.cuec[cue.b];
      pair += t.cp18[ty][Clip(cues_in, 0, 2)][sents][se];
      int strong_in = e > s ? v.cuesc[e + 1] - v.cuesc[s + 1] : 0;
      if (ty == 2) strong_in -= v.cuesc[cue.e + 1] - v.cuesc[cue.b];
      pair += t.cp19[ty][Clip(strong_in, 0, 2)][Clip(cues_in, 0, 2)][se];
      float sc = st.score + en.score + pair;
      if (!have || sc > best_score) {
        have = true;
        best_score = sc;
        best = TSpan{s, e};
      }
      if (nbest != nullptr) {
        Scored cand{sc, TSpan{s, e}};
        if (static_cast<int>(nbest->size()) < lim.content_nbest) {
          nbest->push_back(cand);
        } else if (sc > nbest->back().score) {
          nbest->back() = cand;
        } else {
          continue;
        }
        for (size_t k = nbest->size() - 1;
             k > 0 && (*nbest)[k].score > (*nbest)[k - 1].score; --k) {
          std::swap((*nbest)[k], (*nbest)[k - 1]);
        }
      }
    }
  }
  return best;
}

namespace {

void SourceWindow(const DocView& v, TSpan cue, const DecodeLimits& lim, int* lo,
                  int* hi) {
  const Sentence& s = v.doc->sentences[v.sent[cue.b]];
  *lo = std::max<int>(s.token_begin, cue.b - lim.source_window);
  *hi = std::min<int>(static_cast<int>(s.token_end) - 1,
                      cue.e + lim.source_window);
}

}  // namespace

void AttributionModel::PrepareSource(const DocView& v, TSpan cue,
                                     const DecodeLimits& lim) const {
  const FastTables& t = *fast_;
  const int16_t* w = t.source_q.data();
  const float scale = t.source_s;
  auto sw = [w, scale](uint64_t k) {
    return static_cast<float>(w[static_cast<uint32_t>(k) & kSourceMask]) *
           scale;
  };
  int lo, hi;
  SourceWindow(v, cue, lim, &lo, &hi);
  v.src_memo.clear();
  v.src_start.assign(hi - lo + 1, std::numeric_limits<float>::infinity());
  v.src_pair.assign(
      static_cast<size_t>(hi - lo + 1) * std::max(lim.source_max_tokens, 0),
      std::numeric_limits<float>::infinity());
  v.src_end.assign(hi - lo + 1, std::numeric_limits<float>::infinity());
  Ctx x{v, static_cast<int>(v.size())};
  const uint64_t hcb = x.h(cue.b);
  uint64_t q8[2], q6[2];
  for (int side = 0; side < 2; ++side) {
    q8[side] = H(t.ss8p[side], hcb);
    q6[side] = H(t.se6p[side], hcb);
  }
  // SourceNoneFeats: the parts that do not depend on the content.
  {
    const uint64_t T = 700, hce = x.h(cue.e);
    v.src_none_base = sw(H(T, 1)) + sw(H(T, 2, hcb)) + sw(H(T, 3, hce)) +
                      sw(H(T, 4, U(x.c(cue.b - 1)), U(v.sstart[cue.b]))) +
                      sw(H(T, 5, x.h(cue.b - 1))) + sw(H(T, 7, hcb, hce));
    for (int r = 0; r < 4; ++r) {
      v.src_none_r[r] = sw(H(T, 6, U(r))) + sw(H(T, 8, hcb, U(r)));
    }
  }
  // The features keyed by the cue's word and the distance bucket only,
  // memoized by (side, bucket); the boundary scores themselves are
  // computed by DecodeSourceFast for the tokens it needs.
  std::fill(&v.src_m8[0][0], &v.src_m8[0][0] + 2 * kDb,
            std::numeric_limits<float>::infinity());
  std::fill(&v.src_m6[0][0], &v.src_m6[0][0] + 2 * kDb,
            std::numeric_limits<float>::infinity());
  for (int side = 0; side < 2; ++side) {
    v.src_q8[side] = q8[side];
    v.src_q6[side] = q6[side];
  }
  if (v.cand_bits.size() != v.size()) FillCandBits(v);
  // The boundary scores themselves are cached by DecodeSourceFast, for the
  // tokens its content leaves unblocked: filled here for the whole window,
  // a third of them were never read (the content's own tokens).
}

TSpan AttributionModel::DecodeSourceFast(const DocView& v, TSpan cue, TSpan ct,
                                         const DecodeLimits& lim,
                                         float* score) const {
  const FastTables& t = *fast_;
  const int16_t* w = t.source_q.data();
  const float scale = t.source_s;
  auto sw = [w, scale](uint64_t k) {
    return static_cast<float>(w[static_cast<uint32_t>(k) & kSourceMask]) *
           scale;
  };
  int lo, hi;
  SourceWindow(v, cue, lim, &lo, &hi);
  // The decode depends on the content only through the blocked tokens and
  // the placement features inside the window: contents that look the same
  // from the window share one result.
  const int nr = ct.none() ? 0 : ct.e < cue.b ? 1 : ct.b > cue.e ? 2 : 3;
  const int mcb = ct.none() ? 0 : std::clamp(ct.b, lo, hi + 1);
  const int mce = ct.none() ? 0 : std::clamp(ct.e, lo - 1, hi);
  for (const DocView::SourceMemo& m : v.src_memo) {
    if (m.cb == mcb && m.ce == mce && m.nr == nr) {
      if (score != nullptr) *score = m.score;
      return m.src;
    }
  }

  TopBuf starts(lim.top_k), ends(lim.top_k);
  std::vector<int>& blocked_before = v.src_blocked;
  blocked_before.assign(hi - lo + 2, 0);
  constexpr float kUnset = std::numeric_limits<float>::infinity();
  Ctx x{v, static_cast<int>(v.size())};
  const uint8_t* bits = v.cand_bits.data();
  // SourceBlocked, inline: the cue, and the content (only its quoted
  // tokens when it surrounds the cue).
  const bool around = !ct.none() && ct.b < cue.b && ct.e > cue.e;
  auto content_blocks = [&](int i) {
    return !ct.none() && i >= ct.b && i <= ct.e && (!around || v.inq[i]);
  };
  // The boundary scores this decode may need, cached ahead in one batch
  // (keys first, rows prefetched), for the unblocked tokens only.
  if (v.use_cache) {
    FillTokCachesImpl(t, v, cue, lo, hi, true,
                      [&](int i, bool* is_start, bool* is_end) {
                        const bool open = !content_blocks(i);
                        *is_start = open && (bits[i] & kSrcStart) != 0;
                        *is_end = open && (bits[i] & kSrcEnd) != 0;
                      });
  }
  for (int i = lo; i <= hi; ++i) {
    bool blocked = (i >= cue.b && i <= cue.e) || content_blocks(i);
    blocked_before[i - lo + 1] = blocked_before[i - lo] + blocked;
    if (blocked) continue;
    const uint8_t b = bits[i];
    if ((b & (kSrcStart | kSrcEnd)) == 0) continue;
    int side = i < cue.b ? 0 : 1;
    int db = DistBucket(side == 0 ? i - cue.b : i - cue.e);
    int r = ct.none() ? 0 : i < ct.b ? 1 : 2;
    if (b & kSrcStart) {
      float& ss = v.src_start[i - lo];
      if (ss == kUnset) {
        float& m8 = v.src_m8[side][db];
        if (m8 == kUnset) m8 = sw(H(v.src_q8[side], U(db)));
        ss = t.ss1[side][db] + sw(H(H(t.ss5p[side], x.h(i - 1)), U(db))) + m8 +
             t.ss10[side][v.cls[i]][db] + Cached(v, v.cache_ss, side, i, 2);
      }
      starts.Push(Top{ss + t.ss7[side][r][db], i});
    }
    if (b & kSrcEnd) {
      float& es = v.src_end[i - lo];
      if (es == kUnset) {
        float& m6 = v.src_m6[side][db];
        if (m6 == kUnset) m6 = sw(H(v.src_q6[side], U(db)));
        es = t.se1[side][db] + sw(H(H(t.se5p[side], x.h(i + 1)), U(db))) + m6 +
             Cached(v, v.cache_se, side, i, 3);
      }
      ends.Push(Top{es + t.se9[side][r][db], i});
    }
  }
  float best_score = v.src_none_base + v.src_none_r[nr];
  TSpan best;
  constexpr float kUnsetPair = std::numeric_limits<float>::infinity();
  const size_t max_len =
      static_cast<size_t>(std::max(lim.source_max_tokens, 0));
  for (const Top& bt : starts) {
    const int b = bt.pos;
    const int side_b = b < cue.b ? 0 : 1;
    const uint64_t hb = v.h[b];
    const uint8_t cb = v.cls[b];
    for (const Top& et : ends) {
      const int e = et.pos;
      if (e < b || e - b >= lim.source_max_tokens) continue;
      if (blocked_before[e - lo + 1] != blocked_before[b - lo]) continue;
      if (lim.source_not_lone_ly_adverb && e == b &&
          IsLowerLyAdverb(*v.doc, b)) {
        continue;  // see model.cc
      }
      // SourcePairFeats, from the tables. Contiguous spans never straddle
      // the cue, so the side of e is the side of b. The pair score depends
      // only on (cue, b, e): memoized per cue across the contents.
      float& pair = v.src_pair[static_cast<size_t>(b - lo) * max_len + (e - b)];
      if (pair == kUnsetPair) {
        const int side = side_b;
        int len = LenBucket(e - b + 1);
        int commas = Clip(v.pc[e + 1] - v.pc[b], 0, 3);
        uint8_t ce = v.cls[e];
        pair = t.sp1[side][len] + t.sp2[side][commas][ce] +
               t.sp3[side][cb][ce][len] + sw(H(H(t.sp4p[side], hb), U(len))) +
               sw(H(H(t.sp5p[side], hb), v.h[e])) + t.sp6[side][commas][len];
      }
      float sc = bt.score + et.score + pair;
      if (sc > best_score) {
        best_score = sc;
        best = TSpan{b, e};
      }
    }
  }
  v.src_memo.push_back(DocView::SourceMemo{mcb, mce, nr, best, best_score});
  if (score != nullptr) *score = best_score;
  return best;
}

}  // namespace attribution
}  // namespace whosaid
