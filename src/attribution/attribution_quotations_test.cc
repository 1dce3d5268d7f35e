// End-to-end tests of the Attributor on quotations written for them:
// quotations after a clause ending in a colon, pull quotes attributed by a
// dash, and quotations that run on over sentences and paragraphs.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "src/attribution/attributor_test_util.h"
#include "whosaid/document.h"

namespace whosaid {
namespace {

// Regression (attr7): a mid-sentence colon took the phrase before it as the
// speaker of the quotation after it.
TEST_F(AttributorTest, MidSentenceColonHasNoSpeakerBeforeIt) {
  Document d =
      Run("The comedian Ana Ruiz spent the night mocking the “trusted” "
          "agency: “It is like asking the fox to guard the hens.”");
  for (const auto& q : d.quotes) {
    EXPECT_EQ(d.Text(q.speaker).find("agency"), std::string_view::npos)
        << d.Text(q.cue);
  }
}

// Regression: a quotation after a clause ending in a colon, whose
// predicate is no report verb, was left without a relation (or got a piece
// of the clause as its speaker). The clause's subject is the speaker and
// the predicate with its colon the cue.
TEST_F(AttributorTest, ColonQuotationAfterAPersonsClause) {
  Document d =
      Run("On the radio, late-night host Ana Ruiz was making jokes about the "
          "“trusted” agency: “It is like asking the fox to guard the hens. You "
          "do that after you are safe at home.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.speaker), "late-night host Ana Ruiz");
  EXPECT_EQ(d.Text(q.cue), "was making jokes about the “trusted” agency:");
  EXPECT_EQ(d.Text(q.content),
            "“It is like asking the fox to guard the hens. You do that after "
            "you are safe at home.”");
}

// A pull quote: a paragraph that is a quotation, a dash and a name. No
// report verb, yet the quotation is the name's.
TEST_F(AttributorTest, DashAttributionOfAPullQuote) {
  Document d =
      Run("Readers wrote in after the debate.\n“The plan will ruin the harbor "
          "and everyone knows it.” — Ana Ruiz, a fisher in Eastport\n");
  ASSERT_FALSE(d.quotes.empty());
  const Attribution& q = d.quotes.back();
  EXPECT_EQ(d.Text(q.cue), "—");
  EXPECT_EQ(d.Text(q.speaker), "Ana Ruiz");
  EXPECT_EQ(d.Text(q.content),
            "“The plan will ruin the harbor and everyone knows it.”");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
}

// The colon rule's subject is the sentence's: not a possessive's owner,
// not the subject of a subordinate clause.
TEST_F(AttributorTest, ColonQuotationNeedsTheSentencesSubject) {
  for (const char* text :
       {"Long ago, Channel Nine’s Ana Ruiz dreamed of a quieter harbour: "
        "“I hope the ferries stop running at night for good.”",
        "When Mayor Ana Ruiz went before the council, the hall fell silent: "
        "“I hope the ferries stop running at night for good.”"}) {
    Document d = Run(text);
    for (const auto& q : d.quotes) {
      EXPECT_NE(d.Text(q.speaker), "Channel Nine") << text;
      EXPECT_EQ(d.Text(q.speaker).find("When"), std::string_view::npos) << text;
    }
  }
}

TEST_F(AttributorTest, QuoteContinuingOverSentences) {
  Document d =
      Run("“We did not expect the flood. Nobody did. The river rose in one "
          "night,” the farmer said.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "the farmer");
  EXPECT_EQ(d.Text(q->content),
            "“We did not expect the flood. Nobody did. The river rose in "
            "one night,”");
}

TEST_F(AttributorTest, QuotationTakenUpAfterItsReportingClause) {
  // "“A,” she said. “B.”": the second quotation is the same content's
  // second part (without the rule the model stops after "“Stop the
  // boat,”" here).
  Document d =
      Run("The ferry will not run this winter. “Stop the boat,” she shouted. "
          "“Stop it. It has no crew. It has no crew. Stop it.”");
  const Attribution* q = ByCue(d, "shouted");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "she");
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(d.Text(q->parts[0]), "“Stop the boat,”");
  EXPECT_EQ(d.Text(q->parts[1]),
            "“Stop it. It has no crew. It has no crew. Stop it.”");
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  // A second quotation with a cue of its own is its own relation.
  d =
      Run("The ferry will not run this winter. “Stop the boat,” she "
          "shouted. “It has no crew,” she added.");
  q = ByCue(d, "shouted");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->content), "“Stop the boat,”");
  ASSERT_NE(ByCue(d, "added"), nullptr);
}

TEST_F(AttributorTest, MultiParagraphQuoteDoesNotBreak) {
  Document d =
      Run("The minister said: “The first phase is done.\n\n“The second "
          "phase starts in June and will take a year.”\n\nReporters asked "
          "nothing.");
  ASSERT_FALSE(d.quotes.empty());
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.cue).substr(0, 4), "said");
  EXPECT_EQ(d.Text(q.speaker), "The minister");
  // The quotation reopens in the second paragraph and closes there.
  EXPECT_EQ(d.Text(q.content),
            "“The first phase is done.\n\n“The second phase starts in June "
            "and will take a year.”");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  for (const auto& a : d.quotes) {
    EXPECT_LE(a.content.end, d.text.size());
    EXPECT_LT(a.content.begin, a.content.end);
  }
}

