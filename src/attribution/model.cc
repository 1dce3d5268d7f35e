// The feature builders of AttributionModel (CueFeats, the content and
// source boundary, pair and "no source" features, by part) and the reference
// decoders that score them by hashing (DecodeContent, DecodeSource; the
// trainer's, whose weights change), with the candidate windows and the token
// score cache (Cached) that the fast decoders (fast_spans.cc) share. The
// per-document view is built in doc_view.cc, the model file read and written
// in model_io.cc.
#include "src/attribution/model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "src/attribution/feature_util.h"
#include "src/attribution/source_span.h"

namespace whosaid {
namespace attribution {
using namespace internal;  // NOLINT: the feature helpers

bool AttributionModel::MayStartCue(uint64_t h) const {
  return cue_vocab.Has(h);
}

void AttributionModel::CueFeats(const DocView& v, int i, int prev, int sb,
                                int se, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kCueBits) - 1;
  f->clear();
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
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
  add(H(1, w));
  add(H(2, w, prev));
  add(H(3, x.h(i - 1)));
  add(H(4, x.h(i + 1)));
  add(H(5, x.h(i - 1), w));
  add(H(6, w, x.h(i + 1)));
  add(H(7, x.h(i - 2)));
  add(H(8, x.h(i + 2)));
  add(H(9, SuffixHash(v, i)));
  add(H(10, x.c(i - 1), x.c(i), x.c(i + 1)));
  add(H(11, x.q(i), w));
  add(H(12, prev));
  add(H(13, flags));
  add(H(14, w, flags));
  add(H(15, prev, x.c(i)));
  add(H(16, w, i == sb));
  add(H(17, x.q(i), prev));
  add(H(18, w, capleft));
  add(H(19, x.h(i - 1), prev));
  add(H(20, SuffixHash(v, i), flags));
  add(H(21, x.c(i), flags, capleft));
  // The stem is hashed here, for candidates only (not for every token).
  const uint64_t stem = StemHash(v.doc->TokenText(i));
  add(H(22, stem));
  add(H(23, stem, flags));
  add(H(24, stem, prev));
  add(H(25, w, x.c(i - 1), x.c(i + 1)));
  add(H(26, w, squote));
  add(H(27, stem, x.h(i - 1)));
  add(H(28, w, x.c(i - 2), x.c(i - 1)));
}

void AttributionModel::ContentWindow(const DocView& v, TSpan cue,
                                     const DecodeLimits& lim, int* lo,
                                     int* hi) const {
  // The cue's sentence, extended over neighbouring sentences only while a
  // quotation runs across the boundary.
  const Document& d = *v.doc;
  int ns = static_cast<int>(d.sentences.size());
  int s0 = static_cast<int>(v.sent[cue.b]);
  int s1 = static_cast<int>(v.sent[cue.e]);
  // A cue near the start (end) of its sentence may report the previous
  // (next) sentence.
  bool free_before = cue.b - static_cast<int>(d.sentences[s0].token_begin) <=
                     lim.content_free_edge;
  bool free_after = static_cast<int>(d.sentences[s1].token_end) - 1 - cue.e <=
                    lim.content_free_edge;
  for (int k = 0; s0 > 0; ++k) {
    int first = d.sentences[s0].token_begin;
    bool continues = v.inq[first] && v.cls[first] != kOpenQuote;
    if (!continues && !(k == 0 && free_before)) break;
    if (k >= lim.content_sentences_before &&
        (!continues ||
         k >= lim.content_sentences_before +
                  lim.content_quote_sentences_before ||
         first < cue.b - lim.content_max_side_tokens ||
         d.sentences[s0 - 1].paragraph !=
             d.sentences[v.sent[cue.b]].paragraph)) {
      break;
    }
    --s0;
  }
  for (int k = 0; k < lim.content_sentences_after && s1 + 1 < ns; ++k) {
    int last = static_cast<int>(d.sentences[s1].token_end) - 1;
    bool continues = v.inq[last] && v.cls[last] != kCloseQuote;
    if (!continues && !(k == 0 && free_after)) break;
    ++s1;
  }
  *lo = std::max<int>(d.sentences[s0].token_begin,
                      cue.b - lim.content_max_side_tokens);
  *hi = std::min<int>(static_cast<int>(d.sentences[s1].token_end) - 1,
                      cue.e + lim.content_max_side_tokens);
}

void AttributionModel::ContentStartTok(const DocView& v, int side, int s,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 100 + side;
  add(H(t, 2, x.h(s)));
  add(H(t, 3, x.h(s - 1)));
  add(H(t, 4, x.c(s - 1), x.c(s)));
  add(H(t, 7, v.sstart[s], v.pstart[s]));
  add(H(t, 8, x.q(s - 1) * 2 + x.q(s), x.c(s)));
  add(H(t, 11, x.h(s - 1), x.h(s)));
  add(H(t, 13, x.h(s - 2), x.h(s - 1)));
  add(H(t, 14));
  add(H(t, 16, x.c(s - 2), x.c(s - 1), x.c(s)));
}

void AttributionModel::ContentStartRel(const DocView& v, TSpan c, int s,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = s < c.b ? 0 : 1;
  int d = side == 0 ? s - c.b : s - c.e;
  int db = DistBucket(d);
  uint64_t t = 100 + side;
  int ds =
      Clip(static_cast<int>(v.sent[s]) - static_cast<int>(v.sent[c.b]), -3, 3);
  add(H(t, 1, db));
  add(H(t, 5, x.c(s - 1), x.c(s), db));
  add(H(t, 6, x.h(s - 1), db));
  add(H(t, 9, x.h(c.e), db));
  add(H(t, 10, x.h(c.e), x.h(s - 1)));
  add(H(t, 12, ds, v.sstart[s]));
}

void AttributionModel::ContentEndTok(const DocView& v, int side, int e,
                                     Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 200 + side;
  add(H(t, 2, x.h(e)));
  add(H(t, 3, x.h(e + 1)));
  add(H(t, 4, x.c(e), x.c(e + 1)));
  add(H(t, 5, x.c(e), x.c(e + 1), x.c(e + 2)));
  add(H(t, 7, v.send[e], v.pend[e]));
  add(H(t, 8, x.q(e) * 2 + x.q(e + 1), x.c(e + 1)));
  add(H(t, 10, x.h(e), x.h(e + 1)));
  add(H(t, 11, x.h(e + 1), x.h(e + 2)));
  add(H(t, 13, x.c(e + 1), e + 1 < x.n ? v.send[e + 1] : 1));
  add(H(t, 15, x.c(e - 1), x.c(e), x.c(e + 1)));
  add(H(t, 16));
}

void AttributionModel::ContentEndRel(const DocView& v, TSpan c, int e,
                                     Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  int d = side == 0 ? e - c.b : e - c.e;
  int db = DistBucket(d);
  uint64_t t = 200 + side;
  int ds =
      Clip(static_cast<int>(v.sent[e]) - static_cast<int>(v.sent[c.b]), -3, 3);
  add(H(t, 1, db));
  add(H(t, 6, x.h(e + 1), db));
  add(H(t, 9, x.h(c.e), db));
  add(H(t, 12, ds, v.send[e]));
  add(H(t, 14, x.h(c.b), x.c(e + 1)));
}

void AttributionModel::ContentStartFeats(const DocView& v, TSpan c, int s,
                                         Feats* f) const {
  ContentStartTok(v, s < c.b ? 0 : 1, s, f);
  ContentStartRel(v, c, s, f);
}

void AttributionModel::ContentEndFeats(const DocView& v, TSpan c, int e,
                                       Feats* f) const {
  ContentEndTok(v, e < c.b ? 0 : 1, e, f);
  ContentEndRel(v, c, e, f);
}

void AttributionModel::ContentPairFeats(const DocView& v, TSpan c, int s, int e,
                                        Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kContentBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int t = e < c.b ? 0 : s > c.e ? 1 : 2;
  uint64_t T = 300 + t;
  int len = e - s + 1;
  int sents = Clip(static_cast<int>(v.sent[e] - v.sent[s]), 0, 5);
  int paras = Clip(static_cast<int>(v.para[e] - v.para[s]), 0, 3);
  int opens = v.qo[e + 1] - v.qo[s];
  int closes = v.qc[e + 1] - v.qc[s];
  int bal = Clip(opens - closes, -2, 2);
  int gap = t == 0 ? c.b - e - 1 : t == 1 ? s - c.e - 1 : 0;
  add(H(T, 1, LenBucket(len)));
  add(H(T, 2, sents));
  add(H(T, 3, paras));
  add(H(T, 4, bal, x.c(s) == kOpenQuote, x.c(e) == kCloseQuote));
  add(H(T, 5, Clip(gap, 0, 8)));
  add(H(T, 6, v.sstart[s], v.send[e]));
  add(H(T, 7, x.q(s), x.q(e)));
  add(H(T, 8, Clip(opens, 0, 3), Clip(closes, 0, 3)));
  add(H(T, 9, sents, v.send[e], x.c(e + 1)));
  // A "that" inside the span's head suggests the content starts there.
  int head_end = std::min(e, s + 15);
  int thats = head_end > s ? v.thatc[head_end + 1] - v.thatc[s + 1] : 0;
  add(H(T, 10, Clip(thats, 0, 2), Clip(gap, 0, 4)));
  add(H(T, 11, x.h(e)));
  add(H(T, 12, x.c(s), x.c(e), x.c(e + 1)));
  add(H(T, 13, x.h(s), Clip(thats, 0, 1)));
  // Quotation pairing: does the span close the quotation it opens (and
  // open the one it closes)?
  int open_rel = 0, close_rel = 0;
  if (x.c(s) == kOpenQuote) {
    int mc = s + 1 < x.n ? v.next_close[s + 1] : x.n;
    open_rel = e == mc ? 1 : e < mc ? 2 : 3;
  }
  if (x.c(e) == kCloseQuote) {
    int po = e > 0 ? v.prev_open[e - 1] : -1;
    close_rel = s == po ? 1 : s > po ? 2 : 3;
  }
  add(H(T, 14, open_rel, close_rel));
  add(H(T, 15, open_rel, x.c(e), x.c(e + 1)));
  // The last clause break inside the span and the word after it: a span
  // that runs on past ", but", ", according to" or " -- " to the sentence
  // end (or stops before a ", which" clause that the content includes).
  // Only for contents after the cue: before it (and around it) the
  // breaks are those of a quotation and its attribution.
  int lb = t == 1 && e > s ? v.prev_break[e - 1] : -1;
  if (lb > s) {
    add(H(T, 16, x.c(lb), x.h(lb + 1), v.send[e]));
  } else if (t == 1) {
    add(H(T, 17, v.send[e]));
  }
  // Cue-vocabulary words inside the span (a second report: "..., he
  // said", "and warned that ...").
  if (v.cuec.size() != v.size() + 1) FillCueCount(v);
  int cues_in = e > s ? v.cuec[e + 1] - v.cuec[s + 1] : 0;
  if (t == 2) cues_in -= v.cuec[c.e + 1] - v.cuec[c.b];  // not the cue
  add(H(T, 18, Clip(cues_in, 0, 2), sents, v.send[e]));
  // Strong cue words inside (a span over "..., he said" or "told" holds a
  // second report more surely than one over "expected").
  int strong_in = e > s ? v.cuesc[e + 1] - v.cuesc[s + 1] : 0;
  if (t == 2) strong_in -= v.cuesc[c.e + 1] - v.cuesc[c.b];
  add(H(T, 19, Clip(strong_in, 0, 2), Clip(cues_in, 0, 2), v.send[e]));
}

void AttributionModel::FillCueCount(const DocView& v) const {
  const size_t n = v.size();
  const bool bits = v.wbits.size() == n;
  v.cuec.assign(n + 1, 0);
  v.cuesc.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    bool cue = bits ? (v.wbits[i] & 1) != 0 : cue_vocab.Has(v.h[i]);
    bool strong = bits ? (v.wbits[i] & 32) != 0 : cue_strong.Has(v.h[i]);
    v.cuec[i + 1] = v.cuec[i] + cue;
    v.cuesc[i + 1] = v.cuesc[i] + strong;
  }
}

