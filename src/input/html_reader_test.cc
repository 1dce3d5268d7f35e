// DocumentReader + Extractor on HTML and WARC inputs (formats html / warc).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "src/input/reader.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

constexpr const char* kPage =
    "<!doctype html><html lang=\"en\"><head><title>Dam | Hill News</title>"
    "<meta property=\"og:site_name\" content=\"Hill News\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/x\">World</a></nav><article>"
    "<h1>Dam opens</h1><p>The new dam opened on Monday, officials said, after "
    "six years of building work in the hills above the town.</p>"
    "<p>The mayor said the reservoir would supply water to 40,000 homes, and "
    "that the project had stayed within its budget.</p></article></body>"
    "</html>";

std::string TempFile(const std::string& name, const std::string& data) {
  std::string path =
      ::testing::TempDir() + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << data;
  return path;
}

TEST(HtmlReaderTest, AutoDetectsHtmlAndWarc) {
  std::string html = TempFile("page.html", kPage);
  std::string sniffed = TempFile("page.txt", kPage);
  std::string payload = std::string(
                            "HTTP/1.1 200 OK\r\nContent-Type: "
                            "text/html\r\n\r\n") +
                        kPage;
  std::string warc =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
      "https://hill.example/dam\r\nWARC-Date: 2023-04-05T06:07:08Z\r\n"
      "Content-Length: " +
      std::to_string(payload.size()) + "\r\n\r\n" + payload + "\r\n\r\n";
  std::string warc_path = TempFile("crawl.bin", warc);
  DocumentReader reader({html, sniffed, warc_path}, InputFormat::kAuto,
                        1 << 20);
  std::vector<RawDocument> docs;
  RawDocument doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  ASSERT_EQ(docs.size(), 3u);
  for (const RawDocument& d : docs) {
    EXPECT_TRUE(d.read_error.ok()) << d.read_error.ToString();
    EXPECT_EQ(d.html, kPage);
    EXPECT_TRUE(d.body.empty());
  }
  EXPECT_EQ(docs[2].url, "https://hill.example/dam");
  EXPECT_EQ(docs[2].crawl_date, "2023-04-05T06:07:08Z");

  auto extractor = Extractor::Create(Options());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Document out = extractor.value()->Extract(docs[2]);
  ASSERT_TRUE(out.error.ok()) << out.error.ToString();
  EXPECT_NE(out.text.find("The new dam opened on Monday"), std::string::npos);
  EXPECT_EQ(out.text.find("Home"), std::string::npos);
  EXPECT_EQ(out.title, "Dam opens");
  EXPECT_EQ(out.site, "Hill News");
  EXPECT_EQ(out.language, "en");
  EXPECT_EQ(out.url, "https://hill.example/dam");
  EXPECT_EQ(out.published, "2023-04-05T06:07:08Z");  // crawl date fallback
  EXPECT_FALSE(out.sentences.empty());
}

TEST(HtmlReaderTest, JsonlHtmlField) {
  RawDocument doc;
  std::string page = kPage;
  std::string escaped;
  for (char c : page) {
    if (c == '"') escaped += '\\';
    escaped += c;
  }
  ParseJsonlRecord("{\"id\":\"p1\",\"html\":\"" + escaped + "\"}", "f:1", &doc);
  ASSERT_TRUE(doc.read_error.ok()) << doc.read_error.ToString();
  EXPECT_EQ(doc.html, page);
  InputFormat f;
  EXPECT_TRUE(ParseInputFormat("html", &f));
  EXPECT_EQ(f, InputFormat::kHtml);
  EXPECT_TRUE(ParseInputFormat("warc", &f));
  EXPECT_EQ(f, InputFormat::kWarc);
}

TEST(HtmlReaderTest, BylineDateFillsAPageWithNoOtherDate) {
  // The date stands in a byline before the body; no metadata, no dated URL.
  RawDocument raw;
  raw.id = "byline";
  raw.html =
      "<html><head><title>Dam opens | Hill News</title></head><body>"
      "<article><h1>Dam opens</h1><div class=\"byline\">Ana Ruiz, Hill "
      "News &middot; 18 NOV 2019</div><p>The new dam opened on Monday, "
      "officials said, after six years of building work in the hills above "
      "the town.</p><p>The mayor said the reservoir would supply water to "
      "40,000 homes, and that the project had stayed within its budget.</p>"
      "</article></body></html>";
  auto extractor = Extractor::Create(Options());
  ASSERT_TRUE(extractor.ok());
  Document out = extractor.value()->Extract(raw);
  ASSERT_TRUE(out.error.ok()) << out.error.ToString();
  EXPECT_EQ(out.title, "Dam opens");
  EXPECT_EQ(out.published, "2019-11-18");
}

TEST(HtmlReaderTest, NonArticlePageWarnsWithoutBody) {
  RawDocument raw;
  raw.id = "menu";
  raw.html = "<html><body><ul><li><a href=/a>A</a></li></ul></body></html>";
  auto extractor = Extractor::Create(Options());
  ASSERT_TRUE(extractor.ok());
  Document out = extractor.value()->Extract(raw);
  EXPECT_TRUE(out.error.ok());
  EXPECT_TRUE(out.text.empty());
  ASSERT_FALSE(out.warnings.empty());
}

}  // namespace
}  // namespace whosaid
