// PageReader tests on a small corpus file written by CorpusStore from
// Documents built by hand (quotes, speakers, claims filled in).
#include "src/store/page_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "src/corpus/features.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

// Non-ASCII before the quote so byte and code point offsets differ.
constexpr char kPier[] =
    "Café owners on the pier met on Tuesday. “The pier must stay open all "
    "winter for the fishing boats,” said Harbour Master Ines Duarte. About "
    "40 boats use the pier, officials said.";
constexpr char kPier2[] =
    "A short report. “The pier must stay open all winter for the fishing "
    "boats and the ferry,” Ines Duarte said. Some 55 boats use the pier, "
    "according to the port office.";

Span Find(const Document& d, std::string_view s) {
  size_t p = d.text.find(s);
  EXPECT_NE(p, std::string::npos) << s;
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

Document MakeDoc(std::string id, std::string site, std::string date,
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

void AddQuote(Document* d, std::string_view content, std::string_view cue,
              std::string_view mention, std::string name) {
  Attribution a;
  a.content = Find(*d, content);
  a.cue = Find(*d, cue);
  a.speaker = Find(*d, mention);
  a.speaker_name = std::move(name);
  a.kind = QuoteKind::kDirect;
  d->quotes.push_back(a);
}

void AddClaim(Document* d, std::string_view span, double value,
              std::string_view counted, std::string source) {
  Claim c;
  c.span = Find(*d, span);
  c.value = value;
  c.low = c.high = value;
  c.counted = Find(*d, counted);
  c.source_name = std::move(source);
  d->claims.push_back(c);
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class PageReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("page_reader_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "c.db").string();
    StoreOptions so;
    so.path = path_;
    auto store = OpenSqliteStore(so);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Document a = MakeDoc("a", "Coast Post", "2024-02-03", kPier);
    AddQuote(&a, "The pier must stay open all winter for the fishing boats,",
             "said", "Harbour Master Ines Duarte", "Ines Duarte");
    AddClaim(&a, "About 40 boats use the pier", 40, "boats use the pier",
             "officials");
    Document b = MakeDoc("b", "Bay News", "2024-01-20", kPier2);
    AddQuote(&b,
             "The pier must stay open all winter for the fishing boats and "
             "the ferry,",
             "said", "Ines Duarte", "Ines Duarte");
    AddClaim(&b, "Some 55 boats use the pier", 55, "boats use the pier",
             "the port office");
    std::vector<IngestRecord> batch(2);
    batch[0].features = ComputeFeatures(a, a.text, CorpusOptions());
    batch[0].doc = std::move(a);
    batch[1].features = ComputeFeatures(b, b.text, CorpusOptions());
    batch[1].doc = std::move(b);
    auto w = store.value()->Add(batch);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    PageReaderOptions po;
    po.path = path_;
    auto r = PageReader::Open(po);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    reader_ = std::move(r.value());
  }
  void TearDown() override {
    reader_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<PageReader> reader_;
};

TEST_F(PageReaderTest, DocumentHasCodePointOffsets) {
  auto row = reader_->DocumentRow("a");
  ASSERT_TRUE(row.ok());
  auto doc = reader_->Document(row.value());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const DocumentPage& p = doc.value();
  EXPECT_EQ(p.source.outlet, "Coast Post");
  ASSERT_EQ(p.quotes.size(), 1u);
  const PageQuote& q = p.quotes[0];
  std::string_view text = p.text;
  size_t byte = text.find("The pier must");
  EXPECT_EQ(q.content_begin,
            static_cast<int64_t>(CodePoints(text.substr(0, byte))));
  EXPECT_LT(q.content_begin, static_cast<int64_t>(byte));  // "é", "“"
  EXPECT_EQ(q.content_end - q.content_begin,
            static_cast<int64_t>(CodePoints(q.content)));
  EXPECT_EQ(q.speaker, "Ines Duarte");
  EXPECT_GT(q.cue_begin, q.content_end);
  EXPECT_GT(q.speaker_begin, q.cue_end);
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_EQ(p.claims[0].value, 40);
  EXPECT_EQ(p.claims[0].source, "officials");
}

TEST_F(PageReaderTest, MissingThingsAreNotFound) {
  EXPECT_EQ(reader_->Document(999).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(reader_->DocumentRow("zz").status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(reader_->Cluster(999).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(reader_->Speaker(0, "Nobody Here").status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(reader_->ClaimGroup("nothing").status().code(),
            Status::Code::kNotFound);
}

TEST_F(PageReaderTest, ClusterListsFirstAppearanceFirst) {
  auto doc = reader_->Document(reader_->DocumentRow("a").value());
  ASSERT_TRUE(doc.ok());
  int64_t cluster = doc.value().quotes[0].cluster;
  ASSERT_GT(cluster, 0);
  auto c = reader_->Cluster(cluster);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c.value().members.size(), 2u);
  EXPECT_EQ(c.value().members[0].source.doc_id, "b");  // 2024-01-20
  EXPECT_EQ(c.value().members[1].source.doc_id, "a");
  EXPECT_EQ(c.value().outlets, 2u);
}

TEST_F(PageReaderTest, SpeakerHasTimelineAndOutlets) {
  auto s = reader_->Speaker(0, "ines duarte");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const SpeakerPage& p = s.value();
  EXPECT_EQ(p.name, "Ines Duarte");
  EXPECT_EQ(p.total_quotes, 2);
  ASSERT_EQ(p.quotes.size(), 2u);
  EXPECT_EQ(p.quotes[0].source.published, "2024-01-20");
  ASSERT_EQ(p.timeline.size(), 2u);
  EXPECT_EQ(p.timeline[0].key, "2024-01");
  EXPECT_EQ(p.timeline[1].key, "2024-02");
  EXPECT_EQ(p.outlets.size(), 2u);
  auto by_part = reader_->Speaker(0, "Duart");
  ASSERT_TRUE(by_part.ok());
  EXPECT_EQ(by_part.value().id, p.id);
  auto by_id = reader_->Speaker(p.id, "");
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id.value().name, "Ines Duarte");
}

TEST_F(PageReaderTest, ClaimGroupSortsByValue) {
  auto doc = reader_->Document(reader_->DocumentRow("b").value());
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc.value().claims.size(), 1u);
  std::string key = doc.value().claims[0].group_key;
  ASSERT_FALSE(key.empty());
  auto g = reader_->ClaimGroup(key);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g.value().claims.size(), 2u);
  EXPECT_EQ(g.value().claims[0].claim.value, 40);
  EXPECT_EQ(g.value().claims[1].claim.value, 55);
  EXPECT_EQ(g.value().claims[1].source.outlet, "Bay News");
}

TEST_F(PageReaderTest, ReaderCannotWrite) {
  // query_only + read-only open: the reader has no write path at all; the
  // file is unchanged by opening it (mtime stays).
  auto before = std::filesystem::last_write_time(path_);
  auto doc = reader_->Document(1);
  EXPECT_TRUE(doc.ok());
  EXPECT_EQ(std::filesystem::last_write_time(path_), before);
}

TEST(PageReaderOpen, MissingFileIsNotFound) {
  PageReaderOptions po;
  po.path = "/nonexistent/dir/x.db";
  EXPECT_EQ(PageReader::Open(po).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

// Code points [b, e) of `s`.
std::string CpSlice(std::string_view s, int64_t b, int64_t e) {
  std::string out;
  int64_t cp = -1;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++cp;
    if (cp >= b && cp < e) out.push_back(static_cast<char>(c));
  }
  return out;
}

TEST_F(PageReaderTest, OriginalInputIsRebuiltWithMappedSpans) {
  // The input as a cleaner would have read it: a menu line dropped, one
  // line break widened into a paragraph break.
  const std::string input =
      "Home | Sport | Météo\nCafé report from the harbour.\n"
      "“We sail at dawn tomorrow,” said Mara Voss. Some 12 boats wait.";
  const std::string kept1 = "Café report from the harbour.";
  const std::string kept2 =
      "“We sail at dawn tomorrow,” said Mara Voss. Some 12 boats wait.";
  Document c =
      MakeDoc("c", "Harbour Times", "2024-03-01", kept1 + "\n\n" + kept2);
  const auto in1 = static_cast<uint32_t>(input.find(kept1));
  const auto in2 = static_cast<uint32_t>(input.find(kept2));
  c.input_map = {{0, in1, static_cast<uint32_t>(kept1.size())},
                 {static_cast<uint32_t>(kept1.size() + 2), in2,
                  static_cast<uint32_t>(kept2.size())}};
  AddQuote(&c, "We sail at dawn tomorrow,", "said", "Mara Voss", "Mara Voss");
  AddClaim(&c, "Some 12 boats", 12, "boats", "");
  {
    StoreOptions so;
    so.path = path_;
    auto store = OpenSqliteStore(so);
    ASSERT_TRUE(store.ok());
    std::vector<IngestRecord> batch(1);
    batch[0].features = ComputeFeatures(c, input, CorpusOptions());
    ASSERT_TRUE(batch[0].features.has_input_delta);
    batch[0].doc = c;
    ASSERT_TRUE(store.value()->Add(batch).ok());
  }
  auto row = reader_->DocumentRow("c");
  ASSERT_TRUE(row.ok());
  auto doc = reader_->Document(row.value());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const DocumentPage& p = doc.value();
  ASSERT_TRUE(p.has_original);
  EXPECT_EQ(p.original, input);
  ASSERT_EQ(p.quotes.size(), 1u);
  const PageQuote& q = p.quotes[0];
  EXPECT_EQ(CpSlice(p.original, q.orig_content_begin, q.orig_content_end),
            "We sail at dawn tomorrow,");
  EXPECT_EQ(CpSlice(p.original, q.orig_speaker_begin, q.orig_speaker_end),
            "Mara Voss");
  EXPECT_EQ(CpSlice(p.original, q.orig_cue_begin, q.orig_cue_end), "said");
  // The spans moved: the menu line stands before them in the original.
  EXPECT_GT(q.orig_content_begin, q.content_begin);
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_EQ(CpSlice(p.original, p.claims[0].orig_begin, p.claims[0].orig_end),
            "Some 12 boats");

  // Documents stored without an input map have no original.
  auto a = reader_->Document(reader_->DocumentRow("a").value());
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a.value().has_original);
  EXPECT_EQ(a.value().quotes[0].orig_content_begin, -1);
}

}  // namespace
}  // namespace whosaid
