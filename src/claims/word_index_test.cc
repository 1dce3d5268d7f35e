#include "src/claims/word_index.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace whosaid::claims {
namespace {

TEST(WordIndexTest, CaseInsensitiveWithIdsInInsertionOrder) {
  WordIndex index;
  index.Add("per", 0);
  index.Add("miles", 1);
  index.Add("per", 2);
  index.Add("Upper", 3);  // capitals never match: skipped
  index.Finish();
  auto ids = index.Find("PER");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], 0u);
  EXPECT_EQ(ids[1], 2u);
  EXPECT_TRUE(index.Contains("Miles"));
  EXPECT_FALSE(index.Contains("mile"));
  EXPECT_FALSE(index.Contains("upper"));
  EXPECT_FALSE(index.Contains(""));
}

TEST(WordIndexTest, HashIgnoresAsciiCaseOnly) {
  EXPECT_EQ(LowerHash("Km"), LowerHash("kM"));
  EXPECT_NE(LowerHash("km"), LowerHash("kn"));
  EXPECT_NE(LowerHash("\u00b0C"), LowerHash("\u00b0"));
  EXPECT_NE(LowerHash(""), 0u);
}

TEST(WordIndexTest, ManyKeysAllFound) {
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) {
    std::string w(1, 'w');
    w.append(std::to_string(i));
    words.push_back(w);
  }
  std::vector<std::string_view> views(words.begin(), words.end());
  WordIndex index = IndexWords(views);
  for (size_t i = 0; i < views.size(); ++i) {
    auto ids = index.Find(views[i]);
    ASSERT_EQ(ids.size(), 1u) << views[i];
    EXPECT_EQ(ids[0], i);
  }
  EXPECT_FALSE(index.Contains("w500"));
  EXPECT_TRUE(WordIndex().Find("x").empty());
}

}  // namespace
}  // namespace whosaid::claims
