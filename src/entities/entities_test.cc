// Tests for EntityTagger (entities.cc): loading the model (missing and
// corrupt files), tagging names with their titles and groups on text written
// for these tests, and the tagger's speed.
#include "src/entities/entities.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "src/entities/entities_test_util.h"
#include "src/entities/ner_model.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

using test_util::EntityWithText;
using test_util::Find;
using test_util::MakeDoc;

const std::string kModelDir = std::string(WHOSAID_SOURCE_DIR) + "/models";

const std::unique_ptr<EntityTagger>& Tagger() {
  static auto* tagger = [] {
    auto r = EntityTagger::Load(kModelDir);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new std::unique_ptr<EntityTagger>(r.ok() ? std::move(r).value()
                                                    : nullptr);
  }();
  return *tagger;
}

TEST(EntityTaggerLoad, MissingModelIsNotFound) {
  auto r = EntityTagger::Load("/nonexistent/whosaid-models");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("ner.bin"), std::string::npos);
}

TEST(EntityTaggerLoad, CorruptModelIsCorruption) {
  // A directory of this process's own: ctest runs tests in parallel.
  std::string dir = testing::TempDir() + "/ner-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/ner.bin";
  std::ifstream in(kModelDir + "/ner.bin", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  ASSERT_GT(data.size(), 1000u);
  data[data.size() / 2] ^= 0x55;  // flip a byte in the weights
  std::ofstream(path, std::ios::binary) << data;
  auto r = EntityTagger::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::ofstream(path, std::ios::binary) << "not a model";
  r = EntityTagger::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::remove(path.c_str());
}

TEST(EntityTagger, TagsNamesWithTitles) {
  ASSERT_TRUE(Tagger());
  Document doc = MakeDoc(
      "German Chancellor Angela Merkel met French President Emmanuel Macron "
      "in Berlin on Tuesday to discuss the European Union budget.\n"
      "Merkel told reporters in Berlin that the talks went well.");
  Tagger()->Tag(&doc);
  const Entity* merkel = EntityWithText(doc, "Angela Merkel");
  ASSERT_NE(merkel, nullptr);
  EXPECT_EQ(merkel->label, EntityLabel::kPerson);
  EXPECT_EQ(doc.Text(merkel->title), "German Chancellor");
  const Entity* macron = EntityWithText(doc, "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(doc.Text(macron->title), "French President");
  const Entity* berlin = EntityWithText(doc, "Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->label, EntityLabel::kLoc);
  // Surname -> full name.
  const Entity* surname = EntityWithText(doc, "Merkel");
  ASSERT_NE(surname, nullptr);
  ASSERT_GE(surname->group, 0);
  EXPECT_EQ(doc.groups[surname->group].canonical, "Angela Merkel");
  EXPECT_EQ(surname->group, merkel->group);
  const auto& roles = doc.groups[merkel->group].roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), "chancellor"), roles.end());
}