void AttributionModel::SourceStartTok(const DocView& v, int side, int b,
                                      Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 400 + side;
  add(H(t, 2, x.h(b)));
  add(H(t, 3, x.h(b - 1)));
  add(H(t, 4, x.c(b - 1), x.c(b)));
  add(H(t, 6, v.sstart[b], x.c(b)));
  add(H(t, 9, x.h(b - 1), x.h(b)));
  add(H(t, 11));
  add(H(t, 12, x.q(b), x.c(b)));
  add(H(t, 13, SuffixHash(v, b), x.c(b)));
}

void AttributionModel::SourceStartRel(const DocView& v, TSpan c, TSpan ct,
                                      int b, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = b < c.b ? 0 : 1;
  int d = side == 0 ? b - c.b : b - c.e;
  int db = DistBucket(d);
  int r = ct.none() ? 0 : b < ct.b ? 1 : 2;
  uint64_t t = 400 + side;
  add(H(t, 1, db));
  add(H(t, 5, x.h(b - 1), db));
  add(H(t, 7, r, db));
  add(H(t, 8, x.h(c.b), db));
  add(H(t, 10, x.c(b), db));
}

void AttributionModel::SourceEndTok(const DocView& v, int side, int e,
                                    Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 500 + side;
  add(H(t, 2, x.h(e)));
  add(H(t, 3, x.h(e + 1)));
  add(H(t, 4, x.c(e), x.c(e + 1)));
  add(H(t, 7, x.c(e), x.c(e + 1), x.c(e + 2)));
  add(H(t, 8, x.h(e), x.h(e + 1)));
  add(H(t, 10, SuffixHash(v, e), x.c(e + 1)));
  add(H(t, 11));
  add(H(t, 12, x.q(e), x.c(e)));
}

