// Tests of the fast decoders (fast_*.cc): they pick what the reference
// feature-hashing decoders pick; the cue scorer's keys computed ahead
// (CueKeysFast / CueSumFast, the Viterbi tagger's prefetch) and the token
// score caches filled ahead by the content and source decoders give exactly
// the scores of the one-at-a-time forms; a reused DocView decodes as a fresh
// one.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/attribution/model.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

std::string ModelDir() { return std::string(WHOSAID_SOURCE_DIR) + "/models"; }

Document TestDocument() {
  Document d;
  d.text =
      "“The bridge is not safe,” said Anna Berg, an engineer with the "
      "county. “We told them in May.”\n\nThe mayor said on Friday that "
      "repairs would start soon, according to a statement. Critics, "
      "however, warned that the money had run out, and residents told "
      "reporters they were worried.\n\n“It is a scandal,” he added. “Nobody "
      "listens.” Officials declined to comment, saying the review was "
      "ongoing.\n\nShe argued: the plan was too small.";
  Segment(SegmentOptions(), &d);
  return d;
}

// Keys computed ahead (with the prefetch) and summed later score every
// token after every set of previous labels exactly as CueScoreFast does
// label by label.
TEST(AttributionFastTest, CueKeysThenSumEqualsCueScoreFast) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  const Document d = TestDocument();
  attribution::DocView v;
  v.Build(d);
  constexpr int kL = attribution::kCueLabels;
  int tokens = 0;
  for (const Sentence& s : d.sentences) {
    const int sb = s.token_begin, se = s.token_end;
    for (int i = sb; i < se; ++i, ++tokens) {
      attribution::CueTokenKeys k;
      m.CueKeysFast(v, i, sb, se, /*prefetch=*/true, &k);
      for (int prevs = 1; prevs < 1 << kL; ++prevs) {
        float all[kL * kL] = {};
        m.CueSumFast(k, prevs, all);
        for (int p = 0; p < kL; ++p) {
          float want[kL] = {};
          if (prevs >> p & 1) m.CueScoreFast(v, i, p, sb, se, want);
          for (int l = 0; l < kL; ++l) {
            EXPECT_EQ(all[p * kL + l], want[l])
                << "token " << i << " prevs " << prevs << " label " << l;
          }
        }
      }
    }
  }
  EXPECT_GE(tokens, 60);
}

// The committed model, loaded for the fast decoders, and an unfinalized
// copy of its weights and word sets for the reference (slow) decoders.
void LoadFastAndSlow(attribution::AttributionModel* fast,
                     attribution::AttributionModel* slow) {
  ASSERT_TRUE(fast->Load(ModelDir() + "/attribution.bin").ok());
  slow->cue_w = fast->cue_w;
  slow->content_w = fast->content_w;
  slow->source_w = fast->source_w;
  slow->CopyWordSetsFrom(*fast);
}

