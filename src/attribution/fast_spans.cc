// The fast content and source decoders of AttributionModel: the same
// linear models as DecodeContent / DecodeSource (model.cc), scored from the
// FastTables (fast_tables.h) and per-cue hash prefixes, with the
// cue-independent token scores ("Tok" parts) computed in prefetched batches.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "src/attribution/fast_tables.h"
#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/attribution/source_span.h"

namespace whosaid {
namespace attribution {

using namespace internal;  // NOLINT: the feature helpers

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
