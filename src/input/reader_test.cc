#include "src/input/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

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
    std::string path =
        ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
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

namespace whosaid {
namespace {

class CsvReaderTest : public ::testing::Test {
 protected:
  std::vector<RawDocument> ReadAll(const std::string& content,
                                   size_t max_bytes = 1 << 20) {
    // ctest runs tests in parallel processes: one file per test and process.
    std::string path =
        ::testing::TempDir() + "/" +
        ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
        std::to_string(getpid()) + ".csv";
    std::ofstream(path, std::ios::binary) << content;
    DocumentReader reader({path}, InputFormat::kAuto, max_bytes);
    std::vector<RawDocument> docs;
    RawDocument doc;
    while (reader.Next(&doc)) docs.push_back(doc);
    return docs;
  }
};

TEST_F(CsvReaderTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto docs = ReadAll(
      "id,Title,content,authors\r\n"
      "a1,\"One, two\",\"He said \"\"no\"\".\nNext line.\",Ann\r\n"
      "\n"
      "a2,T2,Plain body,\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].title, "One, two");
  EXPECT_EQ(docs[0].body, "He said \"no\".\nNext line.");
  EXPECT_EQ(docs[0].authors, "Ann");
  EXPECT_EQ(docs[1].body, "Plain body");
}

TEST_F(CsvReaderTest, RowsWithoutIdAreNamedByLine) {
  auto docs = ReadAll("text\nfirst\n\"multi\nline\"\nthird\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_NE(docs[1].id.find(":3"), std::string::npos) << docs[1].id;
  EXPECT_NE(docs[2].id.find(":5"), std::string::npos) << docs[2].id;
}

TEST_F(CsvReaderTest, BadFilesAndRowsAreErrorRecords) {
  auto no_text = ReadAll("id,title\n1,x\n");
  ASSERT_EQ(no_text.size(), 1u);
  EXPECT_FALSE(no_text[0].read_error.ok());
  auto short_row = ReadAll("id,title,text\n1\n2,t,body\n");
  ASSERT_EQ(short_row.size(), 2u);
  EXPECT_FALSE(short_row[0].read_error.ok());
  EXPECT_TRUE(short_row[1].read_error.ok());
  auto unterminated = ReadAll("text\n\"never closed\n");
  ASSERT_EQ(unterminated.size(), 1u);
  EXPECT_FALSE(unterminated[0].read_error.ok());
  auto too_long = ReadAll("text\n" + std::string(3000, 'x') + "\nok\n", 1000);
  ASSERT_EQ(too_long.size(), 2u);
  EXPECT_EQ(too_long[0].read_error.code(), Status::Code::kLimitExceeded);
  EXPECT_EQ(too_long[1].body, "ok");
}

}  // namespace
}  // namespace whosaid
