#include "src/claims/context_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;
using claims_test::Texts;

TEST(ContextRulesTest, NumbersInWebIdentifiersAreNoClaims) {
  Document d = Extract(
      "The clip poster=\"http://img.example.org/p/88231/7741_99120-vs.jpg"
      "?pid=55102\" shows 40 boats.");
  ASSERT_EQ(d.claims.size(), 1u) << ::testing::PrintToString(Texts(d));
  EXPECT_EQ(Texts(d)[0], "40");
  Document e = Extract("[embed id=7712093] Nine people came.");
  EXPECT_EQ(Find(e, "7712093"), nullptr) << ::testing::PrintToString(Texts(e));
  EXPECT_NE(Find(e, "Nine"), nullptr);
  Document t = Extract("Mara wrote:\n\n3/ Then the board said no.");
  EXPECT_TRUE(t.claims.empty()) << ::testing::PrintToString(Texts(t));
  // Slashes between amounts, fractions and units stay quantities.
  Document k = Extract("Fees are like $11/$12 now, 2/3 of them at 90km/h.");
  EXPECT_NE(Find(k, "$11"), nullptr) << ::testing::PrintToString(Texts(k));
  EXPECT_NE(Find(k, "$12"), nullptr);
  EXPECT_NE(Find(k, "2/3"), nullptr);
  Document s = Extract("All the money spent = 0, he wrote.");
  EXPECT_EQ(s.claims.size(), 1u) << ::testing::PrintToString(Texts(s));
}

TEST(ContextRulesTest, AgesToldByAComparison) {
  Document d = Extract(
      "Turnout fell among voters 45 or younger and rose among those 70 and "
      "over, while renters 30 and older moved.");
  for (const char* age : {"45", "70", "30"}) {
    const Claim* c = Find(d, age);
    ASSERT_NE(c, nullptr) << age << ::testing::PrintToString(Texts(d));
    EXPECT_EQ(c->unit, "year of age") << age;
  }
  Document y = Extract("Half of the sick are younger than 25.");
  const Claim* c = Find(y, "25");
  ASSERT_NE(c, nullptr) << ::testing::PrintToString(Texts(y));
  EXPECT_EQ(c->unit, "year of age");
  // A size is no age: "groups of 20 or under", "scores of 90 and over".
  Document g =
      Extract("Groups of 20 or under may meet; scores of 90 and over.");
  for (const auto& k : g.claims) EXPECT_NE(k.unit, "year of age");
}

TEST(ContextRulesTest, PlusOrMinusIsAMarginNotANegativeNumber) {
  Document d = Extract(
      "The poll's margin of error is plus or minus 2.5 percentage points; "
      "the low was minus 4 degrees.");
  const Claim* m = Find(d, "plus or minus 2.5 percentage points");
  ASSERT_NE(m, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(m->value, 2.5);
  EXPECT_EQ(m->approx, "plus or minus");
  const Claim* t = Find(d, "minus 4 degrees");
  ASSERT_NE(t, nullptr) << ::testing::PrintToString(Texts(d));
  EXPECT_DOUBLE_EQ(t->value, -4);
}

TEST(ContextRulesTest, MainVerbAfterTheCountedNounIsNotCounted) {
  auto counted = [](const Document& d, const char* span) -> std::string {
    const Claim* c = Find(d, span);
    if (c == nullptr || c->counted.empty()) return "";
    return std::string(d.Text(c->counted));
  };
  Document a = Extract("Six files contained private letters.");
  EXPECT_EQ(counted(a, "Six"), "files") << ::testing::PrintToString(Texts(a));
  Document b = Extract("Two surveys showed Ms. Ray ahead.");
  EXPECT_EQ(counted(b, "Two"), "surveys");
  // Without an object the verb says which ones are counted.
  Document c = Extract("About 300 fans marched to the square.");
  EXPECT_EQ(counted(c, "About 300"), "fans marched");
  Document r = Extract("At least 40 donors raised 90 percent of it.");
  EXPECT_EQ(counted(r, "At least 40"), "donors");
  // Participles of the noun stay: "killed in", "wounded and", "Friday".
  Document p = Extract(
      "The blast left 12 sailors killed in the port, one guard wounded and "
      "nine cases confirmed Friday.");
  EXPECT_EQ(counted(p, "12"), "sailors killed");
  EXPECT_EQ(counted(p, "one"), "guard wounded");
  EXPECT_EQ(counted(p, "nine"), "cases confirmed");
}

}  // namespace
}  // namespace whosaid
