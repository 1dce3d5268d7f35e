#include "src/input/html_date.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

TEST(DateInTextTest, EnglishMonthForms) {
  EXPECT_EQ(DateInText("By Ana Ruiz | November 18, 2019 -- 19:14 GMT"),
            "2019-11-18");
  EXPECT_EQ(DateInText("on Monday, November 18th, 2019 at 11:08 a.m."),
            "2019-11-18");
  EXPECT_EQ(DateInText("Nov. 19, 2019 8:03 am ET"), "2019-11-19");
  EXPECT_EQ(DateInText("ANA RUIZ, WIRE 18 NOV 2019"), "2019-11-18");
  EXPECT_EQ(DateInText("Posted: 3rd Sept 2018"), "2018-09-03");
  EXPECT_EQ(DateInText("- November 20, 2019, 10:54 am"), "2019-11-20");
}

TEST(DateInTextTest, IsoDate) {
  EXPECT_EQ(DateInText("Posted :[ 2018-08-25 15:24 ]"), "2018-08-25");
}

TEST(DateInTextTest, FirstDateWins) {
  EXPECT_EQ(DateInText("March 2, 2017 and then April 3, 2018"), "2017-03-02");
}

TEST(DateInTextTest, NotDates) {
  EXPECT_EQ(DateInText(""), "");
  EXPECT_EQ(DateInText("May we all be 12 in 2019?"), "");  // "May" + "we"
  EXPECT_EQ(DateInText("05/10/2018"), "");                 // D/M order unknown
  EXPECT_EQ(DateInText("November 32, 2019"), "");
  EXPECT_EQ(DateInText("November 19, 1899"), "");
  EXPECT_EQ(DateInText("Nov 9:30 2019"), "");  // a time is not a day
  EXPECT_EQ(DateInText("march 12345 2019"), "");
}

}  // namespace
}  // namespace whosaid
