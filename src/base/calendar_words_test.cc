#include "src/base/calendar_words.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

TEST(CalendarWordsTest, MonthsByNameAndAbbreviation) {
  EXPECT_EQ(MonthOfWord("January"), 1);
  EXPECT_EQ(MonthOfWord("may"), 5);
  EXPECT_EQ(MonthOfWord("SEPT"), 9);
  EXPECT_EQ(MonthOfWord("sep"), 9);
  EXPECT_EQ(MonthOfWord("Dec"), 12);
  EXPECT_EQ(MonthOfWord("december"), 12);
  // A period is the caller's to strip; prefixes other than three letters
  // and "sept" are no months.
  EXPECT_EQ(MonthOfWord("Dec."), 0);
  EXPECT_EQ(MonthOfWord("janu"), 0);
  EXPECT_EQ(MonthOfWord("ma"), 0);
  EXPECT_EQ(MonthOfWord("marching"), 0);
  EXPECT_EQ(MonthOfWord("septembers"), 0);
  EXPECT_EQ(MonthOfWord(""), 0);
}

TEST(CalendarWordsTest, NameListsAreInOrder) {
  ASSERT_EQ(MonthNames().size(), 12u);
  for (int m = 0; m < 12; ++m) EXPECT_EQ(MonthOfWord(MonthNames()[m]), m + 1);
  for (int d = 0; d < 7; ++d) {
    EXPECT_EQ(WeekdayOfName(WeekdayNames()[d]), d + 1);
  }
}

TEST(CalendarWordsTest, FullMonthNamesOnly) {
  EXPECT_TRUE(IsFullMonthName("March"));
  EXPECT_TRUE(IsFullMonthName("may"));
  EXPECT_FALSE(IsFullMonthName("mar"));
  EXPECT_FALSE(IsFullMonthName("sept"));
}

TEST(CalendarWordsTest, Weekdays) {
  EXPECT_EQ(WeekdayOfName("Monday"), 1);
  EXPECT_EQ(WeekdayOfName("SUNDAY"), 7);
  EXPECT_EQ(WeekdayOfName("mon"), 0);
  EXPECT_EQ(WeekdayOfName("Mondays"), 0);
  EXPECT_EQ(WeekdayOfWord("mon"), 1);
  EXPECT_EQ(WeekdayOfWord("Tues"), 2);
  EXPECT_EQ(WeekdayOfWord("thur"), 4);
  EXPECT_EQ(WeekdayOfWord("thurs"), 4);
  EXPECT_EQ(WeekdayOfWord("Friday"), 5);
  EXPECT_EQ(WeekdayOfWord("frid"), 0);
  EXPECT_EQ(WeekdayOfWord("su"), 0);
}

}  // namespace
}  // namespace whosaid
