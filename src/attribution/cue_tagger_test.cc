// Tests of the cue tagger (cue_tagger.cc) on small hand-set weights: the
// Viterbi path, the cue_left extension and the rescue pass; and of the fast
// cue scorer (fast_cue.cc) against the hashed features on the committed
// model.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/attribution/attributor_test_util.h"
#include "src/attribution/model.h"
#include "src/segment/segment.h"
#include "whosaid/document.h"

namespace whosaid {
namespace {

// A tagged cue grows left over the cue_left words before it (at most
// kMaxCueLeftWords, lowercase, within the sentence, never into the
// previous cue); other words stop it.
TEST(AttributionModelTest, CueExtendsLeftOverCueLeftWords) {
  attribution::AttributionModel m;
  m.cue_vocab.Build({attribution::HashWord("said")});
  m.cue_left.Build({attribution::HashWord("has"), attribution::HashWord("also"),
                    attribution::HashWord("it")});
  // Only "said" may start a cue, and it always does.
  attribution::DocView probe;
  Document d;
  d.text =
      "It has also said so. Mr Ode never said so. Then it also also also said.";
  Segment(SegmentOptions(), &d);
  probe.Build(d);
  attribution::Feats f;
  int said = -1;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (d.TokenText(i) == "said") said = static_cast<int>(i);
  }
  ASSERT_GE(said, 0);
  m.CueFeats(probe, said, attribution::kO, 0, static_cast<int>(d.tokens.size()),
             &f);
  m.cue_w[size_t{*f.begin()} * attribution::kCueLabels + attribution::kB] =
      100.f;
  std::vector<attribution::TSpan> cues;
  std::vector<float> margins;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) {
    m.TagCues(probe, s, 0, &cues, &margins);
  }
  ASSERT_EQ(cues.size(), 3u);
  auto text = [&](attribution::TSpan c) {
    return std::string(
        d.text.substr(d.tokens[c.b].span.begin,
                      d.tokens[c.e].span.end - d.tokens[c.b].span.begin));
  };
  // "It" is capitalized: not prepended.
  EXPECT_EQ(text(cues[0]), "has also said");
  EXPECT_EQ(text(cues[1]), "said");  // "never" is not a cue_left word
  EXPECT_EQ(text(cues[2]), "also also also said");  // three at most
}

// The tagger decodes the best label path of the sentence (Viterbi), not
// token by token: a two-word cue whose first word alone scores below O
// ("is" + "expected") is found when the pair scores above it, which the
// greedy v6 tagger missed (it turned "is" down before seeing the next
// word). Its margin is what the best path loses without it, and
// CueLabels (the trainer's view) agrees with TagCues.
TEST(AttributionModelTest, ViterbiTagsCueTheGreedyTaggerMissed) {
  attribution::AttributionModel m;
  m.cue_vocab.Build({attribution::HashWord("is")});
  attribution::DocView probe;
  Document d;
  d.text = "The plan is expected to pass.";
  Segment(SegmentOptions(), &d);
  ASSERT_EQ(d.sentences.size(), 1u);
  probe.Build(d);
  const int n = static_cast<int>(d.tokens.size());
  int is = -1;
  for (int i = 0; i < n; ++i) {
    if (d.TokenText(i) == "is") is = i;
  }
  ASSERT_EQ(d.TokenText(is + 1), "expected");
  // B on "is" costs 1; I on "expected" after B gains 3; every other
  // score is 0 (ties go to O).
  attribution::Feats f;
  m.CueFeats(probe, is, attribution::kO, 0, n, &f);
  m.cue_w[size_t{*f.begin()} * attribution::kCueLabels + attribution::kO] = 1.f;
  m.CueFeats(probe, is + 1, attribution::kB, 0, n, &f);
  // Feature 2 of a token is its word with the previous label.
  m.cue_w[size_t{*(f.begin() + 1)} * attribution::kCueLabels +
          attribution::kI] = 3.f;
  std::vector<attribution::TSpan> cues;
  std::vector<float> margins;
  m.TagCues(probe, 0, 0, &cues, &margins);
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].b, is);
  EXPECT_EQ(cues[0].e, is + 1);
  EXPECT_NEAR(margins[0], 2.f, 1e-5);  // 3 - 1 against the all-O path
  std::vector<int8_t> labels;
  m.CueLabels(probe, 0, n, 0, &labels);
  ASSERT_EQ(labels.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    int want = i == is       ? attribution::kB
               : i == is + 1 ? attribution::kI
                             : attribution::kO;
    EXPECT_EQ(labels[i], want) << i;
  }
  // With I worth less than the B costs, the path stays O.
  m.cue_w[size_t{*(f.begin() + 1)} * attribution::kCueLabels +
          attribution::kI] = 0.5f;
  cues.clear();
  margins.clear();
  m.TagCues(probe, 0, 0, &cues, &margins);
  EXPECT_TRUE(cues.empty());
}

