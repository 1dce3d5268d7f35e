#include "src/input/html_entities.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid {
namespace {

TEST(HtmlEntitiesTest, EntitiesAndWhitespace) {
  EXPECT_EQ(
      DecodeHtmlText("  a &amp;&lt;b&gt; &#x41;&#66; \n c&nbsp;d &bogus; "),
      "a &<b> AB c d &bogus;");
  EXPECT_EQ(DecodeHtmlText("&#0;&#xD800;&#150;"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xE2\x80\x93");
  EXPECT_EQ(DecodeHtmlText("&eacute;t&eacute; &mdash; &hellip;"),
            "\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xE2\x80\xA6");
}

TEST(HtmlEntitiesTest, ReferencesOneByOne) {
  std::string out;
  size_t consumed = 0;
  // Without a semicolon only the old six names count.
  ASSERT_TRUE(DecodeHtmlEntity("&amp x", 0, &out, &consumed));
  EXPECT_EQ(out, "&");
  EXPECT_EQ(consumed, 4u);
  out.clear();
  EXPECT_FALSE(DecodeHtmlEntity("&eacute x", 0, &out, &consumed));
  EXPECT_TRUE(out.empty());
  // The soft hyphen is dropped; a run of too many digits is U+FFFD.
  ASSERT_TRUE(DecodeHtmlEntity("&shy;", 0, &out, &consumed));
  EXPECT_EQ(out, "");
  EXPECT_EQ(consumed, 5u);
  ASSERT_TRUE(DecodeHtmlEntity("&#123456789012;", 0, &out, &consumed));
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  // A lone ampersand is no reference.
  EXPECT_FALSE(DecodeHtmlEntity("& x", 0, &out, &consumed));
}

}  // namespace
}  // namespace whosaid