void AttributionModel::SourceEndRel(const DocView& v, TSpan c, TSpan ct, int e,
                                    Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  int d = side == 0 ? e - c.b : e - c.e;
  int db = DistBucket(d);
  int r = ct.none() ? 0 : e < ct.b ? 1 : 2;
  uint64_t t = 500 + side;
  add(H(t, 1, db));
  add(H(t, 5, x.h(e + 1), db));
  add(H(t, 6, x.h(c.b), db));
  add(H(t, 9, r, db));
}

void AttributionModel::SourceStartFeats(const DocView& v, TSpan c, TSpan ct,
                                        int b, Feats* f) const {
  SourceStartTok(v, b < c.b ? 0 : 1, b, f);
  SourceStartRel(v, c, ct, b, f);
}

void AttributionModel::SourceEndFeats(const DocView& v, TSpan c, TSpan ct,
                                      int e, Feats* f) const {
  SourceEndTok(v, e < c.b ? 0 : 1, e, f);
  SourceEndRel(v, c, ct, e, f);
}

void AttributionModel::SourcePairFeats(const DocView& v, TSpan c, TSpan ct,
                                       int b, int e, Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  int side = e < c.b ? 0 : 1;
  uint64_t t = 600 + side;
  int len = LenBucket(e - b + 1);
  int commas = Clip(v.pc[e + 1] - v.pc[b], 0, 3);
  add(H(t, 1, len));
  add(H(t, 2, commas, x.c(e)));
  add(H(t, 3, x.c(b), x.c(e), len));
  add(H(t, 4, x.h(b), len));
  add(H(t, 5, x.h(b), x.h(e)));
  add(H(t, 6, commas, len));
}

