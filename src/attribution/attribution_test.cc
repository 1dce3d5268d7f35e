#include "src/attribution/attribution.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "src/attribution/model.h"
#include "src/segment/segment.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

std::string ModelDir() { return std::string(WHOSAID_SOURCE_DIR) + "/models"; }

class AttributorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options options;
    options.clean = false;
    options.model_dir = ModelDir();
    auto ex = Extractor::Create(options);
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = std::move(ex).value().release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  static Document Run(const std::string& text) {
    RawDocument raw;
    raw.id = "t";
    raw.body = text;
    return extractor_->Extract(raw);
  }

  // The relation whose cue reads `cue`, or nullptr.
  static const Attribution* ByCue(const Document& d, std::string_view cue) {
    for (const auto& q : d.quotes) {
      if (d.Text(q.cue) == cue) return &q;
    }
    return nullptr;
  }

  static Extractor* extractor_;
};

Extractor* AttributorTest::extractor_ = nullptr;

TEST_F(AttributorTest, DirectQuote) {
  Document d = Run("“We will rebuild the harbour first,” Okafor said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.content), "“We will rebuild the harbour first,”");
  EXPECT_EQ(d.Text(q.cue), "said");
  EXPECT_EQ(d.Text(q.speaker), "Okafor");
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_GT(q.score, 0.5f);
}

TEST_F(AttributorTest, SplitQuoteIsOneRelationWithParts) {
  Document d =
      Run("“The budget is balanced,” she said, “and the schools will get "
          "every cent they were promised.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Attribution& q = d.quotes[0];
  EXPECT_EQ(d.Text(q.speaker), "she");
  EXPECT_EQ(d.Text(q.cue), "said");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(d.Text(q.parts[0]), "“The budget is balanced,”");
  EXPECT_EQ(d.Text(q.parts[1]),
            "“and the schools will get every cent they were promised.”");
  EXPECT_EQ(q.content.begin, q.parts[0].begin);
  EXPECT_EQ(q.content.end, q.parts[1].end);
  // Both parts are quoted: the reporting clause between them does not make
  // the quotation mixed.
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  // An adverbial of the reporting clause is in neither part.
  d =
      Run("“The budget is balanced,” she said on Tuesday, “and the schools "
          "will get every cent they were promised.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.Text(d.quotes[0].parts[1]),
            "“and the schools will get every cent they were promised.”");
  EXPECT_EQ(d.quotes[0].kind, QuoteKind::kDirect);
}

TEST_F(AttributorTest, IndirectWithThat) {
  Document d =
      Run("The mayor said that the bridge would reopen to traffic in May.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "The mayor");
  EXPECT_EQ(d.Text(q->content),
            "that the bridge would reopen to traffic in May");
  EXPECT_EQ(q->kind, QuoteKind::kIndirect);
}

TEST_F(AttributorTest, AccordingTo) {
  Document d =
      Run("Exports rose by 4 percent last year, according to the trade "
          "ministry.");
  const Attribution* q = ByCue(d, "according to");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "the trade ministry");
  EXPECT_EQ(d.Text(q->content), "Exports rose by 4 percent last year");
}

TEST_F(AttributorTest, InvertedSaidName) {
  Document d = Run("“Prices will keep rising,” said Lindqvist.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "Lindqvist");
  EXPECT_EQ(d.Text(q->content), "“Prices will keep rising,”");
}

TEST_F(AttributorTest, PronounSpeaker) {
  Document d =
      Run("The senator spoke for an hour. He said the report was deeply "
          "flawed.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "He");
  EXPECT_EQ(d.Text(q->content), "the report was deeply flawed");
}

// Regression: the speaker of a participle cue after a long report lies beyond
// the source window, and the decoder took a name from inside the report
// ("Obama"). A speaker inside another relation's content cannot speak a cue
// outside it; the reporting clause's speaker is taken.
TEST_F(AttributorTest, ParticipleCueDoesNotTakeASpeakerFromTheReport) {
  Document d =
      Run("Transit Authority chair Ruth Alvarez said on Sunday she was "
          "\"flabbergasted\" by the Obama administration's proposal to cut the "
          "subway repair budget by a third over the coming decade, saying the "
          "board had wasted three weeks on a \"hopeless\" plan.");
  const Attribution* said = ByCue(d, "said");
  const Attribution* saying = ByCue(d, "saying");
  ASSERT_NE(said, nullptr);
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(d.Text(said->speaker), "Transit Authority chair Ruth Alvarez");
  EXPECT_EQ(d.Text(saying->speaker), "Transit Authority chair Ruth Alvarez");
  EXPECT_EQ(d.Text(saying->content),
            "the board had wasted three weeks on a \"hopeless\" plan");
}

// Regression: after "... Barlow wrote on Twitter." the content was taken
// from the next paragraph's quotation; without a colon the next paragraph
// is not the report's content, and a quotation of three sentences before
// the cue is reached.
// "That said," opening a sentence is a discourse marker, not a report; the
// same words reporting speech still are.
TEST_F(AttributorTest, ThatSaidOpeningASentenceIsNoReport) {
  Document d =
      Run("The council approved the budget on Monday. That said, the mayor "
          "still has doubts about the new bridge. Having said that, the vote "
          "was close. That being said, the plan goes ahead. Ana Ruiz said the "
          "bridge was too expensive.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.Text(d.quotes[0].speaker), "Ana Ruiz");
  EXPECT_EQ(d.Text(d.quotes[0].content), "the bridge was too expensive");
}

TEST_F(AttributorTest, QuoteBeforeTheCueNotTheNextParagraph) {
  Document d =
      Run("\"It never ends! No problem!\" Barlow wrote on Twitter.\n\n"
          "\"Another rumour out there. It never ends! No problem!\" Barlow "
          "wrote on Twitter.\n\n"
          "\"Same story again.\" Barlow wrote on Twitter.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.Text(d.quotes[0].content), "\"It never ends! No problem!\"");
  EXPECT_EQ(d.Text(d.quotes[1].content),
            "\"Another rumour out there. It never ends! No problem!\"");
  EXPECT_EQ(d.Text(d.quotes[2].content), "\"Same story again.\"");
}

// Regression: a party-and-state tag inside a speaker ("D-Queens") was taken
// as the speaker of the next cue; it is a piece of the whole speaker.
TEST_F(AttributorTest, AppositivePieceOfASpeakerIsTheWholeSpeaker) {
  Document d =
      Run("Transit Authority chair Ruth Alvarez, D-Queens, said on Sunday she "
          "was \"flabbergasted\" by the Obama administration's proposal to cut "
          "the subway repair budget by a third over the coming decade, saying "
          "the board had wasted three weeks on a \"hopeless\" plan.");
  const Attribution* saying = ByCue(d, "saying");
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(d.Text(saying->speaker),
            "Transit Authority chair Ruth Alvarez, D-Queens,");
}

// Regression (attr7): a weak report inside a strong one's content ("is
// expected") was kept first by its larger margin and cut the outer content.
TEST_F(AttributorTest, OuterStrongReportKeepsItsContent) {
  Document d =
      Run("The mayor is expected to announce new bus fares on Friday, city "
          "officials said.");
  const Attribution* q = ByCue(d, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->speaker), "city officials");
  EXPECT_EQ(d.Text(q->content).substr(0, 9), "The mayor");
}

// Regression (cue15): the second predicate of a coordination ("... and
// warned against") was dropped as a report inside the first content, which
// ran on over it.
TEST_F(AttributorTest, CoordinatedPredicatesAreTwoRelations) {
  Document d =
      Run("Senator Maria Okafor, a Vermont Democrat, said the bill would raise "
          "bus fares and warned against cuts to rural routes.");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content), "the bill would raise bus fares");
  const Attribution* warned = ByCue(d, "warned against");
  ASSERT_NE(warned, nullptr);
  EXPECT_EQ(d.Text(warned->content), "cuts to rural routes");
  EXPECT_EQ(d.Text(warned->speaker), d.Text(said->speaker));
  // A comma before the conjunction stays out of the first content too.
  d =
      Run("Okafor said the council had approved the budget, and promised a "
          "vote on the fares next month.");
  said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content), "the council had approved the budget");
  ASSERT_NE(ByCue(d, "promised"), nullptr);
}

