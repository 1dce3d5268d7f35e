// Tests for the multi-paragraph quotation rules on token spans (the rule
// inside the Attributor is covered by AttributorTest's multi-paragraph
// tests).
#include "src/attribution/paragraph_quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/attribution/span_test_util.h"

namespace whosaid::attribution {
namespace {

std::string Text(const Document& d, TSpan t) {
  return std::string(
      d.Text(Span{d.tokens[t.b].span.begin, d.tokens[t.e].span.end}));
}

constexpr char kRun[] =
    "Ms. Ruiz said: “The budget is late.\n"
    "“We asked twice. Nobody answered.\n"
    "“We will keep asking,” she added.";

TEST(ParagraphQuotes, QuotationLeftOpenAtTheParagraphEnd) {
  Parsed p = Parse(kRun);
  const Document& d = p.doc;
  const int late = TokenOf(d, "late");
  EXPECT_EQ(QuotationLeftOpen(p.view, late), TokenOf(d, "“"));
  // The full stop may be left out of the content or not.
  EXPECT_EQ(QuotationLeftOpen(p.view, late + 1), TokenOf(d, "“"));
  // Words after the content's end: it does not reach the quotation's end.
  EXPECT_EQ(QuotationLeftOpen(p.view, TokenOf(d, "budget")), -1);
  // Before the quotation opens.
  EXPECT_EQ(QuotationLeftOpen(p.view, TokenOf(d, "said")), -1);
  // The last paragraph closes its quotation.
  EXPECT_EQ(QuotationLeftOpen(p.view, TokenOf(d, "added") + 1), -1);
  EXPECT_EQ(ParagraphLast(p.view, TokenOf(d, "budget")), late + 1);
  EXPECT_EQ(ParagraphLast(p.view, TokenOf(d, "added")),
            static_cast<int>(d.tokens.size()) - 1);
}

TEST(ParagraphQuotes, AClosedQuotationIsNotLeftOpen) {
  Parsed p = Parse("Ms. Ruiz said: “The budget is late.”\n“We asked twice.”");
  EXPECT_EQ(QuotationLeftOpen(p.view, TokenOf(p.doc, "late") + 2), -1);
}

TEST(ParagraphQuotes, AnUndecidedMarkMayCloseTheQuotation) {
  // A double mark between spaces, and two single marks typed for a double
  // one: either may be the closing mark the tokenizer did not decide.
  Parsed p = Parse(
      "He said it is named only in \"the most 'rare cases.' \"\n"
      "\"A second paragraph,\" she added.");
  EXPECT_EQ(QuotationLeftOpen(p.view, TokenOf(p.doc, "cases") + 3), -1);
  Parsed q = Parse(
      "He pointed to the \"great bond'' he shares with the mayor.\n"
      "\"A second paragraph,\" she added.");
  EXPECT_EQ(QuotationLeftOpen(q.view, TokenOf(q.doc, "mayor")), -1);
  // A single mark inside the quotation closes nothing.
  Parsed r = Parse(
      "He said: \"They call it 'the plan.\n"
      "\"It is not a plan.\"");
  EXPECT_EQ(QuotationLeftOpen(r.view, TokenOf(r.doc, "plan") + 1),
            TokenOf(r.doc, "\""));
}

TEST(ParagraphQuotes, NextParagraphTakesTheQuotationUp) {
  Parsed p = Parse(kRun);
  const Document& d = p.doc;
  int end = -1;
  bool left_open = false;
  const int para1_end = TokenOf(d, "late") + 1;
  const int open = QuotationTakenUp(p.view, para1_end, &end, &left_open);
  ASSERT_EQ(open, TokenOf(d, "“", 1));
  EXPECT_TRUE(left_open);
  EXPECT_EQ(Text(d, TSpan{open, end}), "“We asked twice. Nobody answered.");
  const int open2 = QuotationTakenUp(p.view, end, &end, &left_open);
  ASSERT_EQ(open2, TokenOf(d, "“", 2));
  EXPECT_FALSE(left_open);
  EXPECT_EQ(Text(d, TSpan{open2, end}), "“We will keep asking,”");
  // A paragraph that opens with a word takes nothing up.
  Parsed q = Parse("Ms. Ruiz said: “The budget is late.\nShe left.");
  EXPECT_EQ(
      QuotationTakenUp(q.view, TokenOf(q.doc, "late") + 1, &end, &left_open),
      -1);
}

// A relation said -> content, with the given cues tagged in `cands`.
struct Relations {
  explicit Relations(const std::string& text) : p(text) {}
  Parsed p;
  std::vector<Candidate> cands;
  std::vector<Candidate*> kept, by_cue;
};

TEST(ParagraphQuotes, ContentRunsOnUntilAParagraphWithItsOwnCue) {
  Relations r(kRun);
  const Document& d = r.p.doc;
  Candidate said;
  said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said") + 1};  // "said:"
  said.source = TSpan{TokenOf(d, "Ms."), TokenOf(d, "Ruiz")};
  said.content = TSpan{TokenOf(d, "“"), TokenOf(d, "late") + 1};
  Candidate added;
  added.cue = TSpan{TokenOf(d, "added"), TokenOf(d, "added")};
  added.source = TSpan{TokenOf(d, "she"), TokenOf(d, "she")};
  added.content = TSpan{TokenOf(d, "“", 2), TokenOf(d, "”")};
  r.cands = {said, added};
  r.kept = {&r.cands[0], &r.cands[1]};
  ContinueOverParagraphs(r.p.view, r.cands, 40, 20, &r.by_cue, &r.kept);
  EXPECT_EQ(Text(d, r.cands[0].content),
            "“The budget is late.\n“We asked twice. Nobody answered.");
  EXPECT_EQ(Text(d, r.cands[1].content), "“We will keep asking,”");
}

TEST(ParagraphQuotes, ContentRunsOnToTheClosingMarkAndNoFurther) {
  Relations r(
      "Ms. Ruiz said: “The budget is late.\n"
      "“We asked twice.\n"
      "“Nobody answered.” The council met on Monday.\n"
      "“It was a long day.”");
  const Document& d = r.p.doc;
  Candidate said;
  said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said") + 1};
  said.content = TSpan{TokenOf(d, "“"), TokenOf(d, "late") + 1};
  r.cands = {said};
  r.kept = {&r.cands[0]};
  ContinueOverParagraphs(r.p.view, r.cands, 40, 20, &r.by_cue, &r.kept);
  EXPECT_EQ(Text(d, r.cands[0].content),
            "“The budget is late.\n“We asked twice.\n“Nobody answered.”");
  // The limit on paragraphs bounds the run; 0 turns the rule off.
  r.cands[0].content = said.content;
  ContinueOverParagraphs(r.p.view, r.cands, 40, 1, &r.by_cue, &r.kept);
  EXPECT_EQ(Text(d, r.cands[0].content),
            "“The budget is late.\n“We asked twice.");
  r.cands[0].content = said.content;
  ContinueOverParagraphs(r.p.view, r.cands, 40, 0, &r.by_cue, &r.kept);
  EXPECT_EQ(r.cands[0].content, said.content);
}

TEST(ParagraphQuotes, AReportInsideTheQuotationDoesNotRunOn) {
  Relations r(
      "Ms. Ruiz said: “The mayor told us the budget is late.\n"
      "“We asked twice.”");
  const Document& d = r.p.doc;
  Candidate told;
  told.cue = TSpan{TokenOf(d, "told"), TokenOf(d, "told")};
  told.source = TSpan{TokenOf(d, "The"), TokenOf(d, "mayor")};
  told.content = TSpan{TokenOf(d, "the budget"), TokenOf(d, "late") + 1};
  r.cands = {told};
  r.kept = {&r.cands[0]};
  ContinueOverParagraphs(r.p.view, r.cands, 40, 20, &r.by_cue, &r.kept);
  EXPECT_EQ(r.cands[0].content, told.content);
}

TEST(ParagraphQuotes, AParagraphAnotherRelationReachesStopsTheRun) {
  Relations r(
      "Ms. Ruiz said: “The budget is late.\n"
      "“We asked twice.”");
  const Document& d = r.p.doc;
  Candidate said;
  said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said") + 1};
  said.content = TSpan{TokenOf(d, "“"), TokenOf(d, "late") + 1};
  // A relation with its cue outside the candidates (as a colon or dash
  // quotation's) whose content is the second paragraph.
  Candidate other;
  other.cue = TSpan{TokenOf(d, "Ruiz"), TokenOf(d, "Ruiz")};
  other.content = TSpan{TokenOf(d, "“", 1), TokenOf(d, "”")};
  r.cands = {said};
  std::vector<Candidate> extra = {other};
  r.kept = {&r.cands[0], &extra[0]};
  ContinueOverParagraphs(r.p.view, r.cands, 40, 20, &r.by_cue, &r.kept);
  EXPECT_EQ(r.cands[0].content, said.content);
}

constexpr char kClosed[] =
    "“The budget is late,” Ms. Ruiz said.\n"
    "“We asked twice.”\n"
    "“Nobody answered.”\n"
    "The council met on Monday.\n"
    "“It was a long day.”";

// The relation "“The budget is late,” Ms. Ruiz said." of kClosed.
Candidate SaidBefore(const Document& d) {
  Candidate said;
  said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said")};
  said.source = TSpan{TokenOf(d, "Ms."), TokenOf(d, "Ruiz")};
  said.content = TSpan{TokenOf(d, "“"), TokenOf(d, "”")};
  return said;
}

// Runs TakeUpClosedQuotations on `r` with `c` as its one kept relation
// (and `c` first among the tagged cues, then `tagged`); returns `c` as the
// rule leaves it.
Candidate TakeUp(Relations* r, const Candidate& c, int max_paragraphs = 20,
                 int min_words = 4, const std::vector<Candidate>& tagged = {}) {
  r->cands = {c};
  r->cands.insert(r->cands.end(), tagged.begin(), tagged.end());
  r->kept = {&r->cands[0]};
  TakeUpClosedQuotations(r->p.view, r->cands, 40, max_paragraphs, min_words,
                         &r->by_cue, &r->kept);
  return r->cands[0];
}

// The relation said -> "“The budget is late.”" after its cue ("said:").
Candidate SaidAfter(const Document& d) {
  Candidate said;
  said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said") + 1};
  said.content = TSpan{TokenOf(d, "“"), TokenOf(d, "”")};
  return said;
}

TEST(ParagraphQuotes, ClosedQuotationParagraphsAreTheNextParts) {
  Relations r(kClosed);
  const Document& d = r.p.doc;
  Candidate c = TakeUp(&r, SaidBefore(d));
  // Over its reporting clause to the second paragraph's opening mark, and
  // on over the third; a paragraph of the writer's own ends the run.
  EXPECT_EQ(c.part2, TokenOf(d, "“", 1));
  EXPECT_EQ(Text(d, TSpan{c.part2, c.content.e}),
            "“We asked twice.”\n“Nobody answered.”");
  EXPECT_EQ(c.content.b, TokenOf(d, "“"));
  // The limit bounds the run; 0 turns the rule off.
  c = TakeUp(&r, SaidBefore(d), 1);
  EXPECT_EQ(Text(d, TSpan{c.part2, c.content.e}), "“We asked twice.”");
  c = TakeUp(&r, SaidBefore(d), 0);
  EXPECT_EQ(c.content, SaidBefore(d).content);
  EXPECT_EQ(c.part2, -1);
}

TEST(ParagraphQuotes, AContentAfterItsCueRunsOnWithoutAGap) {
  Relations r("Ms. Ruiz said: “The budget is late.”\n“We asked twice.”");
  const Candidate c = TakeUp(&r, SaidAfter(r.p.doc));
  EXPECT_EQ(Text(r.p.doc, c.content),
            "“The budget is late.”\n“We asked twice.”");
  EXPECT_EQ(c.part2, -1);
}

TEST(ParagraphQuotes, OnlyAQuotationWithItsOwnClauseAfterItRunsOn) {
  // An indirect content (no closing mark at its end).
  {
    Relations r("Ms. Ruiz said the budget is late.\n“We asked twice.”");
    const Document& d = r.p.doc;
    Candidate said;
    said.cue = TSpan{TokenOf(d, "said"), TokenOf(d, "said")};
    said.content = TSpan{TokenOf(d, "the"), TokenOf(d, "late")};
    EXPECT_EQ(TakeUp(&r, said).content, said.content);
  }
  // Words after the quotation that are not its reporting clause.
  {
    Relations r(
        "Ms. Ruiz said: “The budget is late.” The council met.\n"
        "“We asked twice.”");
    EXPECT_EQ(TakeUp(&r, SaidAfter(r.p.doc)).content,
              SaidAfter(r.p.doc).content);
  }
  // A sentence of the writer's own after the reporting clause.
  {
    Relations r(
        "“The budget is late,” Ms. Ruiz said. The council met.\n"
        "“We asked twice.”");
    EXPECT_EQ(TakeUp(&r, SaidBefore(r.p.doc)).content,
              SaidBefore(r.p.doc).content);
  }
}

TEST(ParagraphQuotes, AParagraphWithACueOrAnotherRelationStaysOut) {
  // A tagged cue inside the paragraph's quotation.
  {
    Relations r(kClosed);
    const Document& d = r.p.doc;
    Candidate asked;
    asked.cue = TSpan{TokenOf(d, "asked"), TokenOf(d, "asked")};
    EXPECT_EQ(TakeUp(&r, SaidBefore(d), 20, 4, {asked}).content,
              SaidBefore(d).content);
  }
  // Another kept relation reaching into the tail after the content.
  {
    Relations r(kClosed);
    const Document& d = r.p.doc;
    Candidate other;
    other.cue = TSpan{TokenOf(d, "Monday"), TokenOf(d, "Monday")};
    other.source = TSpan{TokenOf(d, "Ruiz"), TokenOf(d, "Ruiz")};
    r.cands = {SaidBefore(d)};
    std::vector<Candidate> extra = {other};
    r.kept = {&r.cands[0], &extra[0]};
    TakeUpClosedQuotations(r.p.view, r.cands, 40, 20, 4, &r.by_cue, &r.kept);
    EXPECT_EQ(r.cands[0].content, SaidBefore(d).content);
  }
  // A heading in quotation marks (no stop before the closing mark), a
  // short reply before the paragraph, a paragraph of two quotations.
  for (const char* text :
       {"“The budget is late,” Ms. Ruiz said.\n“What we asked”",
        "“No,” Ms. Ruiz said.\n“Did you ask twice?”",
        "“The budget is late,” Ms. Ruiz said.\n“We asked.” “Twice.”"}) {
    Relations r(text);
    const Document& d = r.p.doc;
    EXPECT_EQ(TakeUp(&r, SaidBefore(d)).content, SaidBefore(d).content) << text;
    // Two words are enough when the limit says so.
    EXPECT_EQ(
        TakeUp(&r, SaidBefore(d), 20, 1).content.e > SaidBefore(d).content.e,
        std::string(text).find("No,") != std::string::npos)
        << text;
  }
}

}  // namespace
}  // namespace whosaid::attribution