// The table-driven fast decoders must pick the same spans (with the same
// scores, up to float rounding and the int16 weight quantization) as the
// reference feature-hashing decoders the trainer uses.
TEST(AttributionModelTest, FastDecodersMatchReference) {
  attribution::AttributionModel fast;
  attribution::AttributionModel slow;  // same weights, not finalized
  ASSERT_NO_FATAL_FAILURE(LoadFastAndSlow(&fast, &slow));
  const Document d = TestDocument();
  attribution::DocView vs, vf;
  vs.Build(d);
  vf.Build(d);
  attribution::DecodeLimits lim;
  std::vector<attribution::TSpan> cues;
  std::vector<float> margins;
  std::vector<attribution::TSpan> slow_cues;
  std::vector<float> slow_margins;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) {
    // With the rescue pass on (its default margin), so that it is checked
    // on both paths too.
    fast.TagCues(vf, s, 0, &cues, &margins, lim.cue_rescue);
    slow.TagCues(vs, s, 0, &slow_cues, &slow_margins, lim.cue_rescue);
  }
  ASSERT_GE(cues.size(), 6u);
  ASSERT_EQ(cues, slow_cues);
  for (size_t k = 0; k < cues.size(); ++k) {
    EXPECT_NEAR(margins[k], slow_margins[k], 2e-2);
  }
  std::vector<attribution::Scored> ns, nf;
  for (const attribution::TSpan& cue : cues) {
    attribution::TSpan cs = slow.DecodeContent(vs, cue, lim, &ns);
    attribution::TSpan cf = fast.DecodeContentFast(vf, cue, lim, &nf);
    EXPECT_EQ(cs, cf);
    ASSERT_EQ(ns.size(), nf.size());
    fast.PrepareSource(vf, cue, lim);
    for (size_t k = 0; k < ns.size(); ++k) {
      EXPECT_EQ(ns[k].span, nf[k].span);
      EXPECT_NEAR(ns[k].score, nf[k].score, 2e-2);
      float ss = 0, sf = 0;
      attribution::TSpan a = slow.DecodeSource(vs, cue, ns[k].span, lim, &ss);
      attribution::TSpan b =
          fast.DecodeSourceFast(vf, cue, ns[k].span, lim, &sf);
      EXPECT_EQ(a, b);
      EXPECT_NEAR(ss, sf, 2e-2);
    }
  }
}

// Everything the decoders return for the document `v` was built on: every
// cue, each cue's content n-best with their speakers, and all scores.
std::pair<std::vector<attribution::TSpan>, std::vector<float>> DecodeEverything(
    const attribution::AttributionModel& m, const attribution::DocView& v,
    const Document& d, const attribution::DecodeLimits& lim) {
  std::vector<attribution::TSpan> cues, spans;
  std::vector<float> margins, scores;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) {
    m.TagCues(v, s, 0, &cues, &margins, lim.cue_rescue);
  }
  std::vector<attribution::Scored> nb;
  for (const attribution::TSpan& cue : cues) {
    spans.push_back(cue);
    spans.push_back(m.DecodeContentFast(v, cue, lim, &nb));
    m.PrepareSource(v, cue, lim);
    for (const attribution::Scored& c : nb) {
      float ss = 0;
      spans.push_back(c.span);
      spans.push_back(m.DecodeSourceFast(v, cue, c.span, lim, &ss));
      scores.push_back(c.score);
      scores.push_back(ss);
    }
  }
  scores.insert(scores.end(), margins.begin(), margins.end());
  return {spans, scores};
}

// The decoders with the score caches on (filled ahead, in batches, by
// DecodeContentFast and PrepareSource) return exactly what they return
// with the caches off (every token score computed when it is needed).
TEST(AttributionFastTest, CachesFilledAheadDecodeAsWithoutCaches) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  const Document d = TestDocument();
  attribution::DecodeLimits lim;
  auto decode = [&](bool use_cache) {
    attribution::DocView v;
    v.Build(d);
    v.use_cache = use_cache;
    return DecodeEverything(m, v, d, lim);
  };
  const auto cached = decode(true);
  const auto uncached = decode(false);
  ASSERT_GE(cached.first.size(), 12u);
  EXPECT_EQ(cached.first, uncached.first);
  ASSERT_EQ(cached.second.size(), uncached.second.size());
  for (size_t k = 0; k < cached.second.size(); ++k) {
    EXPECT_EQ(cached.second[k], uncached.second[k]) << "score " << k;
  }
}

// The cues the tagger finds in every sentence of v's document.
std::vector<attribution::TSpan> TaggedCues(
    const attribution::AttributionModel& m, const attribution::DocView& v,
    const attribution::DecodeLimits& lim) {
  std::vector<attribution::TSpan> cues;
  std::vector<float> margins;
  for (uint32_t s = 0; s < v.doc->sentences.size(); ++s) {
    m.TagCues(v, s, 0, &cues, &margins, lim.cue_rescue);
  }
  return cues;
}

