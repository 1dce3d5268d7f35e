#include "src/input/html_extract.h"

#include <gtest/gtest.h>

#include <string>

#include "src/input/html_tree.h"

namespace whosaid {
namespace {

// A small news page written for these tests: navigation, a share bar, a
// cookie banner, related links and comments around a three-paragraph story.
constexpr const char* kPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="article:published_time" content="2021-03-04T09:30:00Z">
<meta name="author" content="Mara Olsen">
<link rel="canonical" href="https://gazette.example/2021/03/04/bridge">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<div id="page"><article class="story">
<h1>Harbour bridge reopens after repairs</h1>
<div class="share-bar"><a href="#">Share on social</a> <a href="#">Email</a></div>
<div class="article-body">
<p>The harbour bridge reopened on Thursday after four months of repairs, the city council said, and traffic returned to normal by the afternoon.</p>
<p>Engineers replaced &amp; strengthened twelve steel cables, at a cost of &pound;3.2 million, according to the council&#8217;s transport office.</p>
<p>&ldquo;We are glad to have it back,&rdquo; said a ferry operator, who had carried extra passengers while the bridge was closed.</p>
</div>
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Council votes on budget</a></li><li><a href="/b">New ferry timetable</a></li></ul></div>
</article>
<section id="comments"><p>Great news, finally! I have waited months for this bridge, and so has everyone in town.</p></section>
</div>
<footer class="site-footer"><p>Copyright The Coastal Gazette. All rights reserved, everywhere, always.</p></footer>
</body></html>)";

TEST(ExtractArticleTest, KeepsTheStoryAndDropsBoilerplate) {
  auto r = ExtractArticle(kPage, HtmlOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const HtmlArticle& a = r.value();
  EXPECT_TRUE(a.is_article);
  EXPECT_NE(a.text.find("The harbour bridge reopened on Thursday"),
            std::string::npos);
  EXPECT_NE(a.text.find("replaced & strengthened"), std::string::npos);
  EXPECT_NE(a.text.find("\xC2\xA3"
                        "3.2 million"),
            std::string::npos);
  EXPECT_NE(a.text.find("\xE2\x80\x9CWe are glad"), std::string::npos);
  for (const char* junk :
       {"Home", "cookies", "Share on social", "Related", "Council votes",
        "Great news", "Copyright", "not text", "color: red",
        "Harbour bridge reopens"}) {
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk << "\n" << a.text;
  }
  // Three paragraphs, separated by blank lines.
  size_t breaks = 0;
  for (size_t p = a.text.find("\n\n"); p != std::string::npos;
       p = a.text.find("\n\n", p + 2)) {
    ++breaks;
  }
  EXPECT_EQ(breaks, 2u) << a.text;
}

TEST(ExtractArticleTest, ReadsMetadata) {
  auto r = ExtractArticle(kPage, HtmlOptions());
  ASSERT_TRUE(r.ok());
  const HtmlArticle& a = r.value();
  EXPECT_EQ(a.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(a.published, "2021-03-04T09:30:00Z");
  EXPECT_EQ(a.author, "Mara Olsen");
  EXPECT_EQ(a.site_name, "The Coastal Gazette");
  EXPECT_EQ(a.url, "https://gazette.example/2021/03/04/bridge");
  EXPECT_EQ(a.language, "en-gb");
  EXPECT_EQ(a.charset, "utf-8");
}

TEST(ExtractArticleTest, PiecesPointBackIntoThePage) {
  std::string page = kPage;
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  const HtmlArticle& a = r.value();
  ASSERT_FALSE(a.pieces.empty());
  size_t covered = 0;
  for (const OffsetPiece& p : a.pieces) {
    ASSERT_LE(p.clean_begin + p.length, a.text.size());
    ASSERT_LE(p.input_begin + p.length, page.size());
    std::string_view t(a.text.data() + p.clean_begin, p.length);
    std::string_view s(page.data() + p.input_begin, p.length);
    // Collapsed whitespace maps a ' ' onto the first blank of a run.
    for (size_t k = 0; k < p.length; ++k) {
      if (t[k] == ' ') {
        EXPECT_TRUE(s[k] == ' ' || s[k] == '\n' || s[k] == '\t');
      } else {
        EXPECT_EQ(t[k], s[k]);
      }
    }
    covered += p.length;
  }
  EXPECT_GT(covered, a.text.size() * 9 / 10);
}

TEST(ExtractArticleTest, JsonLdAndUrlDates) {
  std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2020-05-06\",\"author\":[{\"@type\":"
      "\"Person\",\"name\":\"Ana Ruiz\"},{\"name\":\"Li Wei\"}],\"publisher\":{"
      "\"name\":\"Valley Post\"}}</script></head><body><div><p>"
      "A long enough paragraph about the valley, with commas, clauses, and "
      "enough words to count as the body of a short article here.</p><p>"
      "Another paragraph follows, also long, also with a comma or two, so "
      "that the page reads as an article.</p></div></body></html>";
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().published, "2020-05-06");
  EXPECT_EQ(r.value().author, "Ana Ruiz, Li Wei");
  EXPECT_EQ(r.value().site_name, "Valley Post");
  EXPECT_EQ(DateFromUrl("https://x.example/news/2019/11/19/story-name"),
            "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://x.example/a/2018-02-03-title"), "2018-02-03");
  EXPECT_EQ(DateFromUrl("https://x.example/a/20170102/title"), "2017-01-02");
  EXPECT_EQ(DateFromUrl("https://x.example/a/2017/13/40/title"), "");
  EXPECT_EQ(DateFromUrl("https://x.example/item/12345678901"), "");
}

TEST(ExtractArticleTest, NotAnArticleGivesWarningAndNoBody) {
  std::string page =
      "<html><body><nav><a href=/a>One</a> <a href=/b>Two</a></nav>"
      "<ul><li><a href=/c>Link three</a></li><li><a href=/d>Link four</a></li>"
      "</ul><div>Login</div></body></html>";
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().is_article);
  EXPECT_TRUE(r.value().text.empty());
  ASSERT_FALSE(r.value().warnings.empty());
  EXPECT_NE(r.value().warnings[0].find("no article body"), std::string::npos);
}

