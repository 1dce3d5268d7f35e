#include "src/input/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace whosaid {
namespace {

TEST(JsonlRecordTest, ReadsFieldsAndAliases) {
  RawDocument doc;
  ParseJsonlRecord(
      R"({"id":"a1","content":"Body.","title":"T","url":"http://x",)"
      R"("date":"2016-09-20","authors":["Ann Lee","Bo Ma"],"source":"Daily"})",
      "f:1", &doc);
  ASSERT_TRUE(doc.read_error.ok()) << doc.read_error.ToString();
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(doc.body, "Body.");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.url, "http://x");
  EXPECT_EQ(doc.date, "2016-09-20");
  EXPECT_EQ(doc.authors, "Ann Lee, Bo Ma");
  EXPECT_EQ(doc.site, "Daily");
}

TEST(JsonlRecordTest, NumericIdIsKeptAsWritten) {
  RawDocument doc;
  ParseJsonlRecord(R"({"id":42,"text":"x"})", "f:1", &doc);
  EXPECT_EQ(doc.id, "42");
}

TEST(JsonlRecordTest, MissingIdUsesWhere) {
  RawDocument doc;
  ParseJsonlRecord(R"({"text":"x"})", "f.jsonl:7", &doc);
  EXPECT_EQ(doc.id, "f.jsonl:7");
  EXPECT_TRUE(doc.read_error.ok());
}

TEST(JsonlRecordTest, MalformedLinesAreErrorsNamingTheInput) {
  for (const char* line :
       {"{broken", "[1,2]", "\"str\"", "", "{\"text\":3}", "{\"id\":\"x\"}"}) {
    RawDocument doc;
    ParseJsonlRecord(line, "in.jsonl:3", &doc);
    EXPECT_FALSE(doc.read_error.ok()) << line;
    EXPECT_NE(doc.read_error.message().find("in.jsonl:3"), std::string::npos)
        << doc.read_error.message();
  }
}

// Regression (fuzz/corpus/jsonl_fuzzer/regression-ondemand-after-error): a
// malformed line once crashed the lazy JSON parser mid-lookup.
TEST(JsonlRecordTest, InvalidEscapeDoesNotCrash) {
  RawDocument doc;
  ParseJsonlRecord(R"({"id":"x","text":"He said \text":""hi\"."A","B"]})",
                   "f:1", &doc);
  EXPECT_FALSE(doc.read_error.ok());
}

class ReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = ::testing::TempDir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(ReaderTest, TextFileIsOneDocumentWithPathAsId) {
  std::string path = Write("a.txt", "One.\n\nTwo.");
  DocumentReader reader({path}, InputFormat::kAuto, 1 << 20);
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, path);
  EXPECT_EQ(doc.body, "One.\n\nTwo.");
  EXPECT_FALSE(reader.Next(&doc));
}

TEST_F(ReaderTest, JsonlGivesOneDocumentPerNonBlankLine) {
  std::string path =
      Write("b.jsonl", "{\"text\":\"a\"}\n\n{bad\n{\"text\":\"c\"}");
  DocumentReader reader({path}, InputFormat::kAuto, 1 << 20);
  RawDocument doc;
  std::vector<bool> ok;
  while (reader.Next(&doc)) ok.push_back(doc.read_error.ok());
  EXPECT_EQ(ok, (std::vector<bool>{true, false, true}));
}

TEST_F(ReaderTest, MissingFileIsAnErrorRecordAndReadingGoesOn) {
  std::string good = Write("c.txt", "Fine.");
  DocumentReader reader({"/no/such/file.txt", good}, InputFormat::kAuto,
                        1 << 20);
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "/no/such/file.txt");
  EXPECT_EQ(doc.read_error.code(), Status::Code::kIOError);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_TRUE(doc.read_error.ok());
  EXPECT_EQ(reader.failed_inputs(), 1u);
}

TEST_F(ReaderTest, OverlongDocumentsAndLinesAreLimitErrors) {
  std::string big = Write("d.txt", std::string(5000, 'a'));
  std::string lines = Write("e.jsonl", "{\"text\":\"" + std::string(5000, 'a') +
                                           "\"}\n{\"text\":\"short\"}\n");
  DocumentReader reader({big, lines}, InputFormat::kAuto, 1000);
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.read_error.code(), Status::Code::kLimitExceeded);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.read_error.code(), Status::Code::kLimitExceeded);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_TRUE(doc.read_error.ok());
  EXPECT_EQ(doc.body, "short");
}

}  // namespace
}  // namespace whosaid
