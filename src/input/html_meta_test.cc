// Tests for ReadMetaTag and AttrValue (html_meta.cc) on attribute lists
// written for these tests.
#include "src/input/html_meta.h"

#include <gtest/gtest.h>

#include <vector>

namespace whosaid::html_internal {
namespace {

void Read(std::vector<HtmlAttr> attrs, HtmlMeta* meta) {
  ReadMetaTag(attrs.data(), attrs.size(), meta);
}

TEST(AttrValue, MatchesNamesIgnoringCase) {
  std::vector<HtmlAttr> attrs = {{"Property", "og:title"}, {"CONTENT", "x"}};
  EXPECT_EQ(AttrValue(attrs.data(), attrs.size(), "property"), "og:title");
  EXPECT_EQ(AttrValue(attrs.data(), attrs.size(), "content"), "x");
  EXPECT_EQ(AttrValue(attrs.data(), attrs.size(), "name"), "");
}

TEST(ReadMetaTag, FirstValueWinsAndEntitiesAreDecoded) {
  HtmlMeta m;
  Read({{"property", "og:title"}, {"content", "Ferry &amp; harbour"}}, &m);
  Read({{"property", "og:title"}, {"content", "Later title"}}, &m);
  Read({{"name", "OG:SITE_NAME"}, {"content", "The Island Post"}}, &m);
  EXPECT_EQ(m.og_title, "Ferry & harbour");
  EXPECT_EQ(m.og_site_name, "The Island Post");
}

TEST(ReadMetaTag, AuthorsUrlsAreSkippedAndBylinesTrimmed) {
  HtmlMeta m;
  Read({{"property", "article:author"},
        {"content", "https://post.example/staff/ines"}},
       &m);
  EXPECT_EQ(m.author, "");
  Read({{"name", "byl"}, {"content", "By Ines Varga"}}, &m);
  EXPECT_EQ(m.author, "Ines Varga");
}

TEST(ReadMetaTag, DateKeysAndContentLanguage) {
  HtmlMeta m;
  Read({{"itemprop", "datePublished"}, {"content", "2022-05-01"}}, &m);
  Read({{"http-equiv", "Content-Language"}, {"content", "pt-BR"}}, &m);
  Read({{"name", "description"}, {"content", "not read"}}, &m);
  EXPECT_EQ(m.published, "2022-05-01");
  EXPECT_EQ(m.content_language, "pt-BR");
}

}  // namespace
}  // namespace whosaid::html_internal