// The source boundary scores are cached by DecodeSourceFast for the tokens
// its content leaves open, not by PrepareSource for the whole window (a
// third of those were never read): after PrepareSource no source score is
// cached; after decoding a content, every cached score is TokFast's value
// exactly, and no token that content blocks (its own tokens; only the
// quoted ones of a content around the cue) and no cue token has one unless
// an earlier content of the same document left it open.
TEST(AttributionFastTest, SourceScoresCachedOnlyForOpenTokens) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  const Document d = TestDocument();
  attribution::DecodeLimits lim;
  attribution::DocView v;
  v.Build(d);
  const std::vector<attribution::TSpan> cues = TaggedCues(m, v, lim);
  ASSERT_GE(cues.size(), 6u);
  const int n = static_cast<int>(v.size());
  // Which (token, side) source scores (start, end) were cached before.
  std::vector<uint8_t> before(2 * n, 0);
  auto cached = [&](const std::vector<float>& c, int k) {
    return k < static_cast<int>(c.size()) && !std::isnan(c[k]);
  };
  int checked = 0;
  for (const attribution::TSpan& cue : cues) {
    std::vector<attribution::Scored> nb;
    m.DecodeContentFast(v, cue, lim, &nb);
    m.PrepareSource(v, cue, lim);
    for (int k = 0; k < 2 * n; ++k) {
      EXPECT_EQ(cached(v.cache_ss, k) || cached(v.cache_se, k), before[k] != 0)
          << "PrepareSource cached token " << k / 2;
    }
    for (const attribution::Scored& c : nb) {
      float ss = 0;
      m.DecodeSourceFast(v, cue, c.span, lim, &ss);
      const bool around = c.span.b < cue.b && c.span.e > cue.e;
      for (int i = 0; i < n; ++i) {
        const int side = i < cue.b ? 0 : 1;
        const int k = 2 * i + side;
        const bool blocked =
            (i >= cue.b && i <= cue.e) ||
            (i >= c.span.b && i <= c.span.e && (!around || v.inq[i]));
        for (int which = 2; which <= 3; ++which) {
          const std::vector<float>& cache =
              which == 2 ? v.cache_ss : v.cache_se;
          if (!cached(cache, k)) continue;
          EXPECT_EQ(cache[k], m.TokFast(v, side, i, which)) << "token " << i;
          ++checked;
          if (blocked) {
            EXPECT_TRUE(before[k]) << "blocked token " << i << " cached";
          }
        }
      }
      for (int k = 0; k < 2 * n; ++k) {
        before[k] = cached(v.cache_ss, k) || cached(v.cache_se, k);
      }
    }
  }
  EXPECT_GE(checked, 20);
}

// The decoders' per-cue scratch (the content decoder's memos and top-k
// buffers, PrepareSource's per-cue tables and source memos) carries nothing
// from one cue to the next: decoding the cues in reverse order on one
// DocView gives, cue by cue, exactly the spans and scores of the forward
// order.
TEST(AttributionFastTest, CueOrderDoesNotChangeDecodes) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  const Document d = TestDocument();
  attribution::DecodeLimits lim;
  attribution::DocView v;
  v.Build(d);
  const std::vector<attribution::TSpan> cues = TaggedCues(m, v, lim);
  ASSERT_GE(cues.size(), 6u);
  struct Decoded {
    std::vector<attribution::TSpan> spans;
    std::vector<float> scores;
  };
  auto decode = [&](const attribution::TSpan& cue) {
    Decoded out;
    std::vector<attribution::Scored> nb;
    out.spans.push_back(m.DecodeContentFast(v, cue, lim, &nb));
    m.PrepareSource(v, cue, lim);
    for (const attribution::Scored& c : nb) {
      float ss = 0;
      out.spans.push_back(c.span);
      out.spans.push_back(m.DecodeSourceFast(v, cue, c.span, lim, &ss));
      out.scores.push_back(c.score);
      out.scores.push_back(ss);
    }
    return out;
  };
  std::vector<Decoded> forward;
  for (const attribution::TSpan& cue : cues) forward.push_back(decode(cue));
  for (size_t k = cues.size(); k-- > 0;) {
    const Decoded again = decode(cues[k]);
    EXPECT_EQ(again.spans, forward[k].spans) << "cue " << k;
    EXPECT_EQ(again.scores, forward[k].scores) << "cue " << k;
  }
}

