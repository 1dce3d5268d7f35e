// Tests for the content boundary rules on token spans, with sentences
// written for them.
#include "src/attribution/content_bounds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/attribution/span_test_util.h"

namespace whosaid::attribution {
namespace {

// The relation of the one-token cue `cue_word` whose content runs from the
// token `from` to the token `end`.
Candidate After(const Document& d, const std::string& cue_word,
                const std::string& from, int end) {
  Candidate c;
  c.cue = TSpan{TokenOf(d, cue_word), TokenOf(d, cue_word)};
  c.content = TSpan{TokenOf(d, from), end};
  return c;
}

TEST(ContentBounds, ComplementiserAfterAPlaceOrTimeAdjunct) {
  Parsed p = Parse(
      "The mayor said at a breakfast in Leeds that the ferry would run "
      "again.");
  const Document& d = p.doc;
  const Candidate c = After(d, "said", "at", TokenOf(d, "again"));
  EXPECT_EQ(ComplementiserAfterAdjunct(d, p.view, c.cue, c.content, 20),
            TokenOf(d, "that"));
  // Too far for the limit.
  EXPECT_EQ(ComplementiserAfterAdjunct(d, p.view, c.cue, c.content, 4), -1);
  // A content already at "that" or before its cue is left alone.
  const Candidate at = After(d, "said", "that", TokenOf(d, "again"));
  EXPECT_EQ(ComplementiserAfterAdjunct(d, p.view, at.cue, at.content, 20), -1);
}

TEST(ContentBounds, WeekdayAdjunctAndACommaBeforeThat) {
  Parsed p = Parse(
      "Ms. Okafor told the board on Tuesday, in Hull, that she would step "
      "down.");
  const Document& d = p.doc;
  const Candidate c = After(d, "told", "on", TokenOf(d, "down"));
  EXPECT_EQ(ComplementiserAfterAdjunct(d, p.view, c.cue, c.content, 20),
            TokenOf(d, "that"));
}

TEST(ContentBounds, RelativeThatOrNoAdjunctStays) {
  // "that" opening a relative clause: its next word is a verb.
  Parsed rel =
      Parse("She spoke at a clinic in Derby that treats children with asthma.");
  const Document& d = rel.doc;
  const Candidate c = After(d, "spoke", "at", TokenOf(d, "asthma"));
  EXPECT_EQ(ComplementiserAfterAdjunct(d, rel.view, c.cue, c.content, 20), -1);
  // An object, not an adjunct, before "that": no rule.
  Parsed obj = Parse(
      "He urged the council to accept the claim that the bridge is safe.");
  const Document& o = obj.doc;
  const Candidate u = After(o, "urged", "the", TokenOf(o, "safe"));
  EXPECT_EQ(ComplementiserAfterAdjunct(o, obj.view, u.cue, u.content, 20), -1);
  // A noun's "that" clause after "in response to", and a verb particle.
  Parsed resp = Parse(
      "The club tweeted on Sunday in response to a report that the pitch "
      "had flooded. Fans called on the owner to deny the claim that the "
      "club was for sale.");
  const Document& r = resp.doc;
  const Candidate t = After(r, "tweeted", "on", TokenOf(r, "flooded"));
  EXPECT_EQ(ComplementiserAfterAdjunct(r, resp.view, t.cue, t.content, 20), -1);
  const Candidate call = After(r, "called", "on the owner", TokenOf(r, "sale"));
  EXPECT_EQ(
      ComplementiserAfterAdjunct(r, resp.view, call.cue, call.content, 20), -1);
  // A quotation mark before "that" ends the search.
  Parsed q =
      Parse("He wrote in “The Harbour Log” that the pier had been sold.");
  const Document& qd = q.doc;
  const Candidate w = After(qd, "wrote", "in", TokenOf(qd, "sold"));
  EXPECT_EQ(ComplementiserAfterAdjunct(qd, q.view, w.cue, w.content, 20), -1);
}

TEST(ContentBounds, OpenQuotationRunsOnToItsClose) {
  Parsed p = Parse(
      "The coach added, “We lost the first half. We won the second. That "
      "is enough for me.” Then the bus left.");
  const Document& d = p.doc;
  const Candidate c = After(d, "added", "“", TokenOf(d, "half"));
  EXPECT_EQ(OpenQuotationClose(p.view, c.cue, c.content), TokenOf(d, "”"));
  // Already closed.
  const Candidate whole = After(d, "added", "“", TokenOf(d, "”"));
  EXPECT_EQ(OpenQuotationClose(p.view, whole.cue, whole.content), -1);
  // Not opening with the quotation mark.
  const Candidate inner = After(d, "added", "We", TokenOf(d, "half"));
  EXPECT_EQ(OpenQuotationClose(p.view, inner.cue, inner.content), -1);
}

TEST(ContentBounds, QuotationLeftOpenInItsParagraphStays) {
  Parsed p = Parse(
      "The coach added, “We lost the first half. We won the second.\n"
      "“That is enough for me.”");
  const Document& d = p.doc;
  const Candidate c = After(d, "added", "“", TokenOf(d, "half"));
  EXPECT_EQ(OpenQuotationClose(p.view, c.cue, c.content), -1);
}

TEST(ContentBounds, AdjustKeepsOtherRelationsOut) {
  Parsed p = Parse(
      "The coach added, “We lost the first half. We won the second.” The "
      "mayor said on Friday that the club would get a new pitch.");
  const Document& d = p.doc;
  std::vector<Candidate> cands = {
      After(d, "added", "“", TokenOf(d, "half")),
      After(d, "said", "on Friday", TokenOf(d, "pitch"))};
  std::vector<Candidate*> kept = {&cands[0], &cands[1]}, by_cue;
  AdjustContentBounds(d, p.view, cands, 40, true, 20, true, &by_cue, &kept);
  EXPECT_EQ(cands[0].content.e, TokenOf(d, "”"));
  EXPECT_EQ(cands[1].content.b, TokenOf(d, "that"));
  // With a tagged cue inside the rest of the quotation it stays.
  std::vector<Candidate> inner = {After(d, "added", "“", TokenOf(d, "half")),
                                  After(d, "won", "the", TokenOf(d, "second"))};
  std::vector<Candidate*> kept2 = {&inner[0]};
  AdjustContentBounds(d, p.view, inner, 40, true, 20, true, &by_cue, &kept2);
  EXPECT_EQ(inner[0].content.e, TokenOf(d, "half"));
  // Both rules off.
  std::vector<Candidate> off = {
      After(d, "added", "“", TokenOf(d, "half")),
      After(d, "said", "on Friday", TokenOf(d, "pitch"))};
  std::vector<Candidate*> kept3 = {&off[0], &off[1]};
  AdjustContentBounds(d, p.view, off, 40, false, 20, false, &by_cue, &kept3);
  EXPECT_EQ(off[0].content.e, TokenOf(d, "half"));
  EXPECT_EQ(off[1].content.b, TokenOf(d, "on Friday"));
}

}  // namespace
}  // namespace whosaid::attribution