// The rescue pass gives a sentence without a cue its best turned-down cue
// start when that came within `rescue` of O, and leaves sentences that
// have a cue (or whose best start scored far below O) alone.
TEST(AttributionModelTest, RescuePassTagsOnlyCuelessSentences) {
  attribution::AttributionModel m;
  const uint64_t said = attribution::HashWord("said"),
                 told = attribution::HashWord("told"),
                 wrote = attribution::HashWord("wrote");
  m.cue_vocab.Build({said, told, wrote});
  attribution::DocView probe;
  Document d;
  d.text = "Ann said so and told them. Ben told them. Cy wrote it.";
  Segment(SegmentOptions(), &d);
  ASSERT_EQ(d.sentences.size(), 3u);
  probe.Build(d);
  const int n = static_cast<int>(d.tokens.size());
  // The first feature of a candidate is its word alone: "said" is a sure
  // cue, "wrote" a sure non-cue, "told" undecided (all scores 0).
  auto word_feature = [&](std::string_view w) {
    for (int i = 0; i < n; ++i) {
      if (d.TokenText(i) != w) continue;
      attribution::Feats f;
      m.CueFeats(probe, i, attribution::kO, 0, n, &f);
      return size_t{*f.begin()};
    }
    return size_t{0};
  };
  m.cue_w[word_feature("said") * attribution::kCueLabels + attribution::kB] =
      100.f;
  m.cue_w[word_feature("wrote") * attribution::kCueLabels + attribution::kO] =
      5.f;
  auto tag = [&](float rescue) {
    std::vector<attribution::TSpan> cues;
    std::vector<float> margins;
    for (uint32_t s = 0; s < d.sentences.size(); ++s) {
      m.TagCues(probe, s, 0, &cues, &margins, rescue);
    }
    std::vector<std::string> out;
    for (size_t k = 0; k < cues.size(); ++k) {
      out.push_back(std::string(d.TokenText(cues[k].b)) +
                    (margins[k] > 0 ? "+" : "-"));
    }
    return out;
  };
  EXPECT_EQ(tag(0), (std::vector<std::string>{"said+"}));
  // "told" of the second sentence is rescued (margin 0 > -1); the first
  // sentence's "told" is not (that sentence has a cue), nor "wrote" (-5).
  EXPECT_EQ(tag(1), (std::vector<std::string>{"said+", "told-"}));
  EXPECT_EQ(tag(10), (std::vector<std::string>{"said+", "told-", "wrote-"}));
}

// The fast cue scorer against the hashed features (CueFeats) on every token
// and every previous label, cue-vocabulary words (their summed records)
// and others (hashed keys) alike; the scores for all previous labels at
// once (CueScoreFastPrevs, Viterbi) are the same.
TEST(AttributionModelTest, CueScoreFastMatchesCueFeatsOnEveryToken) {
  attribution::AttributionModel m;
  ASSERT_TRUE(m.Load(ModelDir() + "/attribution.bin").ok());
  Document d;
  d.text =
      "“The bridge is not safe,” said Anna Berg, an engineer with the "
      "county. She also warned that THE COUNCIL had been told: nothing "
      "changed, according to residents, who say the plan is stalled.";
  Segment(SegmentOptions(), &d);
  attribution::DocView v;
  v.Build(d);
  int cue_words = 0;
  for (const Sentence& s : d.sentences) {
    const int sb = s.token_begin, se = s.token_end;
    for (int i = sb; i < se; ++i) {
      cue_words += m.MayStartCue(v.h[i]);
      for (int prev = 0; prev < attribution::kCueLabels; ++prev) {
        float want[3] = {0, 0, 0};
        attribution::Feats f;
        m.CueFeats(v, i, prev, sb, se, &f);
        for (uint32_t k : f) {
          for (int l = 0; l < 3; ++l) want[l] += m.cue_w[size_t{k} * 3 + l];
        }
        float got[3] = {0, 0, 0};
        float all[attribution::kCueLabels * attribution::kCueLabels] = {};
        m.CueScoreFast(v, i, prev, sb, se, got);
        m.CueScoreFastPrevs(v, i, 1 << prev, sb, se, all);
        for (int l = 0; l < 3; ++l) {
          EXPECT_NEAR(got[l], want[l], 2e-2)
              << "token " << i << " prev " << prev << " label " << l;
          EXPECT_EQ(got[l], all[prev * attribution::kCueLabels + l]);
        }
      }
    }
  }
  EXPECT_GE(cue_words, 3);
}

}  // namespace
}  // namespace whosaid