// A content around its cue may not hold (a part of) the speaker it is
// decoded without ("the bakery announced on Tuesday" with speaker "the
// bakery"); contents before or after the cue, or without a speaker, are not
// touched.
TEST(AttributionModelTest, OwnSpeakerOkRejectsOnlyAroundContentsWithIt) {
  const attribution::TSpan cue{12, 12}, speaker{10, 11};
  EXPECT_FALSE(attribution::OwnSpeakerOk(cue, speaker, 10, 15));
  EXPECT_FALSE(attribution::OwnSpeakerOk(cue, speaker, 0, 15));
  EXPECT_FALSE(attribution::OwnSpeakerOk(cue, speaker, 11, 15));  // part
  EXPECT_TRUE(attribution::OwnSpeakerOk({5, 5}, speaker, 0, 9));
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, speaker, 0, 11));   // before
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, speaker, 13, 15));  // after
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, {}, 10, 15));
}

// With `before_cue` ("Fares will rise, the operator told investors on
// Friday": what was said precedes the speaker) a content after the cue is
// left out as well; before contents stay, and nothing is left out without a
// speaker.
TEST(AttributionModelTest, OwnSpeakerOkBeforeCueLeavesOutAfterContents) {
  const attribution::TSpan cue{12, 12}, speaker{10, 11};
  EXPECT_FALSE(attribution::OwnSpeakerOk(cue, speaker, 13, 15, true));
  EXPECT_FALSE(attribution::OwnSpeakerOk(cue, speaker, 10, 15, true));
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, speaker, 0, 8, true));
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, speaker, 0, 11, true));
  EXPECT_TRUE(attribution::OwnSpeakerOk(cue, {}, 13, 15, true));
}

// Given the speaker, neither decoder ranks a content around the cue that
// holds it among its n best (which without it do hold one), and both keep
// the same n best.
TEST(AttributionModelTest, DecodersLeaveOutContentsHoldingTheSpeaker) {
  attribution::AttributionModel fast;
  attribution::AttributionModel slow;  // same weights, not finalized
  ASSERT_NO_FATAL_FAILURE(LoadFastAndSlow(&fast, &slow));
  Document d;
  d.text =
      "Bread sales rose 12 percent to 4,000 loaves in March, the bakery "
      "announced on Tuesday in a statement to its customers.";
  Segment(SegmentOptions(), &d);
  int announced = -1;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (d.TokenText(i) == "announced") announced = static_cast<int>(i);
  }
  ASSERT_GE(announced, 2);
  const attribution::TSpan cue{announced, announced};
  const attribution::TSpan bakery{announced - 2, announced - 1};
  attribution::DecodeLimits lim;
  lim.content_nbest = 200;
  auto decode = [&](const attribution::AttributionModel& m,
                    attribution::TSpan speaker) {
    attribution::DocView v;
    v.Build(d);
    std::vector<attribution::Scored> nb;
    if (&m == &fast) {
      m.DecodeContentFast(v, cue, lim, &nb, speaker);
    } else {
      m.DecodeContent(v, cue, lim, &nb, speaker);
    }
    std::vector<attribution::TSpan> spans;
    for (const attribution::Scored& c : nb) spans.push_back(c.span);
    return spans;
  };
  auto holding = [&](const std::vector<attribution::TSpan>& spans) {
    int k = 0;
    for (attribution::TSpan c : spans) {
      k += !attribution::OwnSpeakerOk(cue, bakery, c.b, c.e);
    }
    return k;
  };
  const auto free_slow = decode(slow, {}), free_fast = decode(fast, {});
  EXPECT_EQ(free_slow, free_fast);
  EXPECT_GT(holding(free_fast), 0);
  const auto slow_spans = decode(slow, bakery),
             fast_spans = decode(fast, bakery);
  ASSERT_FALSE(fast_spans.empty());
  EXPECT_EQ(slow_spans, fast_spans);
  EXPECT_EQ(holding(fast_spans), 0);
  EXPECT_EQ(fast_spans.size() + holding(free_fast), free_fast.size());
  // Before the cue only: the same in both decoders, and no content after it.
  std::vector<attribution::Scored> nb_slow, nb_fast;
  {
    attribution::DocView v;
    v.Build(d);
    slow.DecodeContent(v, cue, lim, &nb_slow, bakery, true);
  }
  {
    attribution::DocView v;
    v.Build(d);
    fast.DecodeContentFast(v, cue, lim, &nb_fast, bakery, true);
  }
  ASSERT_FALSE(nb_fast.empty());
  ASSERT_EQ(nb_slow.size(), nb_fast.size());
  for (size_t k = 0; k < nb_fast.size(); ++k) {
    EXPECT_EQ(nb_slow[k].span, nb_fast[k].span);
    EXPECT_LT(nb_fast[k].span.b, cue.b);
    EXPECT_TRUE(attribution::OwnSpeakerOk(cue, bakery, nb_fast[k].span.b,
                                          nb_fast[k].span.e));
  }
}