TEST(ExtractArticleTest, EmptyAndOversizedInputsFail) {
  EXPECT_FALSE(ExtractArticle("", HtmlOptions()).ok());
  HtmlOptions small;
  small.max_html_bytes = 10;
  auto r = ExtractArticle(kPage, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kLimitExceeded);
}

TEST(ExtractArticleTest, DeepNestingDoesNotRecurse) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page +=
      "<p>Deep text, with a comma, and a sentence long enough to score "
      "as a paragraph of an article body somewhere down there.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  HtmlOptions opt;
  opt.min_body_bytes = 20;
  auto r = ExtractArticle(page, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().text.find("Deep text"), std::string::npos);
  EXPECT_FALSE(r.value().warnings.empty());  // depth limit reported
}

TEST(ExtractArticleTest, Windows1252PageIsDecoded) {
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><article><p>"
      "Caf\xE9 owners said \x93prices rose\x94 this year, and that costs, "
      "rents and wages all went up together for the whole street.</p><p>"
      "A second paragraph, with commas, keeps the page long enough to be an "
      "article body.</p></article></body></html>";
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().charset, "windows-1252");
  EXPECT_NE(r.value().text.find("Caf\xC3\xA9 owners said \xE2\x80\x9Cprices"),
            std::string::npos)
      << r.value().text;
}

TEST(HtmlTreeTest, LinksAndBlocksAreCounted) {
  HtmlTree t;
  BuildHtmlTree("<div class=x><p>Hello <a href=#>world</a>!</p><p>Two</div>",
                HtmlTreeOptions(), &t);
  ASSERT_EQ(t.nodes.size(), 4u);          // root, div, p, p (closed by </div>)
  EXPECT_EQ(t.nodes[1].total_text, 14u);  // inner blanks are not counted
  EXPECT_EQ(t.nodes[1].total_link, 5u);
  EXPECT_EQ(t.nodes[2].parent, 1u);
  EXPECT_EQ(t.nodes[3].parent, 1u);
  EXPECT_EQ(t.nodes[1].end, 4u);
}