void AttributionModel::SourceNoneFeats(const DocView& v, TSpan c, TSpan ct,
                                       Feats* f) const {
  Ctx x{v, static_cast<int>(v.size())};
  const uint32_t mask = (1u << kSourceBits) - 1;
  auto add = [&](uint64_t k) { f->push_back(static_cast<uint32_t>(k) & mask); };
  uint64_t t = 700;
  int r = ct.none() ? 0 : ct.e < c.b ? 1 : ct.b > c.e ? 2 : 3;
  add(H(t, 1));
  add(H(t, 2, x.h(c.b)));
  add(H(t, 3, x.h(c.e)));
  add(H(t, 4, x.c(c.b - 1), v.sstart[c.b]));
  add(H(t, 5, x.h(c.b - 1)));
  add(H(t, 6, r));
  add(H(t, 7, x.h(c.b), x.h(c.e)));
  add(H(t, 8, x.h(c.b), r));
}

float AttributionModel::Cached(const DocView& v, std::vector<float>& cache,
                               int side, int i, int which) const {
  size_t k = size_t{2} * i + side;
  if (v.use_cache && k < cache.size() && !std::isnan(cache[k])) {
    return cache[k];
  }
  Feats f;
  float sc = 0;
  if (fast_ != nullptr) {
    sc = TokFast(v, side, i, which);
  } else {
    switch (which) {
      case 0:
        ContentStartTok(v, side, i, &f);
        sc = Score(content_w, f);
        break;
      case 1:
        ContentEndTok(v, side, i, &f);
        sc = Score(content_w, f);
        break;
      case 2:
        SourceStartTok(v, side, i, &f);
        sc = Score(source_w, f);
        break;
      default:
        SourceEndTok(v, side, i, &f);
        sc = Score(source_w, f);
        break;
    }
  }
  if (v.use_cache) {
    if (cache.size() < 2 * v.size()) {
      cache.assign(2 * v.size(), std::numeric_limits<float>::quiet_NaN());
    }
    cache[k] = sc;
  }
  return sc;
}