// Two clauses joined by "and" under one report are one content: only a
// conjunction right before a tagged cue ends it.
TEST_F(AttributorTest, CoordinatedClausesStayOneContent) {
  Document d =
      Run("City officials said the bridge would reopen in May and the repairs "
          "would cost less than planned.");
  const Attribution* said = ByCue(d, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(d.Text(said->content),
            "the bridge would reopen in May and the repairs would cost less "
            "than planned");
}

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

// A reporting clause after its content ("CLAUSE, SPEAKER CUE [ADDRESSEE]
// [WHEN]"): what was said is the clause before the speaker, never a content
// that holds the speaker and cue nor the addressee and time after the cue.
TEST_F(AttributorTest, ReportingClauseAfterItsContent) {
  struct Case {
    const char* text;
    const char* cue;
    const char* content;
  };
  for (const Case& c : {
           Case{"Kestrel Air will drop 120 routes this summer, the airline "
                "told travel agents on Monday.",
                "told", "Kestrel Air will drop 120 routes this summer"},
           Case{"Fares will rise by 5 percent in January, the rail operator "
                "announced on Friday.",
                "announced", "Fares will rise by 5 percent in January"},
           Case{"The mill will close two of its lines by June, the company "
                "announced on Tuesday.",
                "announced", "The mill will close two of its lines by June"},
           // The speaker inside the content, after the clause's comma.
           Case{"Ticket prices will rise by ten percent, the transit agency "
                "said on Friday. The bridge will close for repairs in June, "
                "city officials confirmed Monday.",
                "confirmed", "The bridge will close for repairs in June"},
           // A report set off by commas inside what was said stays inside.
           Case{"The museum, the curator said, would reopen in May with a "
                "new wing.",
                "said",
                "The museum, the curator said, would reopen in May with a new "
                "wing"},
       }) {
    Document d = Run(c.text);
    const Attribution* q = ByCue(d, c.cue);
    ASSERT_NE(q, nullptr) << c.text;
    EXPECT_EQ(d.Text(q->content), c.content);
  }
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

TEST_F(AttributorTest, NoRelationWithoutReport) {
  Document d = Run("The river rose in one night and the fields were lost.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST_F(AttributorTest, SpansAreValidOnUnbalancedQuotes) {
  Document d =
      Run("“This never closes, he said. ” And ” this “ is “ odd ” said "
          "Brandt, “who said nothing.");
  for (const auto& a : d.quotes) {
    EXPECT_LT(a.content.begin, a.content.end);
    EXPECT_LE(a.content.end, d.text.size());
    EXPECT_LE(a.cue.end, d.text.size());
    EXPECT_LE(a.speaker.end, d.text.size());
  }
}

double Seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

TEST_F(AttributorTest, PathologicalInputsFinishQuickly) {
  std::string quotes;
  for (int i = 0; i < 10000; ++i) quotes += i % 2 ? "” said " : "“";
  std::string words;
  while (words.size() < (1u << 20)) words += "officials said that it ";
  std::string one_sentence;
  while (one_sentence.size() < (1u << 20)) one_sentence += "“a” b, ";
  for (const std::string* s : {&quotes, &words, &one_sentence}) {
    double t = Seconds([&] {
      Document d = Run(*s);
      EXPECT_TRUE(d.error.ok());
      for (const auto& a : d.quotes) EXPECT_LE(a.content.end, d.text.size());
    });
    EXPECT_LT(t, 20.0) << "input of " << s->size() << " bytes";
  }
}

// Regression: page furniture before a colon ("Photograph: ...", "Read:
// ...") was read as a speaker and its line as a direct quote.
TEST_F(AttributorTest, HeadingBeforeAColonIsNoSpeaker) {
  Document d =
      Run("Photograph: Dana Reyes for the Harbor Times\n\nRead: Why the harbor "
          "pier closed after the storm of 2019\n\nThe pier was closed for "
          "repairs, the mayor said.");
  for (const Attribution& q : d.quotes) {
    EXPECT_NE(d.Text(q.cue), ":") << d.Text(q.speaker);
  }
  EXPECT_NE(ByCue(d, "said"), nullptr);
}

TEST(AttributorLoadTest, MissingModelNamesFile) {
  auto a = Attributor::Load("/nonexistent/dir");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_NE(a.status().message().find("/nonexistent/dir/attribution.bin"),
            std::string::npos);
}

TEST(AttributorLoadTest, CorruptModelIsRejected) {
  // A directory of this process's own: ctest runs tests in parallel.
  std::string dir =
      ::testing::TempDir() + "/attribution-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + kAttributionModelFile;
  {
    std::ofstream out(path, std::ios::binary);
    out << "whosaid-attribution-model v2\n"
        << "garbage";
  }
  auto a = Attributor::Load(dir);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kCorruption);
  EXPECT_NE(a.status().message().find(path), std::string::npos);
  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model";
  }
  a = Attributor::Load(dir);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kCorruption);
}