// The lone "-ly" speaker rule is an option (the trainer turns it off) that
// both source decoders honour alike: on, "forcefully" alone is never the
// speaker of "told"; off, the committed model takes it.
TEST(AttributionModelTest, LoneLyAdverbRuleIsAnOptionOfBothSourceDecoders) {
  attribution::AttributionModel fast;
  attribution::AttributionModel slow;  // same weights, not finalized
  ASSERT_NO_FATAL_FAILURE(LoadFastAndSlow(&fast, &slow));
  Document d;
  d.text =
      "Ida Hale, the chief executive of the harbour trust, forcefully told "
      "reporters that the port would stay open.";
  Segment(SegmentOptions(), &d);
  int told = -1;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (d.TokenText(i) == "told") told = static_cast<int>(i);
  }
  ASSERT_GE(told, 1);
  const attribution::TSpan cue{told, told};
  const attribution::TSpan content{told + 2,
                                   static_cast<int>(d.tokens.size()) - 2};
  ASSERT_EQ(d.TokenText(content.b), "that");
  ASSERT_EQ(d.TokenText(content.e), "open");
  const attribution::TSpan adverb{told - 1, told - 1};
  auto decode = [&](bool rule) {
    attribution::DecodeLimits lim;
    lim.source_not_lone_ly_adverb = rule;
    attribution::DocView vs, vf;
    vs.Build(d);
    vf.Build(d);
    float ss = 0, sf = 0;
    const attribution::TSpan a = slow.DecodeSource(vs, cue, content, lim, &ss);
    fast.PrepareSource(vf, cue, lim);
    const attribution::TSpan b =
        fast.DecodeSourceFast(vf, cue, content, lim, &sf);
    EXPECT_EQ(a, b);
    EXPECT_NEAR(ss, sf, 2e-2);
    return b;
  };
  const attribution::TSpan on = decode(true);
  EXPECT_FALSE(on.none());
  EXPECT_FALSE(on == adverb);
  EXPECT_TRUE(decode(false) == adverb);
}

