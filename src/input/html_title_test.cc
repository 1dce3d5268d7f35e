#include "src/input/html_title.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

TEST(HtmlTitleTest, ShortHeadlineBeforeLongerSiteNameIsKept) {
  // Regression: "<title>Headline – Site</title>" kept the longest part, so a
  // headline shorter than the site's name was taken for the name, and the
  // h1 holding it was dropped as a logo.
  TitleCandidates c;
  c.h1 = "About moths";
  c.title_tag = "About moths \xE2\x80\x93 Northern Lantern Entertainment";
  c.url = "https://northernlantern.example/about-moths/";
  EXPECT_EQ(PickHeadline(c), "About moths");
  EXPECT_EQ(TitleTagHeadline(c.title_tag, c), "About moths");
}

TEST(HtmlTitleTest, HeadlineStartingWithTheSiteNameIsNotTheSite) {
  // Regression: a headline part holding the host's name was dropped as the
  // site's, and "Editorial" became the headline.
  TitleCandidates c;
  c.h1 = "The Courier view on the budget: too little, too late";
  c.title_tag =
      "The Courier view on the budget: too little, too late | Editorial | "
      "Opinion | The Courier";
  c.og_title =
      "The Courier view on the budget: too little, too late | Editorial";
  c.url = "https://www.thecourier.example/2019/nov/18/the-courier-view";
  EXPECT_EQ(PickHeadline(c), c.h1);
  EXPECT_TRUE(IsSiteName("The Courier", c));
  EXPECT_FALSE(IsSiteName(c.h1, c));
}

TEST(HtmlTitleTest, H1HoldingTheShortTitleTagHeadlineIsKept) {
  TitleCandidates c;
  c.h1 = "Dam opens";
  c.title_tag = "Dam | Hill News";
  c.site_name = "Hill News";
  EXPECT_EQ(PickHeadline(c), "Dam opens");
}

TEST(HtmlTitleTest, OgSiteNameTellsTheSitePartOfTheTitleTag) {
  TitleCandidates c;
  c.h1 = "Short headline";
  c.title_tag = "Short headline | A Considerably Longer Firm Name Ltd";
  c.site_name = "A Considerably Longer Firm Name Ltd";
  EXPECT_EQ(PickHeadline(c), "Short headline");
}

TEST(HtmlTitleTest, LongestPartWhenNothingNamesTheSite) {
  TitleCandidates c;
  EXPECT_EQ(TitleTagHeadline("Ferry timetable changes | Gazette", c),
            "Ferry timetable changes");
  EXPECT_EQ(TitleTagHeadline("No separator here", c), "No separator here");
}

TEST(HtmlTitleTest, SiteSuffixCutFromOgTitleWhenTheH1IsTheLogo) {
  TitleCandidates c;
  c.h1 = "The Lantern Blog";
  c.og_title = "Spring open thread - The Lantern Blog";
  c.title_tag = "Spring open thread - The Lantern Blog";
  c.site_name = "The Lantern Blog";
  EXPECT_EQ(PickHeadline(c), "Spring open thread");
}

TEST(HtmlTitleTest, SidebarH1UnrelatedToEveryMetadataTitleIsSkipped) {
  TitleCandidates c;
  c.h1 = "Why the Owls Left Town";
  c.og_title = "Early reviews of the new console are mixed - Gadgetsite";
  c.title_tag = c.og_title;
  c.url = "https://www.gadgetsite.example/2020/console-reviews";
  EXPECT_EQ(PickHeadline(c), "Early reviews of the new console are mixed");
}

TEST(HtmlTitleTest, H1SharingAWordWithAnyMetadataTitleIsKept) {
  // og:title is a different (search) headline; <title> shares "Ruiz".
  TitleCandidates c;
  c.h1 = "The Disappearance of Ana Ruiz";
  c.og_title = "A Forgotten Poet Returns to Print";
  c.title_tag = "Ana Ruiz's poems are back in print";
  EXPECT_EQ(PickHeadline(c), "The Disappearance of Ana Ruiz");
}

TEST(HtmlTitleTest, FunctionWordsAloneDoNotRelateTitles) {
  EXPECT_FALSE(
      SharesTitleWord("What they said about this", "This is what they have"));
  EXPECT_TRUE(
      SharesTitleWord("Bridge reopens", "Harbour bridge reopens today"));
  EXPECT_TRUE(SharesTitleWord("\xE5\x95\x86\xE5\x93\x81",
                              "\xE5\x95\x86\xE5\x93\x81 | X"));
}

TEST(HtmlTitleTest, HostNameOrSiteNameMarksTheSite) {
  TitleCandidates c;
  c.url = "https://blog.lanternworks.example/2019/05/post";
  c.site_name = "Lantern";
  EXPECT_TRUE(IsSiteName("LanternWorks", c));
  EXPECT_TRUE(IsSiteName("The LanternWorks Journal", c));
  EXPECT_TRUE(IsSiteName("lantern", c));
  EXPECT_FALSE(IsSiteName("Ferry timetable changes", c));
  // Generic host labels ("news", "www") name no site.
  c.url = "https://news.example/a";
  c.site_name = "";
  EXPECT_FALSE(IsSiteName("Breaking news today", c));
}

TEST(HtmlTitleTest, StripSiteAffixOnlyCutsTheSite) {
  TitleCandidates c;
  c.url = "https://gadgetsite.example/a";
  EXPECT_EQ(StripSiteAffix("Gadgetsite | Phones get cheaper", c),
            "Phones get cheaper");
  EXPECT_EQ(StripSiteAffix("Opinion | Phones get cheaper", c),
            "Opinion | Phones get cheaper");
  EXPECT_EQ(StripSiteAffix("Gadgetsite", c), "Gadgetsite");
}

}  // namespace
}  // namespace whosaid