TEST(LooksLikeHtmlTest, Sniffs) {
  EXPECT_TRUE(LooksLikeHtml("  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF<html lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<!-- x --><html>"));
  EXPECT_FALSE(LooksLikeHtml("The minister said <b>no</b>."));
  EXPECT_FALSE(LooksLikeHtml("{\"text\":\"<html>\"}"));
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

constexpr const char* kBodyParagraphs =
    "<p>The county library will stay open late on weekdays from next month, "
    "the head librarian said, after a survey found that most readers come "
    "after work.</p><p>Evening hours will be staffed by volunteers at first, "
    "and the board will review the change in the spring.</p>";

TEST(ExtractArticleTest, LogoH1IsNotTheTitle) {
  std::string page = std::string(
                         "<html><head><title>Library opens late | County "
                         "Courier</title><meta property=\"og:title\" "
                         "content=\"Library opens late\"></head><body><header>"
                         "<h1>County Courier</h1></header><article>") +
                     kBodyParagraphs + "</article></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_EQ(a.title, "Library opens late");
}

TEST(ExtractArticleTest, ShortHeadlineWithLongerSiteNameIsTheTitle) {
  // Regression: the longest part of "<title>Headline – Site</title>" was
  // taken for the headline, so the h1 holding a short headline was dropped.
  std::string page =
      std::string(
          "<html><head><title>Opens late \xE2\x80\x93 County Courier "
          "Publishing</title><link rel=\"canonical\" "
          "href=\"https://countycourier.example/opens-late/\"></head><body>"
          "<article><h1>Opens late</h1>") +
      kBodyParagraphs + "</article></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_EQ(a.title, "Opens late");
}

TEST(ExtractArticleTest, BylineDateWhenMetadataAndUrlHaveNone) {
  std::string page =
      std::string(
          "<html><head><title>Library opens late</title></head><body>"
          "<article><h1>Library opens late</h1><div class=\"byline\">By Mara "
          "Olsen | Tuesday, March 2nd, 2021 at 9:30 am</div>") +
      kBodyParagraphs + "</article></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.byline_date, "2021-03-02");
  HtmlOptions off;
  off.byline_date_window = 0;
  EXPECT_EQ(ExtractArticleUtf8(page, off).byline_date, "");
}

TEST(ExtractArticleTest, NoBylineDateAfterALogoH1) {
  std::string page =
      std::string(
          "<html><head><title>Library opens late | County Courier</title>"
          "</head><body><header><h1>County Courier</h1><div>Friday, June 4, "
          "2021</div></header><article>") +
      kBodyParagraphs + "</article></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_EQ(a.title, "Library opens late");
  EXPECT_EQ(a.byline_date, "");
}

TEST(ExtractArticleTest, DatesAreNormalisedAndPlaceholdersDropped) {
  std::string page =
      std::string(
          "<html><head><meta property=\"article:published_time\" "
          "content=\"0001-01-01T00:00:00Z\"><script "
          "type=\"application/ld+json\">{\"datePublished\": "
          "\"Tue Nov 19 2019 03:05:46 GMT+0000\"}</script>"
          "</head><body><article><h1>Library opens late</h1>") +
      kBodyParagraphs + "</article></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_EQ(a.published, "2019-11-19T03:05:46");
}

TEST(ExtractArticleTest, HiddenArticleBodyBeatsAVisibleTeaser) {
  std::string body;
  for (int i = 0; i < 6; ++i) body += kBodyParagraphs;
  std::string page =
      "<html><body><article><h1>Library opens late</h1><p>The county "
      "library will stay open late, the librarian said, from next "
      "month.</p><p>Read the full story in our app, today and every "
      "day.</p></article><div style=\"display:none\"><div "
      "itemprop=\"articleBody\">" +
      body + "</div></div></body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_NE(a.text.find("Evening hours will be staffed"), std::string::npos);
}

TEST(ExtractArticleTest, BlockUnderARelatedHeadingIsDropped) {
  std::string page =
      std::string("<html><body><div><article><h1>Library opens late</h1>") +
      kBodyParagraphs +
      "</article><section><h3 class=\"related-title\">You may also "
      "like</h3><article><p>The swimming pool on the north side will close "
      "for repairs in August, the council said, and reopen in "
      "September.</p><p>Lifeguards will be moved to the lake beach for the "
      "summer, officials said on Monday.</p></article></section></div>"
      "</body></html>";
  HtmlArticle a = ExtractArticleUtf8(page, HtmlOptions());
  EXPECT_NE(a.text.find("Evening hours"), std::string::npos);
  EXPECT_EQ(a.text.find("swimming pool"), std::string::npos);
}

}  // namespace
}  // namespace whosaid
