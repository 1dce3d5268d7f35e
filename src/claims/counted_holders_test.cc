// What a claim counts in a fixed frame around the number (counted_holders.cc
// and the verb rules of counted_context.cc), through the claims extractor
// on sentences written for these tests.
#include "src/claims/counted_holders.h"

#include <gtest/gtest.h>

#include <string>

#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Find;

std::string CountedOf(const std::string& text, std::string_view claim) {
  Document doc = Extract(text);
  const Claim* c = Find(doc, claim);
  if (c == nullptr) return "<none>";
  return std::string(doc.Text(c->counted));
}

TEST(CountedHoldersTest, WhoseAgeAfterAHyphenatedAge) {
  EXPECT_EQ(CountedOf("Police said a 34-year-old delivery driver was hurt.",
                      "34-year-old"),
            "delivery driver");
  EXPECT_EQ(CountedOf("The 61-year-old Marta Quill told reporters she left.",
                      "61-year-old"),
            "Marta Quill");
  // A participle before the noun stays; one after it is the verb.
  EXPECT_EQ(CountedOf("A 70-year-old retired nurse from Dover won the prize.",
                      "70-year-old"),
            "retired nurse");
  EXPECT_EQ(CountedOf("The 44-year-old Ohioan presented himself as calm.",
                      "44-year-old"),
            "Ohioan");
  EXPECT_EQ(CountedOf("The 59-year-old Pruitt underwent knee surgery.",
                      "59-year-old"),
            "Pruitt");
  EXPECT_EQ(CountedOf("Police shot a 25-year-old Black man running home.",
                      "25-year-old"),
            "Black man");
  // A verb in "-s" after the noun ends it.
  EXPECT_EQ(
      CountedOf("The 52-year-old farmer works as a mechanic.", "52-year-old"),
      "farmer");
  // The age used as a noun names no one after it.
  EXPECT_EQ(CountedOf("The 29-year-old said she was tired.", "29-year-old"),
            "");
}

TEST(CountedHoldersTest, WhoseAgeInAnAppositive) {
  EXPECT_EQ(CountedOf("Hal Brenner, 58, runs the bakery on Elm Street.", "58"),
            "Hal Brenner");
  EXPECT_EQ(CountedOf("They met Ingrid Sato, 41, and her son.", "41"),
            "Ingrid Sato");
}

TEST(CountedHoldersTest, WhatAChangeOrATotalIsOf) {
  EXPECT_EQ(CountedOf("The report showed a plunge in the jobless rate from 6.2 "
                      "percent to 5.9 percent.",
                      "from 6.2 percent to 5.9 percent"),
            "jobless rate");
  EXPECT_EQ(CountedOf("They saw a drop in the jobless rate from 7 percent in "
                      "March to 6 percent in May.",
                      "7 percent"),
            "jobless rate");

  EXPECT_EQ(CountedOf("The state promised emission cuts of 35 percent by 2030.",
                      "35 percent"),
            "emission cuts");
  EXPECT_EQ(CountedOf("The court had a reversal rate of 70% last year.", "70%"),
            "reversal rate");
  EXPECT_EQ(
      CountedOf("Farm subsidies reached a total of $4 billion.", "$4 billion"),
      "Farm subsidies");
  EXPECT_EQ(
      CountedOf("Officials reported a total of $4 billion.", "$4 billion"), "");
  EXPECT_EQ(CountedOf("Prices rose by an average of 6 percent.", "6 percent"),
            "Prices");
  // Not a measure: a place of that size.
  EXPECT_EQ(
      CountedOf("It is a harbor city of 40,000 near the coast.", "40,000"), "");
}

TEST(CountedHoldersTest, CasualtiesAfterABareCount) {
  EXPECT_EQ(CountedOf("The blast left 9 dead and 30 wounded.", "9"), "dead");
  EXPECT_EQ(CountedOf("The blast left 9 dead and 30 wounded.", "30"),
            "wounded");
}

TEST(CountedHoldersTest, WhatAPollShareSaysOrDoes) {
  const std::string s =
      "In the survey, 41 percent support the new tax, while 52 percent oppose "
      "it.";
  EXPECT_EQ(CountedOf(s, "41 percent"), "support the new tax");
  EXPECT_EQ(CountedOf(s, "52 percent"), "oppose it");
  EXPECT_EQ(CountedOf("Only 12% said they trust the council.", "12%"),
            "said they trust the council");
  // The run stops at a number, and not on its modifier.
  EXPECT_EQ(
      CountedOf("Just 4 percent have paid at least $500 in fees.", "4 percent"),
      "have paid");
  EXPECT_EQ(CountedOf("About 30 percent who said they walk to work were happy.",
                      "About 30 percent"),
            "who said they walk to work were happy");
  // A share with its group keeps it; a verb of change is no answer.
  EXPECT_EQ(CountedOf("Some 41 percent of voters support the tax.",
                      "Some 41 percent"),
            "of voters");
  EXPECT_EQ(CountedOf("It grew 8 percent last year.", "8 percent"), "");
}

TEST(CountedHoldersTest, MoreVerbsAndSubjects) {
  EXPECT_EQ(CountedOf("Home rents would likely increase by 15 percent next "
                      "year.",
                      "15 percent"),
            "Home rents");
  EXPECT_EQ(
      CountedOf("The trade gap widened 4.1 percent in May.", "4.1 percent"),
      "trade gap");
  EXPECT_EQ(
      CountedOf("Average hourly pay rose 0.3 percent in May.", "0.3 percent"),
      "Average hourly pay");
  EXPECT_EQ(CountedOf("The jobless rate unexpectedly fell to 4.2 percent.",
                      "4.2 percent"),
            "jobless rate");
  EXPECT_EQ(CountedOf("The use of bicycles went up 40 percent.", "40 percent"),
            "use of bicycles");
  EXPECT_EQ(CountedOf("Support for the mayor slipped to 38% from 45%.", "45%"),
            "Support for the mayor");
  EXPECT_EQ(CountedOf("The youth jobless rate is now a staggering 31 percent.",
                      "31 percent"),
            "youth jobless rate");
  EXPECT_EQ(
      CountedOf("Clinic visits across the region have fallen 20%.", "20%"),
      "Clinic visits across the region");
  EXPECT_EQ(CountedOf("The Dow fell 2.1 percent on Monday.", "2.1 percent"),
            "Dow");
  EXPECT_EQ(
      CountedOf("The Shanghai Composite was down 1.4 percent.", "1.4 percent"),
      "Shanghai Composite");
  EXPECT_EQ(CountedOf("The Dow fell 310 points on Monday.", "310"), "Dow");
  EXPECT_EQ(CountedOf("The team scored 310 points in May.", "310"), "points");
  // Regression (found in the held-out reading): a gerund opening the object
  // of a verb of change stays.
  EXPECT_EQ(
      CountedOf("The plan aims at increasing farming jobs by 5,000.", "5,000"),
      "farming jobs");
  // A gerund noun after "as" opens a subject.
  EXPECT_EQ(
      CountedOf("Sales held up as farming employment rose by 4,000.", "4,000"),
      "farming employment");
  // A verb form after "who" opens no subject.
  EXPECT_EQ(
      CountedOf("The share of those who backed the mayor rose 3 points.", "3"),
      "points");
  // A name that is no index is still no subject.
  EXPECT_EQ(CountedOf("Acme Corp jumped 3 percent.", "3 percent"), "");
}

}  // namespace
}  // namespace whosaid