TSpan AttributionModel::DecodeContent(const DocView& v, TSpan cue,
                                      const DecodeLimits& lim,
                                      std::vector<Scored>* nbest, TSpan speaker,
                                      bool before_cue) const {
  if (nbest != nullptr) nbest->clear();
  int lo, hi;
  ContentWindow(v, cue, lim, &lo, &hi);
  std::vector<Top> starts, ends;
  starts.reserve(hi - lo + 1);
  ends.reserve(hi - lo + 1);
  Feats f;
  f.reserve(32);
  for (int i = lo; i <= hi; ++i) {
    if (i >= cue.b && i <= cue.e) continue;
    int side = i < cue.b ? 0 : 1;
    if (StartCandidate(v, cue, i)) {
      f.clear();
      ContentStartRel(v, cue, i, &f);
      float ss = Score(content_w, f) + Cached(v, v.cache_cs, side, i, 0);
      starts.push_back(Top{ss, i});
    }
    if (EndCandidate(v, cue, i)) {
      f.clear();
      ContentEndRel(v, cue, i, &f);
      float es = Score(content_w, f) + Cached(v, v.cache_ce, side, i, 1);
      ends.push_back(Top{es, i});
    }
  }
  TopK(starts, lim.top_k);
  TopK(ends, lim.top_k);
  TSpan best;
  float best_score = 0;
  bool have = false;
  for (const Top& s : starts) {
    for (const Top& e : ends) {
      if (e.pos < s.pos) continue;
      bool before = e.pos<cue.b, after = s.pos> cue.e;
      bool around = s.pos < cue.b && e.pos > cue.e;
      if (!before && !after && !around) continue;
      if (!OwnSpeakerOk(cue, speaker, s.pos, e.pos, before_cue)) continue;
      if (!ContentAllowed(v, lim, s.pos, e.pos)) continue;
      f.clear();
      ContentPairFeats(v, cue, s.pos, e.pos, &f);
      float sc = s.score + e.score + Score(content_w, f);
      if (!have || sc > best_score) {
        have = true;
        best_score = sc;
        best = TSpan{s.pos, e.pos};
      }
      if (nbest != nullptr) {
        // Keep the n best (score descending) by insertion.
        Scored cand{sc, TSpan{s.pos, e.pos}};
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

bool AttributionModel::SourceBlocked(const DocView& v, TSpan cue, TSpan ct,
                                     int i) const {
  if (i >= cue.b && i <= cue.e) return true;
  if (ct.none() || i < ct.b || i > ct.e) return false;
  // A content around its cue ("“A,” she said, “B.”") leaves the unquoted
  // tokens near the cue free for the source.
  bool around = ct.b < cue.b && ct.e > cue.e;
  return !around || v.inq[i];
}

TSpan AttributionModel::DecodeSource(const DocView& v, TSpan cue, TSpan ct,
                                     const DecodeLimits& lim,
                                     float* score) const {
  const Sentence& s = v.doc->sentences[v.sent[cue.b]];
  int lo = std::max<int>(s.token_begin, cue.b - lim.source_window);
  int hi = std::min<int>(static_cast<int>(s.token_end) - 1,
                         cue.e + lim.source_window);
  std::vector<Top> starts, ends;
  std::vector<int> blocked_before(hi - lo + 2, 0);
  Feats f;
  f.reserve(32);
  for (int i = lo; i <= hi; ++i) {
    bool blocked = SourceBlocked(v, cue, ct, i);
    blocked_before[i - lo + 1] = blocked_before[i - lo] + blocked;
    if (blocked) continue;
    int side = i < cue.b ? 0 : 1;
    if (SourceStartOk(v, i)) {
      f.clear();
      SourceStartRel(v, cue, ct, i, &f);
      float ss = Score(source_w, f) + Cached(v, v.cache_ss, side, i, 2);
      starts.push_back(Top{ss, i});
    }
    if (SourceEndOk(v, i)) {
      f.clear();
      SourceEndRel(v, cue, ct, i, &f);
      float es = Score(source_w, f) + Cached(v, v.cache_se, side, i, 3);
      ends.push_back(Top{es, i});
    }
  }
  TopK(starts, lim.top_k);
  TopK(ends, lim.top_k);
  f.clear();
  SourceNoneFeats(v, cue, ct, &f);
  float best_score = Score(source_w, f);
  TSpan best;
  for (const Top& b : starts) {
    for (const Top& e : ends) {
      if (e.pos < b.pos || e.pos - b.pos >= lim.source_max_tokens) continue;
      // Contiguous: no cue or content token inside.
      if (blocked_before[e.pos - lo + 1] != blocked_before[b.pos - lo]) {
        continue;
      }
      // A lone adverb in "-ly" is no speaker ("Ida Hale, the mayor,
      // forcefully told"): TrimSourceEnd cuts one that ends a longer
      // span, but cannot cut the whole span.
      if (lim.source_not_lone_ly_adverb && e.pos == b.pos &&
          IsLowerLyAdverb(*v.doc, b.pos)) {
        continue;
      }
      f.clear();
      SourcePairFeats(v, cue, ct, b.pos, e.pos, &f);
      float sc = b.score + e.score + Score(source_w, f);
      if (sc > best_score) {
        best_score = sc;
        best = TSpan{b.pos, e.pos};
      }
    }
  }
  if (score != nullptr) *score = best_score;
  return best;
}

}  // namespace attribution
}  // namespace whosaid
