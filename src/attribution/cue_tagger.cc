// The cue tagger of AttributionModel: Viterbi decoding of a sentence's
// O/B/I cue labels (TagCues, CueLabels), with max-marginal cue margins and
// the rescue pass for sentences left without a cue. Split from model.cc;
// the features are CueFeats / CueScoreFast there and in fast_cue.cc.
#include <algorithm>
#include <limits>
#include <vector>

#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"

namespace whosaid {
namespace attribution {
using namespace internal;  // NOLINT: the feature helpers
namespace {

// Viterbi decoding of the O/B/I labels of tokens [sb, se) (format v7; v6
// tagged greedily, left to right): a token after an O that may not start
// a cue is O unscored; I only follows B or I; the scores of a token depend
// on the previous label (first order). Calls emit(b, e, margin) for
// each cue on the best path (cut at kMaxCueTokens) and reports the best
// O-labelled cue start after an O (for the rescue pass).
template <typename May, typename Score, typename Emit>
void ViterbiCuesImpl(const DocView& v, int sb, int se, float bias, May may,
                     Score score, int* rescue_pos, float* rescue_margin,
                     Emit emit) {
  const int len = se - sb;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  v.vit_d.assign(size_t(len + 1) * 3, kNeg);
  v.vit_b.assign(size_t(len) * 3, 0);
  v.vit_m.assign(size_t(len), 0);
  v.vit_sc.resize(size_t(len) * 9);  // written before it is read
  float* d = v.vit_d.data();
  d[kO] = 0;
  for (int k = 0; k < len; ++k) {
    const int i = sb + k;
    const float* dp = d + k * 3;
    float* dc = d + (k + 1) * 3;
    int8_t* bk = v.vit_b.data() + k * 3;
    const bool may_i = may(i);
    if (!may_i && dp[kB] == kNeg && dp[kI] == kNeg) {
      // Outside any cue, a word that may not start one: O, unscored (most
      // tokens).
      dc[kO] = dp[kO];
      bk[kO] = kO;
      v.vit_m[k] = 0;
      continue;
    }
    // The previous labels to score this token after (all scored at once).
    int prevs = 0;
    for (int p = 0; p < kCueLabels; ++p) {
      if (dp[p] != kNeg && !(p == kO && !may_i)) prevs |= 1 << p;
    }
    v.vit_m[k] = static_cast<uint8_t>(prevs);
    float* sc = v.vit_sc.data() + k * 9;
    for (int p = 0; p < kCueLabels; ++p) {
      if ((prevs >> p & 1) == 0) continue;
      sc[p * 3 + kO] = 0;
      sc[p * 3 + kB] = bias;
      sc[p * 3 + kI] = 0;
    }
    if (prevs != 0) score(i, prevs, sc);
    for (int p = 0; p < kCueLabels; ++p) {
      if (dp[p] == kNeg) continue;
      if ((prevs >> p & 1) == 0) {  // after O, a word that may not start
        if (dp[kO] > dc[kO]) {
          dc[kO] = dp[kO];
          bk[kO] = kO;
        }
        continue;
      }
      for (int l = 0; l < kCueLabels; ++l) {
        if (l == kI && p == kO) continue;
        float val = dp[p] + sc[p * 3 + l];
        if (val > dc[l]) {
          dc[l] = val;
          bk[l] = static_cast<int8_t>(p);
        }
      }
    }
    // Beam: a cue state far below the best one is dropped (the words after
    // it are then not scored after it; most tokens of a sentence may start
    // a cue, and almost none of them does).
    const float floor = std::max(dc[kO], std::max(dc[kB], dc[kI])) - kCueBeam;
    if (dc[kB] < floor) dc[kB] = kNeg;
    if (dc[kI] < floor) dc[kI] = kNeg;
  }
  // Back-track (O wins ties).
  int l = kO;
  const float* dl = d + len * 3;
  if (dl[kB] > dl[l]) l = kB;
  if (dl[kI] > dl[l]) l = kI;
  std::vector<int8_t>& lab = v.vit_b;  // reuse: labels overwrite column 0
  for (int k = len - 1; k >= 0; --k) {
    int p = lab[k * 3 + l];
    lab[k * 3] = static_cast<int8_t>(l);
    l = p;
  }
  // The rescue candidate is needed only for a sentence without a cue.
  bool has_cue = false;
  for (int k = 0; k < len && !has_cue; ++k) has_cue = lab[k * 3] == kB;
  // Max-marginals (best path through label l at token k) from a backward
  // pass over the stored scores: a cue's margin is how much the best path
  // loses without it, which ranks cues in the overlap resolution and picks
  // the rescue candidate.
  v.vit_be.assign(size_t(len + 1) * 3, 0.f);
  float* be = v.vit_be.data();
  for (int k = len - 1; k >= 1; --k) {
    // be[k * 3 + l]: best score of tokens k..len-1 given label l at k-1.
    const int i = sb + k;
    for (int l = 0; l < kCueLabels; ++l) {
      float best = kNeg;
      if (l == kO && !may(i)) {
        best = be[(k + 1) * 3 + kO];
      } else if (v.vit_m[k] >> l & 1) {  // else: state l at k - 1 pruned
        const float* sc = v.vit_sc.data() + k * 9 + l * 3;
        for (int n = 0; n < kCueLabels; ++n) {
          if (n == kI && l == kO) continue;
          best = std::max(best, sc[n] + be[(k + 1) * 3 + n]);
        }
      }
      be[k * 3 + l] = best;
    }
  }
  auto marginal = [&](int k, int l) {
    const int i = sb + k;
    float best = kNeg;
    for (int p = 0; p < kCueLabels; ++p) {
      const float a = d[k * 3 + p];
      if (a == kNeg) continue;
      if (p == kO && !may(i)) {
        if (l == kO) best = std::max(best, a);
        continue;
      }
      if (l == kI && p == kO) continue;
      best = std::max(best, a + v.vit_sc[size_t(k) * 9 + p * 3 + l]);
    }
    return best + be[(k + 1) * 3 + l];
  };
  int start = -1;
  float margin = 0;
  int prev = kO;
  for (int k = 0; k <= len; ++k) {
    int lk = k < len ? static_cast<int>(lab[k * 3]) : static_cast<int>(kO);
    if (start >= 0 && (lk != kI || k - (start - sb) >= kMaxCueTokens)) {
      emit(start, sb + k - 1, margin);
      start = -1;
      if (lk == kI) lk = kO;
    }
    if (k == len) break;
    const int i = sb + k;
    if (lk == kB) {
      start = i;
      // Above the rescued cues' range (<= 0) even on a tie.
      margin = std::max(
          marginal(k, kB) - std::max(marginal(k, kO), marginal(k, kI)), 0.01f);
    } else if (!has_cue && lk == kO && prev == kO && may(i)) {
      float m = marginal(k, kB) - marginal(k, kO);
      if (*rescue_pos < 0 || m > *rescue_margin) {
        *rescue_pos = i;
        *rescue_margin = m;
      }
    }
    prev = lk;
  }
}

}  // namespace

void AttributionModel::CueScore(const DocView& v, int i, int prev, int sb,
                                int se, Feats* f, float* sc) const {
  if (fast_ != nullptr) {
    CueScoreFast(v, i, prev, sb, se, sc);
    return;
  }
  CueFeats(v, i, prev, sb, se, f);
  for (uint32_t k : *f) {
    const float* w = &cue_w[size_t{k} * kCueLabels];
    sc[0] += w[0];
    sc[1] += w[1];
    sc[2] += w[2];
  }
}

void AttributionModel::CueScorePrevs(const DocView& v, int i, int prevs, int sb,
                                     int se, Feats* f, float* sc) const {
  if (fast_ != nullptr) {
    CueScoreFastPrevs(v, i, prevs, sb, se, sc);
    return;
  }
  for (int p = 0; p < kCueLabels; ++p) {
    if (prevs >> p & 1) CueScore(v, i, p, sb, se, f, sc + p * kCueLabels);
  }
}

void AttributionModel::TagCues(const DocView& v, uint32_t sentence, float bias,
                               std::vector<TSpan>* cues,
                               std::vector<float>* margins,
                               float rescue) const {
  const Sentence& s = v.doc->sentences[sentence];
  int sb = s.token_begin, se = s.token_end;
  int start = -1;
  float start_margin = 0;
  Feats f;
  f.reserve(32);
  int last_end = sb - 1;  // end of the previous cue of this sentence
  auto close = [&](int end) {
    if (start >= 0) {
      // Words that, right before a cue, almost always belong to it in
      // training ("has", "is", "also": "has also said") extend it to the
      // left; the tagger often starts at the verb instead.
      int b = start;
      for (int k = 0; k < kMaxCueLeftWords && b - 1 > last_end &&
                      end - b + 1 < kMaxCueTokens && v.cls[b - 1] == kLower &&
                      cue_left.Has(v.h[b - 1]);
           ++k) {
        --b;
      }
      cues->push_back(TSpan{b, end});
      margins->push_back(start_margin);
      last_end = end;
    }
    start = -1;
  };
  // The fast path reads the cue-vocabulary bit of each token (one probe
  // per token for all word sets) instead of probing cue_vocab.
  const uint8_t* wb = nullptr;
  if (fast_ != nullptr) {
    if (v.wbits.size() != v.size()) FillWordBits(v);
    wb = v.wbits.data();
  }
  auto may = [&](int i) {
    return wb != nullptr ? (wb[i] & 1) != 0 : MayStartCue(v.h[i]);
  };
  auto score = [&](int i, int p, float* sc) {
    CueScore(v, i, p, sb, se, &f, sc);
  };
  // Fast path: the keys of every token that may start a cue first, with
  // their table rows prefetched, so that the Viterbi pass reads them from
  // the cache (the reads of one token no longer wait for the next one's
  // hashing). The sums are the same as CueScorePrevs' (exact).
  if (wb != nullptr) {
    v.vit_keys.resize(size_t(se - sb));
    for (int i = sb; i < se; ++i) {
      CueTokenKeys& k = v.vit_keys[size_t(i - sb)];
      if (may(i)) {
        CueKeysFast(v, i, sb, se, /*prefetch=*/true, &k);
      } else {
        k.nk = kNoCueKeys;
      }
    }
  }
  auto score_prevs = [&](int i, int prevs, float* sc) {
    if (wb != nullptr && v.vit_keys[size_t(i - sb)].nk != kNoCueKeys) {
      CueSumFast(v.vit_keys[size_t(i - sb)], prevs, sc);
    } else {
      CueScorePrevs(v, i, prevs, sb, se, &f, sc);
    }
  };
  const size_t first_cue = cues->size();
  // The best cue start the tagger turned down (for the rescue pass).
  int rescue_pos = -1;
  float rescue_margin = 0;
  ViterbiCuesImpl(
      v, sb, se, bias, may, score_prevs, &rescue_pos, &rescue_margin,
      [&](int b, int e, float margin) {
        // A strong cue word ("claimed", "said") second in a
        // path cue after a word that is not a learned cue_left
        // word ("The general claimed") starts the cue itself.
        if (e > b && !cue_left.Has(v.h[b]) && cue_strong.Has(v.h[b + 1])) {
          ++b;
        }
        start = b;
        start_margin = margin;
        close(e);
      });
  int prev = kO;
  // Rescue pass: a sentence left without any cue gets its best turned-down
  // cue start when its best path with that start labelled B came within
  // `rescue` of the best path (reported
  // speech is dense in news: most sentences of an article report
  // something). The cue then runs on greedily. Its margin (<= 0) marks it
  // as rescued for the Attributor, which keeps it only with a speaker.
  if (rescue > 0 && cues->size() == first_cue && rescue_pos >= 0 &&
      rescue_margin > -rescue) {
    start = rescue_pos;
    start_margin = rescue_margin;
    prev = kB;
    int i = rescue_pos + 1;
    // A rescued auxiliary or adverb ("has", "also": a cue_left word) is
    // the left edge of a cue whose verb the tagger turned down ("has
    // complimented"): the cue runs on over the next lowercase word.
    while (i < se && i - start < kMaxCueTokens - 1 && v.cls[i - 1] == kLower &&
           cue_left.Has(v.h[i - 1]) && v.cls[i] == kLower) {
      ++i;
      prev = kI;
    }
    for (; i < se && i - start < kMaxCueTokens; ++i) {
      float sc[kCueLabels] = {0, bias, 0};
      score(i, prev, sc);
      if (sc[kI] <= sc[kO] || sc[kI] < sc[kB]) break;
      prev = kI;
    }
    close(i - 1);
  }
}

void AttributionModel::CueLabels(const DocView& v, int sb, int se, float bias,
                                 std::vector<int8_t>* labels) const {
  Feats f;
  auto may = [&](int i) { return MayStartCue(v.h[i]); };
  auto score_prevs = [&](int i, int prevs, float* sc) {
    CueScorePrevs(v, i, prevs, sb, se, &f, sc);
  };
  int rp = -1;
  float rm = 0;
  ViterbiCuesImpl(v, sb, se, bias, may, score_prevs, &rp, &rm,
                  [](int, int, float) {});
  labels->resize(se - sb);
  for (int k = 0; k < se - sb; ++k) (*labels)[k] = v.vit_b[size_t(k) * 3];
}

}  // namespace attribution
}  // namespace whosaid
