#include "src/store/fts_highlight.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace whosaid {
namespace {

class FtsHighlighterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    auto h = FtsHighlighter::Create(db_);
    ASSERT_TRUE(h.ok()) << h.status().ToString();
    h_ = std::move(h).value();
  }
  void TearDown() override {
    h_.reset();
    sqlite3_close(db_);
  }
  std::string Snip(std::string_view query, std::string_view text,
                   size_t tokens = 8) {
    return h_->Snippet(text, h_->Terms(query), "[", "]", tokens);
  }
  std::vector<std::string> Folded(std::string_view query) {
    std::vector<std::string> out;
    for (const auto& t : h_->Terms(query)) {
      out.push_back(t.folded + (t.prefix ? "*" : ""));
    }
    return out;
  }
  sqlite3* db_ = nullptr;
  std::unique_ptr<FtsHighlighter> h_;
};

TEST_F(FtsHighlighterTest, QueryTermsFollowFts5Syntax) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Folded("Bridge"), V({"bridge"}));
  EXPECT_EQ(Folded("\"new York\" city*"), V({"new", "york", "city*"}));
  EXPECT_EQ(Folded("\"new york\"*"), V({"new", "york*"}));
  EXPECT_EQ(Folded("a OR b NOT c AND NEAR(d e)"), V({"a", "b", "c", "d", "e"}));
  EXPECT_EQ(Folded("title:pier text : boat"), V({"pier", "boat"}));
  EXPECT_EQ(Folded("Zürich ZURICH"), V({"zurich"}));  // folded, deduplicated
  EXPECT_EQ(Folded("\"say \"\"no\"\"\""), V({"say", "no"}));
  EXPECT_EQ(Folded("\"unclosed"), V({"unclosed"}));
  EXPECT_EQ(Folded("or"), V({"or"}));  // operators are upper case only
  EXPECT_TRUE(Folded("\"\" * ( ) ^ : -").empty());
}

TEST_F(FtsHighlighterTest, MarksTermsAsTheIndexMatchesThem) {
  EXPECT_EQ(Snip("zurich", "Talks in Zürich ended."),
            "Talks in [Zürich] ended.");
  EXPECT_EQ(Snip("state*", "The State said statements were stale."),
            "The [State] said [statements] were stale.");
  EXPECT_EQ(Snip("\"pier\"", "Pier, pier; PIERS."), "[Pier], [pier]; PIERS.");
}

TEST_F(FtsHighlighterTest, WindowHoldsTheMostTermsWithEllipses) {
  const std::string text =
      "one two three bridge four five six seven eight nine ten eleven "
      "twelve bridge money thirteen fourteen fifteen";
  std::string s = Snip("bridge money", text, 4);
  EXPECT_NE(s.find("[bridge] [money]"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("…", 0), 0u) << s;                // cut at the start
  EXPECT_NE(s.find("…", 5), std::string::npos) << s;  // and at the end
  // No term at all: the start of the text.
  EXPECT_EQ(Snip("absent", "alpha beta gamma delta", 2), "alpha beta…");
  // Short text: whole, with its closing punctuation.
  EXPECT_EQ(Snip("beta", "alpha beta."), "alpha [beta].");
  EXPECT_EQ(Snip("beta", ""), "");
  EXPECT_EQ(Snip("beta", "?!"), "");
}

}  // namespace
}  // namespace whosaid
