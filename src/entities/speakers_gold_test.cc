// Speaker resolution on the project's own gold set (tests/data/speakers),
// with the gold quotes given (oracle attribution): measures the resolution
// step alone, whatever the attribution stage finds.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <map>
#include <string>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

// Byte offset of code point `cp` in `s`.
uint32_t CpToByte(std::string_view s, int64_t cp) {
  uint32_t b = 0;
  for (int64_t n = 0; n < cp && b < s.size(); ++n) {
    ++b;
    while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) {
      ++b;
    }
  }
  return b;
}

std::string Category(std::string_view mention, std::string_view name) {
  std::string lower;
  for (char c : mention) lower += static_cast<char>(std::tolower(c));
  if (lex::PronounOf(lower) != lex::PronounKind::kNone) return "pronoun";
  return mention == name ? "full" : "partial";
}

TEST(SpeakersGold, OracleQuotesAccuracy) {
  std::string path =
      std::string(WHOSAID_SOURCE_DIR) + "/tests/data/speakers/gold.jsonl";
  auto tagger = EntityTagger::Load(std::string(WHOSAID_SOURCE_DIR) + "/models");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  simdjson::ondemand::parser parser;
  simdjson::padded_string json;
  ASSERT_EQ(simdjson::padded_string::load(path).get(json), simdjson::SUCCESS)
      << path;
  std::map<std::string, std::pair<int, int>> by_cat;  // correct, total
  int correct = 0, total = 0;
  simdjson::ondemand::document_stream stream;
  ASSERT_EQ(parser.iterate_many(json).get(stream), simdjson::SUCCESS);
  for (auto rec : stream) {
    simdjson::ondemand::object obj = rec.get_object();
    std::string id = std::string(std::string_view(obj["id"]));
    Document doc;
    doc.text = std::string(std::string_view(obj["text"]));
    Segment(SegmentOptions(), &doc);
    tagger.value()->Tag(&doc);
    std::vector<std::string> want;
    for (auto q : obj["quotes"].get_array()) {
      Attribution a;
      a.content = {CpToByte(doc.text, int64_t(q["start"])),
                   CpToByte(doc.text, int64_t(q["end"]))};
      auto sp = q["speaker"].get_object();
      a.speaker = {CpToByte(doc.text, int64_t(sp["start"])),
                   CpToByte(doc.text, int64_t(sp["end"]))};
      // null: a speaker with no name ("Police in Marlow").
      auto name = q["speaker_name"];
      want.emplace_back(name.is_null() ? std::string_view()
                                       : std::string_view(name));
      doc.quotes.push_back(a);
    }
    ResolveSpeakers(&doc);
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      std::string cat = Category(doc.Text(doc.quotes[i].speaker), want[i]);
      bool ok = doc.quotes[i].speaker_name == want[i];
      by_cat[cat].first += ok;
      ++by_cat[cat].second;
      correct += ok;
      ++total;
      if (!ok) {
        std::printf("  miss %s: \"%.*s\" -> \"%s\" (want \"%s\")\n", id.c_str(),
                    int(doc.quotes[i].speaker.size()),
                    doc.Text(doc.quotes[i].speaker).data(),
                    doc.quotes[i].speaker_name.c_str(), want[i].c_str());
      }
    }
  }
  std::printf("speaker_name accuracy (oracle quotes): %d/%d = %.1f%%\n",
              correct, total, 100.0 * correct / std::max(total, 1));
  for (const auto& [cat, ct] : by_cat) {
    std::printf("  %-8s %d/%d = %.1f%%\n", cat.c_str(), ct.first, ct.second,
                100.0 * ct.first / std::max(ct.second, 1));
  }
  ASSERT_GT(total, 25);
  EXPECT_GE(correct, total * 8 / 10);
}

}  // namespace
}  // namespace whosaid
