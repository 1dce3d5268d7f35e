#include "src/attribution/colon_quotes.h"

#include <gtest/gtest.h>

#include <string_view>

namespace whosaid::attribution {
namespace {

bool Verb(std::string_view w) { return LooksLikeAVerb(w, HashWord(w)); }

TEST(ColonQuotesTest, PredicateOpeners) {
  for (std::string_view w : {"was", "made", "gave", "summarizes", "aired",
                             "standing", "reportedly", "hasn't", "didn’t"}) {
    EXPECT_TRUE(Verb(w)) << w;
  }
  // Nouns that continue a name, and possessives.
  for (std::string_view w : {"team", "statement", "test", "playback", "'s",
                             "’s", ""}) {
    EXPECT_FALSE(Verb(w)) << w;
  }
}

}  // namespace
}  // namespace whosaid::attribution
