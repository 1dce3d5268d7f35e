// Tests for the cue boundary rules on token spans, with sentences written
// for them.
#include "src/attribution/cue_bounds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/attribution/span_test_util.h"

namespace whosaid::attribution {
namespace {

TSpan One(const Document& d, const std::string& w) {
  return TSpan{TokenOf(d, w), TokenOf(d, w)};
}

TEST(CueBounds, LyAdverbOrLaterBeforeTheCue) {
  Parsed p = Parse(
      "The harbour master sharply criticized the plan, and the pilots later "
      "said that the tide was wrong.");
  const Document& d = p.doc;
  EXPECT_EQ(AdverbBeforeCue(d, p.view, One(d, "criticized")),
            TokenOf(d, "sharply"));
  EXPECT_EQ(AdverbBeforeCue(d, p.view, One(d, "said")), TokenOf(d, "later"));
  // "ten days later" is a time adverbial of its own.
  Parsed t = Parse("The pilots ten days later said the tide was wrong.");
  EXPECT_EQ(AdverbBeforeCue(t.doc, t.view, One(t.doc, "said")), -1);
}

TEST(CueBounds, NoAdverbNoRule) {
  // "only" is a focus word, "early" an adjective here; a determiner opens
  // no verb phrase; a capitalised cue is left alone.
  Parsed p = Parse(
      "The council only said it would wait. The early reports came in. "
      "Critics were hardly a chorus.");
  const Document& d = p.doc;
  EXPECT_EQ(AdverbBeforeCue(d, p.view, One(d, "said")), -1);
  EXPECT_EQ(AdverbBeforeCue(d, p.view, One(d, "reports")), -1);
  const int a = TokenOf(d, "a chorus");
  EXPECT_EQ(AdverbBeforeCue(d, p.view, TSpan{a, a + 1}), -1);
}

TEST(CueBounds, PronounCliticIsTheCuesAuxiliary) {
  Parsed p = Parse(
      "He’s been saying for weeks that the ferry is late. The captain's "
      "warned nobody.");
  const Document& d = p.doc;
  EXPECT_EQ(CliticBeforeCue(d, p.view, One(d, "been")), TokenOf(d, "’s"));
  // A possessive of a noun is no auxiliary.
  EXPECT_EQ(CliticBeforeCue(d, p.view, One(d, "warned")), -1);
}

TEST(CueBounds, AdjustMovesTheCliticFromTheSourceToTheCue) {
  Parsed p = Parse("It’s denouncing the vote as a fraud, the memo shows.");
  const Document& d = p.doc;
  Candidate c;
  c.cue = One(d, "denouncing");
  c.source = TSpan{TokenOf(d, "It"), TokenOf(d, "’s")};
  c.content = TSpan{TokenOf(d, "the"), TokenOf(d, "fraud")};
  std::vector<Candidate*> kept{&c};
  AdjustCueBounds(d, p.view, &kept);
  EXPECT_EQ(c.cue.b, TokenOf(d, "’s"));
  EXPECT_EQ(c.source.b, TokenOf(d, "It"));
  EXPECT_EQ(c.source.e, TokenOf(d, "It"));
}

TEST(CueBounds, AdjustLeavesAnAdverbThatAnotherSpanHolds) {
  Parsed p = Parse(
      "The pilots said the ferry ran slowly denied by the harbour, she "
      "reportedly added.");
  const Document& d = p.doc;
  Candidate a;
  a.cue = One(d, "added");
  a.source = One(d, "she");
  a.content = TSpan{TokenOf(d, "The"), TokenOf(d, "harbour")};
  // "denied" after "slowly", with "slowly" inside the other content.
  Candidate b;
  b.cue = One(d, "denied");
  std::vector<Candidate*> kept{&a, &b};
  AdjustCueBounds(d, p.view, &kept);
  EXPECT_EQ(a.cue.b, TokenOf(d, "reportedly"));
  EXPECT_EQ(b.cue.b, TokenOf(d, "denied"));
}

TEST(CueBounds, NegatedAuxiliaryLeavesTheSourceForTheCue) {
  Parsed p = Parse(
      "The harbour trust hasn’t said when the pier will reopen. The trust "
      "is said to be wary.");
  const Document& d = p.doc;
  Candidate c;
  c.cue = One(d, "said");
  c.source = TSpan{TokenOf(d, "The"), TokenOf(d, "hasn’t")};
  c.content = TSpan{TokenOf(d, "when"), TokenOf(d, "reopen")};
  EXPECT_TRUE(NegatedAuxiliaryEndsSource(d, c.cue, c.source));
  std::vector<Candidate*> kept{&c};
  AdjustCueBounds(d, p.view, &kept);
  EXPECT_EQ(c.cue.b, TokenOf(d, "hasn’t"));
  EXPECT_EQ(c.source.e, TokenOf(d, "trust"));
  // A plain word at the source's end stays.
  const TSpan cue2{TokenOf(d, "is"), TokenOf(d, "is") + 1};
  const TSpan src2{TokenOf(d, "The trust"), TokenOf(d, "trust", 1)};
  EXPECT_FALSE(NegatedAuxiliaryEndsSource(d, cue2, src2));
}

// Regression: in "Mrs May said:" the cue took "May" for a modal and the
// speaker was "Mrs".
TEST(CueBounds, AModalNameAfterTheSourceIsTheSources) {
  Parsed p = Parse("Mrs May said: the talks go on. Officials may say more.");
  const Document& d = p.doc;
  const TSpan source = One(d, "Mrs");
  const TSpan cue{TokenOf(d, "May"), TokenOf(d, "said")};
  EXPECT_TRUE(NameOpensCue(d, cue, source));
  // A lower-case modal is the cue's.
  const TSpan officials = One(d, "Officials");
  const TSpan modal{TokenOf(d, "may"), TokenOf(d, "say")};
  EXPECT_FALSE(NameOpensCue(d, modal, officials));
}

}  // namespace
}  // namespace whosaid::attribution
