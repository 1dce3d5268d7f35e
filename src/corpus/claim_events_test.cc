#include "src/corpus/claim_events.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

ClaimContextRow Row(std::string entity, int64_t id, std::string value,
                    int64_t outlet, std::string date,
                    std::string key = "killed people|") {
  return {std::move(key), std::move(entity), id, std::move(value),
          outlet,         std::move(date)};
}

TEST(ClaimEventsTest, DayNumbers) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2024-03-01T10:00:00Z") - DayNumber("2024-02-28"), 2);
  EXPECT_EQ(DayNumber(""), -1);
  EXPECT_EQ(DayNumber("2024-13-01"), -1);
  EXPECT_EQ(DayNumber("March 2024"), -1);
}

TEST(ClaimEventsTest, SameQuantityInUnrelatedEventsIsNotCompared) {
  // "people killed" in a flood in one town and a crash in another: the
  // same quantity, different events, no shared entity.
  std::vector<ClaimContextRow> rows = {
      Row("riverton", 1, "12", 1, "2024-05-02"),
      Row("riverton", 2, "14", 2, "2024-05-03"),
      Row("lakeside", 3, "3", 3, "2024-05-02"),
      Row("hillford", 4, "40", 4, "2024-05-03"),
  };
  auto events = FindClaimEvents(rows, 10, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entities, std::vector<std::string>{"riverton"});
  EXPECT_EQ(events[0].claim_ids, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(events[0].from, "2024-05-02");
  EXPECT_EQ(events[0].to, "2024-05-03");
}

TEST(ClaimEventsTest, AYearApartIsAnotherEvent) {
  std::vector<ClaimContextRow> rows = {
      Row("riverton", 1, "12", 1, "2023-05-02"),
      Row("riverton", 2, "14", 2, "2024-05-03"),
      Row("riverton", 3, "15", 3, "2024-05-09"),
  };
  auto events = FindClaimEvents(rows, 10, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].claim_ids, (std::vector<int64_t>{2, 3}));
  // A chain: each within the window of the previous one.
  rows.push_back(Row("riverton", 4, "16", 4, "2024-05-18"));
  events = FindClaimEvents(rows, 10, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].claims, 3u);
}

TEST(ClaimEventsTest, OneOutletOrOneValueIsNoDisagreement) {
  std::vector<ClaimContextRow> rows = {
      Row("riverton", 1, "12", 1, "2024-05-02"),
      Row("riverton", 2, "14", 1, "2024-05-03"),
      Row("lakeside", 3, "3", 1, "2024-05-02"),
      Row("lakeside", 4, "3", 2, "2024-05-02"),
  };
  EXPECT_TRUE(FindClaimEvents(rows, 10, 0).empty());
}

TEST(ClaimEventsTest, ClaimsSharingSeveralEntitiesAreOneEventRanked) {
  std::vector<ClaimContextRow> rows = {
      Row("riverton", 1, "12", 1, "2024-05-02"),
      Row("flood agency", 1, "12", 1, "2024-05-02"),
      Row("riverton", 2, "14", 2, "2024-05-03"),
      Row("flood agency", 2, "14", 2, "2024-05-03"),
      // A smaller event inside the first (only claim 1 and 2 of a subset).
      Row("mayor ruiz", 2, "14", 2, "2024-05-03"),
      Row("mayor ruiz", 1, "12", 1, "2024-05-02"),
      // A bigger event elsewhere: three outlets.
      Row("port", 7, "1", 1, "2024-01-01", "ship sunk|"),
      Row("port", 8, "2", 2, "2024-01-01", "ship sunk|"),
      Row("port", 9, "3", 3, "2024-01-02", "ship sunk|"),
      // Undated claims cannot be placed in an event.
      Row("port", 10, "4", 4, "", "ship sunk|"),
      Row("port", 11, "5", 5, "", "ship sunk|"),
  };
  auto events = FindClaimEvents(rows, 10, 0);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].group_key, "ship sunk|");
  EXPECT_EQ(events[0].outlets, 3u);
  EXPECT_EQ(events[1].entities, (std::vector<std::string>{
                                    "flood agency", "mayor ruiz", "riverton"}));
  EXPECT_EQ(FindClaimEvents(rows, 10, 1).size(), 1u);
  std::string g, e, f, t;
  ASSERT_TRUE(ParseClaimEventKey(events[1].key, &g, &e, &f, &t));
  EXPECT_EQ(g, "killed people|");
  EXPECT_EQ(e, "flood agency");
  EXPECT_EQ(f, "2024-05-02");
  EXPECT_EQ(t, "2024-05-03");
  EXPECT_FALSE(ParseClaimEventKey("killed people|", &g, &e, &f, &t));
}

}  // namespace
}  // namespace whosaid