TEST_F(AttributorTest, QuotationRunsOnOverParagraphs) {
  // The newswire convention: each paragraph but the last leaves the closing
  // mark off and the next one opens with a quotation mark. A paragraph with
  // a cue of its own is that cue's relation.
  Document d =
      Run("Ms. Ruiz said: “The budget is late.\n\n“We asked twice. Nobody "
          "answered.\n\n“We will keep asking,” she added.\n\nThe council "
          "did not reply.");
  const Attribution* q = ByCue(d, "said:");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "Ms. Ruiz");
  EXPECT_EQ(d.Text(q->content),
            "“The budget is late.\n\n“We asked twice. Nobody answered.");
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  const Attribution* added = ByCue(d, "added");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(d.Text(added->content), "“We will keep asking,”");
}

TEST_F(AttributorTest, QuotationTakenUpAfterItsCueRunsOnOverParagraphs) {
  // "“A,” she said. “B" left open, then "“C." and "“D.”": the second part
  // runs on over both paragraphs (the model's content stops after "B").
  Document d =
      Run("“The ferry will not run this winter,” the mayor said. “It has no "
          "crew. It has no fuel.\n\n“We asked the port twice. Nobody "
          "answered.\n\n“We will ask again in March.”\n\nThe council met "
          "on Monday.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(d.Text(q->parts[0]), "“The ferry will not run this winter,”");
  EXPECT_EQ(d.Text(q->parts[1]),
            "“It has no crew. It has no fuel.\n\n“We asked the port twice. "
            "Nobody answered.\n\n“We will ask again in March.”");
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
}

TEST_F(AttributorTest, ATailLeftOpenBeforeAParagraphWithItsOwnCueStaysOut) {
  // "“A,” she said. “B" left open, then "“C,” she added.": PolNeAR train
  // splits 4 to 2 on whose content "B" is, so it stays out of both.
  Document d =
      Run("“The ferry will not run this winter,” the mayor said. “It has no "
          "crew.\n\n“We will ask again in March,” she added.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->content), "“The ferry will not run this winter,”");
  const Attribution* added = ByCue(d, "added");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(d.Text(added->content), "“We will ask again in March,”");
}

TEST_F(AttributorTest, QuotationParagraphsBeforeACueStayOutOfItsContent) {
  // A quotation paragraph without a cue followed by one with a cue ("“…,”
  // she added."): PolNeAR train never gives the earlier paragraph to the
  // later cue, and neither does the attributor.
  Document d =
      Run("The council met on Monday.\n\n“The budget is late.\n\n“We will "
          "keep asking,” Ruiz added.");
  const Attribution* q = ByCue(d, "added");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->content), "“We will keep asking,”");
}

TEST_F(AttributorTest, ClosedQuotationParagraphAfterItsReportIsItsNextPart) {
  // "“A,” she said. ¶ “B.”": PolNeAR train puts such a paragraph (no cue
  // of its own) in the earlier quotation's content 52 times of 61.
  Document d =
      Run("“The ferry will not run this winter,” the mayor said.\n\n“We "
          "asked the port twice. Nobody answered.”\n\nThe council met on "
          "Monday.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(d.Text(q->parts[0]), "“The ferry will not run this winter,”");
  EXPECT_EQ(d.Text(q->parts[1]), "“We asked the port twice. Nobody answered.”");
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
}

}  // namespace
}  // namespace whosaid
