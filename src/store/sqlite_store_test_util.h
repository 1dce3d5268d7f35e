// Test helpers for the SQLite CorpusStore tests (sqlite_store_test.cc,
// sqlite_search_test.cc, sqlite_on_disk_test.cc): two short articles written
// for the tests, Documents built by hand (quotes, speakers, claims and
// entities at the offsets of their text), in-memory stores and a fixture
// with a temporary directory for on-disk ones. Tests only; each helper
// returns values its caller owns, so any test thread may call them.
#ifndef WHOSAID_SRC_STORE_SQLITE_STORE_TEST_UTIL_H_
#define WHOSAID_SRC_STORE_SQLITE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "src/corpus/features.h"
#include "whosaid/corpus.h"

namespace whosaid::store_test {

inline constexpr char kBridge[] =
    "The city council voted on Monday to close the old river bridge for "
    "repairs. “We will not let the bridge fall apart while we argue about "
    "money,” said Mayor Lena Okafor, who pushed for the vote. Engineers found "
    "cracks in two of the four supports last winter, and the repairs will "
    "take eight months. About 30 homes near the bridge lost power during the "
    "inspection.";

inline constexpr char kMarket[] =
    "Farmers at the Saturday market said prices for apples rose sharply this "
    "autumn after a late frost damaged the orchards in the hills. Several "
    "stalls sold out before noon, and the market manager said she would ask "
    "the council for more space next year to cope with the crowds of "
    "visitors from nearby towns.";

inline Span Find(const Document& d, std::string_view s, size_t from = 0) {
  size_t p = d.text.find(s, from);
  EXPECT_NE(p, std::string::npos) << s;
  if (p == std::string::npos) return {};
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

inline Document MakeDoc(std::string id, std::string site, std::string date,
                        std::string text) {
  Document d;
  d.id = std::move(id);
  d.site = std::move(site);
  d.published = std::move(date);
  d.title = "Title of " + d.id;
  d.url = "https://example.org/" + d.id;
  d.text = std::move(text);
  return d;
}

inline void AddQuote(Document* d, std::string_view content,
                     std::string_view cue, std::string_view mention,
                     std::string name, QuoteKind kind = QuoteKind::kDirect) {
  Attribution a;
  a.content = Find(*d, content);
  if (!cue.empty()) a.cue = Find(*d, cue);
  if (!mention.empty()) a.speaker = Find(*d, mention);
  a.speaker_name = std::move(name);
  a.kind = kind;
  a.score = 0.9f;
  d->quotes.push_back(a);
}

inline void AddClaim(Document* d, std::string_view span, double value,
                     std::string_view counted, std::string source) {
  Claim c;
  c.span = Find(*d, span);
  c.value = value;
  c.counted = Find(*d, counted);
  c.source_name = std::move(source);
  d->claims.push_back(c);
}

inline void AddEntity(Document* d, std::string_view name, EntityLabel label) {
  Entity e;
  e.span = Find(*d, name);
  e.label = label;
  d->entities.push_back(e);
}

inline IngestRecord Rec(Document d) {
  IngestRecord r;
  r.features = ComputeFeatures(d, d.text, CorpusOptions());
  r.doc = std::move(d);
  return r;
}

inline std::unique_ptr<CorpusStore> OpenMemory() {
  StoreOptions o;
  o.path = ":memory:";
  auto s = OpenSqliteStore(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

// The bridge article as reported by one outlet.
inline Document BridgeDoc(std::string id, std::string site, std::string text) {
  Document d =
      MakeDoc(std::move(id), std::move(site), "2024-03-04", std::move(text));
  AddQuote(&d,
           "We will not let the bridge fall apart while we argue about money",
           "said", "Mayor Lena Okafor", "Lena Okafor");
  EntityGroup g;
  g.canonical = "Lena Okafor";
  g.label = EntityLabel::kPerson;
  g.roles = {"mayor"};
  d.groups.push_back(g);
  d.quotes.back().speaker_group = 0;
  Entity e;
  e.span = Find(d, "Lena Okafor");
  e.label = EntityLabel::kPerson;
  e.group = 0;
  d.entities.push_back(e);
  return d;
}

// A directory of its own for each on-disk test, removed afterwards.
class OnDiskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_store_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

}  // namespace whosaid::store_test

#endif  // WHOSAID_SRC_STORE_SQLITE_STORE_TEST_UTIL_H_