TEST(AttributionModelTest, SaveLoadRoundTrip) {
  attribution::AttributionModel m;
  m.cue_w[7] = 1.5f;
  m.content_w[3] = -2.f;
  m.source_w[11] = 0.25f;
  m.cue_vocab.Build({0x500, 0x300, 0x900});
  m.cue_left.Build({0x700});
  m.cue_strong.Build({0x300});
  std::string path =
      ::testing::TempDir() + "/roundtrip-" + std::to_string(getpid()) + ".bin";
  ASSERT_TRUE(m.Save(path).ok());
  attribution::AttributionModel n;
  ASSERT_TRUE(n.Load(path).ok());
  EXPECT_EQ(n.cue_w[7], 1.5f);
  EXPECT_EQ(n.content_w[3], -2.f);
  EXPECT_EQ(n.source_w[11], 0.25f);
  EXPECT_TRUE(n.cue_vocab.Has(0x900));
  EXPECT_FALSE(n.cue_vocab.Has(0x400));
  EXPECT_TRUE(n.cue_left.Has(0x700));
  EXPECT_FALSE(n.cue_left.Has(0x500));
  EXPECT_TRUE(n.cue_strong.Has(0x300));
  EXPECT_FALSE(n.cue_strong.Has(0x500));
}

// The strong-cue prefix counts (content pair feature T19) count the
// cue_strong words only, on both the hashed and the word-bit paths.
TEST(AttributionModelTest, StrongCueCountsOnlyStrongWords) {
  attribution::AttributionModel m;
  m.cue_vocab.Build(
      {attribution::HashWord("said"), attribution::HashWord("expected")});
  m.cue_strong.Build({attribution::HashWord("said")});
  Document d;
  d.text = "Costs rose more than expected, he said, and she said so.";
  Segment(SegmentOptions(), &d);
  for (bool finalized : {false, true}) {
    if (finalized) m.Finalize();
    attribution::DocView v;
    v.Build(d);
    if (finalized) m.FillWordBits(v);
    m.FillCueCount(v);
    ASSERT_EQ(v.cuesc.size(), v.size() + 1);
    EXPECT_EQ(v.cuec.back(), 3) << finalized;
    EXPECT_EQ(v.cuesc.back(), 2) << finalized;
  }
}

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

