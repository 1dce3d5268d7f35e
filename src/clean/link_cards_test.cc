#include "src/clean/link_cards.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/clean/clean.h"

namespace whosaid {
namespace clean_internal {
namespace {

// The line with its link cards cut out.
std::string Cut(std::string_view line, size_t max_bytes = 1500) {
  std::vector<ByteRange> cuts;
  FindLinkCards(line, max_bytes, &cuts);
  std::string out;
  size_t from = 0;
  for (const ByteRange& r : cuts) {
    EXPECT_LE(from, r.begin);
    out.append(line.substr(from, r.begin - from));
    from = r.end;
  }
  out.append(line.substr(from));
  return out;
}

TEST(LinkCardsTest, CutsACardGluedToItsFirstHeadline) {
  EXPECT_EQ(Cut("Governor Jane Doe Jane Marie DoeBudget talks stall again "
                "Ferry fares to rise in May: report MORE (D-Ore.) said on "
                "Tuesday that the plan was dead."),
            "Governor Jane Doe (D-Ore.) said on Tuesday that the plan was "
            "dead.");
}

TEST(LinkCardsTest, CutsCardsWithDigitsNicknamesAndPossessives) {
  // A headline starting with a digit, a nickname in parentheses, and the
  // possessive after "MORE".
  EXPECT_EQ(Cut("Critics of Mayor Tom Roe Thomas (Tom) Edward Roe2024 "
                "hopefuls court farm vote MORE’s plan were loud."),
            "Critics of Mayor Tom Roe’s plan were loud.");
}

TEST(LinkCardsTest, CutsACardWithoutHeadlinesAndTwoInARow) {
  EXPECT_EQ(Cut("Reps. Ann Vale Annette Vale MORE (Ind.) and Bo McKee "
                "Robert Bo McKeeFlood aid passes MORE (Ky.) agreed."),
            "Reps. Ann Vale (Ind.) and Bo McKee (Ky.) agreed.");
  EXPECT_EQ(Cut("chief of staff Sam Ode Samuel Lee OdeMORE called."),
            "chief of staff Sam Ode called.");
}

TEST(LinkCardsTest, CutsACardWhoseFullNameIsFollowedByASpace) {
  EXPECT_EQ(Cut("Speaker Pat Kerr Patrick James Kerr Retirees say no to the "
                "levy MORE because voters want change."),
            "Speaker Pat Kerr because voters want change.");
}

TEST(LinkCardsTest, CutsACardGluedToTheDisplayName) {
  EXPECT_EQ(Cut("Reps. Lia Park (Ore.) and Jon VaskJon VaskRail bill clears "
                "the House | Budget deal holds MORE (Colo.) voted no."),
            "Reps. Lia Park (Ore.) and Jon Vask (Colo.) voted no.");
}

TEST(LinkCardsTest, CutsACardWhoseHeadlineOpensWithAQuote) {
  // The display name's first word also repeats: the card still starts
  // after the surname.
  EXPECT_EQ(Cut("Sen. Lia Park Lia Ann Park'Comedy show' mocks the budget "
                "vote MORE (R-Ore.) told reporters."),
            "Sen. Lia Park (R-Ore.) told reporters.");
  EXPECT_EQ(
      Cut("Sen. Lia Park Lia Ann Park\xE2\x80\x9CWe will win\xE2\x80\x9D MORE "
          "(R-Ore.) said."),
      "Sen. Lia Park (R-Ore.) said.");
}

TEST(LinkCardsTest, KeepsOrdinaryText) {
  for (std::string_view line : {
           "READ MORE: The council voted on Monday.",
           "FOR MORE THAN A DECADE THE MILL STOOD EMPTY, SAID JO ANN JO.",
           "Furthermore, Smith said Smith would run again.",
           "Kerr met Patrick Kerr and many MORE people.",  // no full name
           "Mayor Doe met Jane Doe at the fair.",          // no MORE
           "MORE jobs, Doe said to Jane Doe's aides.",     // MORE before
       }) {
    EXPECT_EQ(Cut(line), line) << line;
  }
}

TEST(LinkCardsTest, RespectsTheLengthLimit) {
  const std::string line =
      "Governor Jane Doe Jane Marie DoeBudget talks stall again MORE said.";
  EXPECT_EQ(Cut(line, 20), line);
  EXPECT_EQ(Cut(line, 0), line);
  EXPECT_EQ(Cut(line), "Governor Jane Doe said.");
}

TEST(LinkCardsTest, CleanTextMapsAroundTheCutAndWarns) {
  const std::string input =
      "First paragraph of the story, long enough to be prose here.\n\n"
      "Governor Jane Doe Jane Marie DoeBudget talks stall again MORE "
      "said on Tuesday that the plan was dead.\n";
  Document doc;
  CleanText(input, CleanOptions(), &doc);
  EXPECT_EQ(doc.text,
            "First paragraph of the story, long enough to be prose here.\n\n"
            "Governor Jane Doe said on Tuesday that the plan was dead.");
  // Every clean byte maps back to an equal input byte.
  size_t mapped = 0;
  for (const OffsetPiece& p : doc.input_map) {
    EXPECT_EQ(std::string_view(doc.text).substr(p.clean_begin, p.length),
              std::string_view(input).substr(p.input_begin, p.length));
    mapped += p.length;
  }
  EXPECT_EQ(mapped, doc.text.size());
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.back(), "removed 1 link card in the text");

  CleanOptions keep;
  keep.max_link_card_bytes = 0;
  Document kept;
  CleanText(input, keep, &kept);
  EXPECT_NE(kept.text.find("MORE"), std::string::npos);
}

}  // namespace
}  // namespace clean_internal
}  // namespace whosaid
