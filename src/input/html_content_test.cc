// Tests for ExtractMainContent (html_content.cc) on block trees of small
// pages written for these tests: which blocks are the story, how its
// paragraphs are joined, and where its pieces point in the page.
#include "src/input/html_content.h"

#include <gtest/gtest.h>

#include <string>

#include "src/input/html_tree.h"

namespace whosaid {
namespace {

// The main content of `page` (UTF-8) into *a; returns the found flag.
bool Content(const std::string& page, HtmlArticle* a) {
  HtmlTree tree;
  BuildHtmlTree(page, HtmlTreeOptions(), &tree);
  return ExtractMainContent(tree, a);
}

constexpr const char* kStory =
    "<p>The ferry to the outer islands will run twice a day from May, the "
    "harbour master said, after a winter of single crossings.</p><p>Tickets "
    "bought for the old timetable stay valid, and the second boat will be "
    "crewed from the mainland.</p>";

TEST(ExtractMainContent, KeepsTheStoryParagraphsAndDropsNavigation) {
  std::string page =
      std::string(
          "<html><body><nav class=\"menu\"><a href=\"/\">Home</a> <a "
          "href=\"/ports\">Ports</a></nav><article><h1>Ferry doubles "
          "up</h1>") +
      kStory + "</article></body></html>";
  HtmlArticle a;
  ASSERT_TRUE(Content(page, &a));
  EXPECT_EQ(a.text.find("Home"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("The ferry to the outer islands"), std::string::npos);
  // Two paragraphs, one blank line between them.
  size_t gap = a.text.find("\n\n");
  ASSERT_NE(gap, std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("\n\n", gap + 2), std::string::npos) << a.text;
  EXPECT_EQ(a.text.substr(gap + 2, 7), "Tickets");
}

TEST(ExtractMainContent, PiecesPointIntoThePageText) {
  std::string page = std::string("<html><body><article>") + kStory +
                     "</article></body></html>";
  HtmlArticle a;
  ASSERT_TRUE(Content(page, &a));
  ASSERT_FALSE(a.pieces.empty());
  for (const OffsetPiece& p : a.pieces) {
    ASSERT_LE(p.clean_begin + p.length, a.text.size());
    ASSERT_LE(p.input_begin + p.length, page.size());
    EXPECT_EQ(a.text.substr(p.clean_begin, p.length),
              page.substr(p.input_begin, p.length));
  }
}

TEST(ExtractMainContent, NoParagraphLikeBlockIsNotFound) {
  HtmlArticle a;
  EXPECT_FALSE(Content(
      "<html><body><nav><a href=\"/\">Home</a></nav></body></html>", &a));
  EXPECT_TRUE(a.text.empty());
}

TEST(ExtractMainContent, CallToActionWidgetIsDropped) {
  std::string page =
      "<html><body><div class=\"main\"><article><h1>Library opens "
      "late</h1><p>The county library will stay open late on weekdays from "
      "next month, the head librarian said, after a survey found that most "
      "readers come after work.</p><p>Evening hours will be staffed by "
      "volunteers at first, and the board will review the change in the "
      "spring.</p><div class=\"zone-widget-cta-letter\"><p>Our reporting is "
      "free to read, but it is not free to make, so please consider a gift "
      "today.</p><p>Every reader who gives, however little, keeps the "
      "newsroom going for everyone.</p></div></article></div></body></html>";
  HtmlArticle a;
  ASSERT_TRUE(Content(page, &a));
  EXPECT_NE(a.text.find("Evening hours"), std::string::npos);
  EXPECT_EQ(a.text.find("consider a gift"), std::string::npos) << a.text;
}

}  // namespace
}  // namespace whosaid
