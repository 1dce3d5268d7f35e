#include "src/clean/label_lines.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid {
namespace clean_internal {
namespace {

TEST(LabelLinesTest, BracketedLinkIsAWholeLineWithALabel) {
  EXPECT_TRUE(IsBracketedLink("( Also on Harbor Daily: Pier vote delayed)"));
  EXPECT_TRUE(IsBracketedLink("(Also on Harbor Daily Magazine: Ten ferries)"));
  EXPECT_TRUE(IsBracketedLink("(PHOTOS: The pier through the years)"));
  EXPECT_TRUE(IsBracketedLink("  ( WATCH: Mayor opens the pier)  "));
  EXPECT_TRUE(IsBracketedLink("(QUIZ: How well do you know the harbor?)"));
  // Not a whole line in parentheses, or not a label.
  EXPECT_FALSE(IsBracketedLink("The mayor (WATCH: she spoke at noon) left."));
  EXPECT_FALSE(IsBracketedLink("(UPDATE: The pier reopened on Monday.)"));
  EXPECT_FALSE(IsBracketedLink("(The mayor said: we will rebuild)"));
  EXPECT_FALSE(IsBracketedLink("(Also on the agenda: a vote on fees)"));
  EXPECT_FALSE(IsBracketedLink("(PHOTOS: one) and (VIDEO: two)"));
  EXPECT_FALSE(IsBracketedLink("(PHOTOS: )"));
}

TEST(LabelLinesTest, ShareBarCaptionNeedsThreeNetworksThenText) {
  EXPECT_TRUE(IsShareBarCaption(
      "Facebook Twitter Pinterest Ferries wait at the pier on Monday."));
  EXPECT_TRUE(IsShareBarCaption("Email Facebook Twitter The old pier."));
  EXPECT_FALSE(IsShareBarCaption("Facebook Twitter Pinterest"));
  EXPECT_FALSE(IsShareBarCaption(
      "Facebook, Twitter, Pinterest and Reddit all removed the posts."));
  EXPECT_FALSE(IsShareBarCaption("Facebook Twitter shares fell on Monday."));
}

TEST(LabelLinesTest, VideoCloseCaptionNeedsLowerCaseDescription) {
  EXPECT_TRUE(IsVideoCloseCaption(
      "CLOSE The harbor master explains why the pier closed. Example TV"));
  EXPECT_TRUE(IsVideoCloseCaption("CLOSE A crowd gathers at the pier."));
  EXPECT_FALSE(IsVideoCloseCaption("CLOSE RACE IN THE HARBOR DISTRICT"));
  EXPECT_FALSE(IsVideoCloseCaption("CLOSE"));
  EXPECT_FALSE(IsVideoCloseCaption("Close the pier, the mayor said."));
}

TEST(LabelLinesTest, ContactLineHoldsAnAddress) {
  EXPECT_TRUE(
      IsContactLine("Write to Sam Lee at sam.lee@example.com and Ana Ruiz at "
                    "ana.ruiz@example.com"));
  EXPECT_TRUE(IsContactLine("Send tips to sam@ example.org."));
  EXPECT_FALSE(IsContactLine("Write to your council member before Friday."));
  EXPECT_FALSE(IsContactLine("Write to @harbordaily on social media"));
  EXPECT_FALSE(IsContactLine("She said to write to sam@example.com"));
}

TEST(LabelLinesTest, CreditLabelEndsTheLine) {
  EXPECT_TRUE(EndsWithCreditLabel(
      "Ferries wait at the pier on Monday. Photograph: Sam Lee/Example"));
  EXPECT_TRUE(EndsWithCreditLabel("The old pier. Photo: Ana Ruiz for Example"));
  EXPECT_TRUE(EndsWithCreditLabel(
      "The harbor at dawn. Photographer: Sam Lee/Example Agency"));
  EXPECT_TRUE(EndsWithCreditLabel("Photograph: Example Agency"));
  // A credit is short and quotes nobody; the label is a word of its own.
  EXPECT_FALSE(EndsWithCreditLabel(
      "The mayor said: \"Photo: it is only a picture of the old pier\""));
  EXPECT_FALSE(EndsWithCreditLabel(
      "The sign read Photo: the harbor as it was before the storm of the "
      "century hit the town"));
  EXPECT_FALSE(EndsWithCreditLabel("The pier reopened on Monday."));
  EXPECT_FALSE(EndsWithCreditLabel("A telephoto: lens was used"));
  // Only the line's last 160 bytes hold the label; a label's last
  // occurrence glued to a word rules that label out, an earlier one of
  // another label still counts.
  EXPECT_FALSE(EndsWithCreditLabel("Photo: Sam Lee " + std::string(160, 'x')));
  EXPECT_TRUE(
      EndsWithCreditLabel(std::string(300, 'y') + " Photo: Sam Lee/Example"));
  EXPECT_FALSE(EndsWithCreditLabel("The old pier. xPhoto: Sam Lee"));
  EXPECT_TRUE(EndsWithCreditLabel(
      "The old pier. Photograph: Sam Lee, xPhoto: Example"));
}

TEST(LabelLinesTest, ListenToArticleBarNeedsADuration) {
  EXPECT_TRUE(IsListenToArticleBar(
      "LISTEN TO ARTICLE 4:05 SHARE THIS ARTICLE Share Tweet Post Email"));
  EXPECT_TRUE(IsListenToArticleBar("LISTEN TO ARTICLE 12:30"));
  EXPECT_FALSE(IsListenToArticleBar("LISTEN TO ARTICLE SHARE THIS ARTICLE"));
  EXPECT_FALSE(IsListenToArticleBar("LISTEN TO ARTICLE 4:5 Share"));
  EXPECT_FALSE(IsListenToArticleBar("Listen to article 4:05 of the charter"));
}

}  // namespace
}  // namespace clean_internal
}  // namespace whosaid