// The page the project was born from (read from ../shared when present).
TEST(EntityTagger, ExamplePageTitlesAndGroups) {
  std::ifstream in(std::string(WHOSAID_SOURCE_DIR) +
                   "/../shared/examples/rt-2017-12-28-coalition-syria.txt");
  if (!in) GTEST_SKIP() << "../shared/examples not found";
  ASSERT_TRUE(Tagger());
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc = MakeDoc(ss.str());
  Tagger()->Tag(&doc);
  struct Want {
    const char* name;
    const char* title;
    const char* appositive;
  };
  const Want want[] = {
      {"Felix Gedney", "Gen.",
       "the coalition's deputy commander for strategy and support"},
      {"Vladimir Putin", "President", ""},
      {"Sergey Surovkin", "Colonel-General",
       "the commander of the Russian forces in Syria"},
      {"Valery Gerasimov", "Russian Chief of General Staff", ""},
      {"Donald Trump", "US President", ""},
      {"James Mattis", "Defense Secretary", ""},
      {"Jean-Yves Le Drian", "French Foreign Minister", ""},
  };
  for (const Want& w : want) {
    const Entity* e = EntityWithText(doc, w.name);
    ASSERT_NE(e, nullptr) << w.name;
    EXPECT_EQ(e->label, EntityLabel::kPerson) << w.name;
    EXPECT_EQ(doc.Text(e->title), w.title) << w.name;
    if (*w.appositive) {
      EXPECT_EQ(doc.Text(e->appositive), w.appositive) << w.name;
    }
    ASSERT_GE(e->group, 0);
    EXPECT_EQ(doc.groups[e->group].canonical, w.name);
  }
  const Entity* gedney = EntityWithText(doc, "Gedney");
  ASSERT_NE(gedney, nullptr);
  EXPECT_EQ(doc.groups[gedney->group].canonical, "Felix Gedney");
  const auto& roles = doc.groups[gedney->group].roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), "general"), roles.end());
  const Entity* isis = EntityWithText(doc, "ISIS");
  ASSERT_NE(isis, nullptr);
  EXPECT_EQ(doc.groups[isis->group].canonical, "Islamic State");
  EXPECT_EQ(doc.groups[isis->group].label, EntityLabel::kOrg);
  // "The general claimed ..." resolves to Gedney.
  EXPECT_EQ(ResolveMentionName(doc, Find(doc, "The general")), "Felix Gedney");
}

// Documents for the speed test: CoNLL dev rebuilt as the scorer does when
// ../shared is present, else a synthetic text.
std::vector<Document> SpeedDocs() {
  std::vector<Document> docs;
  std::ifstream in(std::string(WHOSAID_SOURCE_DIR) +
                   "/../shared/data/ner/conll2003/eng.testa");
  std::string line, text, sentence;
  auto flush = [&]() {
    if (!sentence.empty()) {
      if (!text.empty()) text += '\n';
      text += sentence;
      sentence.clear();
    }
  };
  while (in && std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      if (!text.empty()) docs.push_back(MakeDoc(text));
      text.clear();
    } else if (line.empty()) {
      flush();
    } else {
      if (!sentence.empty()) sentence += ' ';
      sentence += line.substr(0, line.find(' '));
    }
  }
  flush();
  if (!text.empty()) docs.push_back(MakeDoc(text));
  if (docs.empty()) {
    for (int i = 0; i < 400; ++i) {
      text +=
          "Prime Minister Kaito Mori of Japan met Chancellor Olaf Berg in "
          "Vienna on Monday, the ministry said. Berg told reporters the "
          "European Union would back the deal, with 3.5 percent growth "
          "expected in 2024.\n";
    }
    docs.push_back(MakeDoc(text));
  }
  return docs;
}

TEST(NerSpeed, TokensPerSecond) {
  ASSERT_TRUE(Tagger());
  std::vector<Document> docs = SpeedDocs();
  size_t tokens = 0;
  for (const Document& d : docs) tokens += d.tokens.size();
  std::vector<Entity> ents;
  size_t found = 0;
  for (const Document& d : docs) {  // warm up
    Tagger()->TagNames(d, &ents);
    found += ents.size();
  }
  // CPU time of this (single-threaded) process: less sensitive to other
  // jobs on a shared machine than wall time.
  const int reps = 3;
  std::clock_t t0 = std::clock();
  for (int r = 0; r < reps; ++r) {
    for (const Document& d : docs) Tagger()->TagNames(d, &ents);
  }
  std::clock_t t1 = std::clock();
  for (Document& d : docs) Tagger()->Tag(&d);
  std::clock_t t2 = std::clock();
  double ner = reps * tokens * double(CLOCKS_PER_SEC) / double(t1 - t0);
  double all = tokens * double(CLOCKS_PER_SEC) / double(t2 - t1);
  std::printf(
      "NER tagger: %.0f tokens/s; with titles and groups: %.0f tokens/s "
      "(%zu docs, %zu tokens)\n",
      ner, all, docs.size(), tokens);
  EXPECT_GT(ner, 50000);  // loose bound: sanitizer and debug builds pass
  EXPECT_GT(found, tokens / 40);
}

}  // namespace
}  // namespace whosaid
