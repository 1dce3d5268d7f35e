// The fast cue scorer of AttributionModel: the label scores of CueFeats
// from the FastTables (fast_tables.h), in two steps (CueKeysFast, then
// CueSumFast) so that the Viterbi tagger (cue_tagger.cc) can prefetch the
// table rows of a sentence before summing them.
#include <algorithm>
#include <cstdint>

#include "src/attribution/fast_tables.h"
#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"

namespace whosaid {
namespace attribution {

using namespace internal;  // NOLINT: the feature helpers

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

}  // namespace attribution
}  // namespace whosaid
