// Tests for the clause rules on token spans (the rules on documents are
// covered end to end by AttributorTest's coordinated-predicate tests).
#include "src/attribution/clause_rules.h"

#include <gtest/gtest.h>

namespace whosaid::attribution {
namespace {

TEST(ShareSubject, SecondPredicateTakesTheFirstSpeakerWhenItHasNone) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan none;
  ShareSubject(first_source, first_content, &none);
  EXPECT_EQ(none, first_source);
}

TEST(ShareSubject, APieceOfTheFirstSpeakerOrContentIsReplaced) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan piece{0, 0};  // "Rendell" of "Rendell, a Clinton surrogate,"
  ShareSubject(first_source, first_content, &piece);
  EXPECT_EQ(piece, first_source);
  TSpan in_content{8, 9};
  ShareSubject(first_source, first_content, &in_content);
  EXPECT_EQ(in_content, first_source);
}

TEST(ShareSubject, ASpeakerOfItsOwnStays) {
  TSpan first_source{0, 4}, first_content{6, 12};
  TSpan own{14, 15};
  ShareSubject(first_source, first_content, &own);
  EXPECT_EQ(own, (TSpan{14, 15}));
  TSpan none;
  ShareSubject(TSpan{}, first_content, &none);  // no first speaker to share
  EXPECT_TRUE(none.none());
}

}  // namespace
}  // namespace whosaid::attribution
