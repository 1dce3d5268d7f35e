// AttributionModel::Finalize, which builds the FastTables (fast_tables.h)
// from the weights, and the per-document word and candidate bits read from
// them (FillWordBits, FillCandBits).
#include "src/attribution/fast_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/base/huge_pages.h"

namespace whosaid {
namespace attribution {

using namespace internal;  // NOLINT: the feature helpers

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

}  // namespace attribution
}  // namespace whosaid
