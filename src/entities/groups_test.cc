// Tests for how AttachTitlesAndGroups groups organisation mentions
// (groups.cc): which one-word names are the longer name's short form.
#include <gtest/gtest.h>

#include "src/entities/entities.h"
#include "src/entities/entities_test_util.h"

namespace whosaid {
namespace {

using test_util::Ent;
using test_util::Find;
using test_util::MakeDoc;

TEST(OrganisationGroups, OneWordNameJoinsTheLongerNameItStarts) {
  Document doc =
      MakeDoc("Nordvale Biotech cut jobs on Friday. Nordvale said sales fell.");
  doc.entities.push_back(Ent(Find(doc, "Nordvale Biotech"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Nordvale", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[1].group].canonical, "Nordvale Biotech");
}

TEST(OrganisationGroups, AnInstitutionNamedByItsKindStaysItself) {
  Document doc = MakeDoc(
      "The Senate Judiciary Committee met on Tuesday. The Senate votes "
      "next week, and the House Oversight Committee waits. The House "
      "adjourned.");
  doc.entities.push_back(
      Ent(Find(doc, "Senate Judiciary Committee"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "Senate", 1), EntityLabel::kOrg));
  doc.entities.push_back(
      Ent(Find(doc, "House Oversight Committee"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "House", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 4u);
  EXPECT_NE(doc.entities[0].group, doc.entities[1].group);
  EXPECT_EQ(doc.groups[doc.entities[1].group].canonical, "Senate");
  EXPECT_NE(doc.entities[2].group, doc.entities[3].group);
  EXPECT_EQ(doc.groups[doc.entities[3].group].canonical, "House");
}

TEST(OrganisationGroups, AnInstitutionIsTheOfFormOfItsName) {
  Document doc = MakeDoc(
      "The House of Delegates met on Tuesday. The House votes next week.");
  doc.entities.push_back(
      Ent(Find(doc, "House of Delegates"), EntityLabel::kOrg));
  doc.entities.push_back(Ent(Find(doc, "House", 1), EntityLabel::kOrg));
  AttachTitlesAndGroups(&doc);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].group, doc.entities[1].group);
}

}  // namespace
}  // namespace whosaid