// "on Thursday morning" and "last week" are only when something was said;
// "the plant on Thursday" and a bare "on the" are not time adverbials.
TEST(AttributionModelTest, TimeAdverbialContentNeedsOnlyTimeWords) {
  Document d;
  d.text = "She wrote on Thursday morning about the plant, not last week.";
  Segment(SegmentOptions(), &d);
  attribution::DocView v;
  v.Build(d);
  int on = -1, morning = -1, last = -1, week = -1;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    const std::string_view w = d.TokenText(i);
    if (w == "on") on = static_cast<int>(i);
    if (w == "morning") morning = static_cast<int>(i);
    if (w == "last") last = static_cast<int>(i);
    if (w == "week") week = static_cast<int>(i);
  }
  ASSERT_GE(on, 0);
  ASSERT_EQ(morning, on + 2);
  EXPECT_TRUE(attribution::TimeAdverbialContent(v, on, morning));
  EXPECT_TRUE(attribution::TimeAdverbialContent(v, last, week));
  EXPECT_FALSE(attribution::TimeAdverbialContent(v, on, morning + 3));
  EXPECT_FALSE(attribution::TimeAdverbialContent(v, on, on));
  attribution::DecodeLimits lim;
  lim.content_not_time_adverbial = true;
  EXPECT_FALSE(attribution::ContentAllowed(v, lim, on, morning));
  lim.content_not_time_adverbial = false;
  EXPECT_TRUE(attribution::ContentAllowed(v, lim, on, morning));
}

// A DocView rebuilt for another document (the Attributor reuses one per
// thread) decodes exactly as a fresh one: nothing cached for the first
// document (score caches, word bits, cue counts, source memos) survives.
TEST(AttributionModelTest, ReusedDocViewDecodesLikeAFreshOne) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  Document a, b;
  a.text =
      "“The bridge is not safe,” said Anna Berg, an engineer with the "
      "county. “We told them in May.”\n\nThe mayor said on Friday that "
      "repairs would start soon, according to a statement. Critics warned "
      "that the money had run out, officials told reporters.";
  b.text =
      "Residents told reporters they were worried. “It is a scandal,” he "
      "added, and the council said it would meet. She argued: the plan was "
      "too small, according to the minutes of the meeting.";
  Segment(SegmentOptions(), &a);
  Segment(SegmentOptions(), &b);
  attribution::DecodeLimits lim;
  auto decode = [&](const Document& d, attribution::DocView& v) {
    v.Build(d);
    return DecodeEverything(m, v, d, lim);
  };
  attribution::DocView fresh_b, reused;
  const auto want = decode(b, fresh_b);
  ASSERT_GE(want.first.size(), 12u);
  decode(a, reused);
  EXPECT_EQ(decode(b, reused), want);
  attribution::DocView fresh_a;
  EXPECT_EQ(decode(a, reused), decode(a, fresh_a));
}

// The time-word table (DocView::timec / nontimec) answers as the list:
// listed nouns and modifiers in any ASCII case, unlisted words and random
// hashes none.
TEST(TimeWordTest, TableAnswersAsTheList) {
  using attribution::HashWord;
  using attribution::internal::TimeWord;
  using attribution::internal::TimeWordOf;
  for (const char* w : {"today", "Yesterday", "WEEKEND", "years", "january",
                        "December", "monday", "Friday"}) {
    SCOPED_TRACE(w);
    EXPECT_EQ(TimeWordOf(HashWord(w)), TimeWord::kNoun);
  }
  for (const char* w : {"on", "In", "the", "A", "ago", "since", "earlier"}) {
    SCOPED_TRACE(w);
    EXPECT_EQ(TimeWordOf(HashWord(w)), TimeWord::kModifier);
  }
  for (const char* w : {"said", "todays", "", "thee", "weekly", "an"}) {
    SCOPED_TRACE(w);
    EXPECT_EQ(TimeWordOf(HashWord(w)), TimeWord::kNone);
  }
  EXPECT_EQ(TimeWordOf(0), TimeWord::kNone);
  uint64_t x = 88172645463325252ULL;
  int listed = 0;
  for (int k = 0; k < 100000; ++k) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    listed += TimeWordOf(x) != TimeWord::kNone;
  }
  EXPECT_EQ(listed, 0);
}

}  // namespace
}  // namespace whosaid