// The page the project was born from (read from ../shared when present).
TEST_F(AttributorTest, ExamplePage) {
  std::string path = std::string(WHOSAID_SOURCE_DIR) +
                     "/../shared/examples/rt-2017-12-28-coalition-syria.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "example page not found at " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  Document d = Run(ss.str());
  struct Want {
    const char* speaker_prefix;
    const char* cue;
    const char* content_piece;
  };
  const Want wants[] = {
      {"Gen. Felix Gedney", "said", "We will continue to deconflict"},
      {"The general", "claimed", "limited number of ISIS militants"},
      {"Gedney", "added", "in areas controlled by partner forces"},
      {"he", "went on to say", "They seem to be moving with impunity"},
      {"Putin", "said", "quickly dissolving under attacks"},
      {"Putin", "announced", "the most battle-hardened grouping"},
      {"Russian Chief of General Staff Valery Gerasimov", "said",
       "60-70 sorties a day"},
      {"Gerasimov", "said", "It appears the goals of the coalition"},
      {"US President Donald Trump", "said", "We’ve won"},
      {"US President Donald Trump", "", "knocking the hell out of"},
      {"French Foreign Minister Jean-Yves Le Drian", "accusing",
       "appropriating"},
      {"both the Defense Ministry and President Vladimir Putin", "according to",
       "98 percent"},
      {"the commander of the Russian forces in Syria", "according to",
       "67,000 square kilometers"},
  };
  for (const Want& w : wants) {
    bool found = false;
    for (const auto& q : d.quotes) {
      if (d.Text(q.content).find(w.content_piece) == std::string::npos) {
        continue;
      }
      found = true;
      EXPECT_EQ(d.Text(q.speaker).substr(0, strlen(w.speaker_prefix)),
                w.speaker_prefix)
          << "for " << w.content_piece;
      if (*w.cue) {
        EXPECT_NE(d.Text(q.cue).find(w.cue), std::string::npos)
            << "cue " << d.Text(q.cue) << " for " << w.content_piece;
      }
    }
    EXPECT_TRUE(found) << "no relation with content containing "
                       << w.content_piece;
  }
}

// A lone adverb in -ly before the cue is no speaker (it once was:
// "forcefully").
TEST_F(AttributorTest, LoneLyAdverbIsNoSpeaker) {
  Document d =
      Run("Ida Hale, the chief executive of the harbour trust, forcefully "
          "told reporters that the port would stay open.");
  const Attribution* q = ByCue(d, "told");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(d.Text(q->content), "that the port would stay open");
  EXPECT_FALSE(q->speaker.empty());
  EXPECT_NE(d.Text(q->speaker), "forcefully");
}

}  // namespace
}  // namespace whosaid
