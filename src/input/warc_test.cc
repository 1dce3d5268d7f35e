#include "src/input/warc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace whosaid {
namespace {

std::string Record(const std::string& type, const std::string& uri,
                   const std::string& payload, long length = -1) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type +
                  "\r\nWARC-Date: 2022-01-02T03:04:05Z\r\n"
                  "WARC-Record-ID: <urn:uuid:1234>\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Length: " +
       std::to_string(length < 0 ? static_cast<long>(payload.size()) : length) +
       "\r\n\r\n" + payload + "\r\n\r\n";
  return r;
}

std::string Http(const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         body;
}

// One gzip member per record, as Common Crawl writes them. Written with
// deflate "stored" blocks so the test needs no compressor.
std::string GzipMember(const std::string& data) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  size_t i = 0;
  do {
    size_t n = std::min<size_t>(data.size() - i, 65535);
    bool last = i + n == data.size();
    out.push_back(last ? 1 : 0);
    out.push_back(static_cast<char>(n & 0xff));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(~n & 0xff));
    out.push_back(static_cast<char>((~n >> 8) & 0xff));
    out.append(data, i, n);
    i += n;
  } while (i < data.size());
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  crc ^= 0xFFFFFFFFu;
  uint32_t size = static_cast<uint32_t>(data.size());
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>(crc >> (8 * k)));
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>(size >> (8 * k)));
  return out;
}

struct Read {
  std::vector<RawDocument> docs;
  WarcCounts counts;
};

Read ReadAll(const std::string& data) {
  WarcReader reader(data, "t.warc", WarcOptions());
  Read r;
  RawDocument doc;
  while (reader.Next(&doc)) r.docs.push_back(doc);
  r.counts = reader.counts();
  return r;
}

const char kPage[] = "<html><body><p>Hello there.</p></body></html>";

TEST(WarcReaderTest, EmitsHtmlResponsesAndSkipsTheRest) {
  std::string data =
      Record("warcinfo", "", "software: test\r\n") +
      Record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n") +
      Record("response", "http://a.example/",
             Http("text/html; charset=ISO-8859-1", kPage)) +
      Record("response", "http://a.example/img.png",
             Http("image/png", "\x89PNG")) +
      Record("metadata", "http://a.example/", "x: y\r\n");
  Read r = ReadAll(data);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.docs[0].read_error.ok()) << r.docs[0].read_error.ToString();
  EXPECT_EQ(r.docs[0].html, kPage);
  EXPECT_EQ(r.docs[0].html_charset, "iso-8859-1");
  EXPECT_EQ(r.docs[0].url, "http://a.example/");
  EXPECT_EQ(r.docs[0].crawl_date, "2022-01-02T03:04:05Z");
  EXPECT_EQ(r.counts.records, 5u);
  EXPECT_EQ(r.counts.skipped, 4u);
  EXPECT_EQ(r.counts.errors, 0u);
}

TEST(WarcReaderTest, GzipMembersAndChunkedBodies) {
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      "Transfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n3\r\n><p\r\n0\r\n\r\n";
  std::string data =
      GzipMember(
          Record("response", "http://b.example/1", Http("text/html", kPage))) +
      GzipMember(Record("response", "http://b.example/2", chunked));
  Read r = ReadAll(data);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].html, kPage);
  EXPECT_EQ(r.docs[1].html, "<html><p");
  EXPECT_EQ(r.docs[1].id, "http://b.example/2");
}

TEST(WarcReaderTest, LyingLengthIsAnErrorAndTheStreamGoesOn) {
  std::string good =
      Record("response", "http://c.example/ok", Http("text/html", kPage));
  std::string liar =
      Record("response", "http://c.example/liar", Http("text/html", kPage), 20);
  Read r = ReadAll(liar + good);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_FALSE(r.docs[0].read_error.ok());
  EXPECT_NE(r.docs[0].read_error.message().find("Content-Length"),
            std::string::npos);
  EXPECT_TRUE(r.docs[1].read_error.ok());
  EXPECT_EQ(r.docs[1].url, "http://c.example/ok");
  // Too long a length swallows nothing after it.
  std::string longer = Record("response", "http://c.example/long",
                              Http("text/html", kPage), 400);
  r = ReadAll(longer + good);
  ASSERT_GE(r.docs.size(), 2u);
  EXPECT_FALSE(r.docs[0].read_error.ok());
  EXPECT_EQ(r.docs.back().url, "http://c.example/ok");
}

TEST(WarcReaderTest, JunkAndTruncationAreReported) {
  std::string good =
      Record("response", "http://d.example/ok", Http("text/html", kPage));
  Read r = ReadAll(std::string("\x00\x01junk junk\n", 12) + good);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_FALSE(r.docs[0].read_error.ok());
  EXPECT_EQ(r.docs[1].url, "http://d.example/ok");

  std::string member = GzipMember(good);
  std::string data = GzipMember(good) + member.substr(0, member.size() / 2);
  r = ReadAll(data);
  ASSERT_GE(r.docs.size(), 2u);
  EXPECT_TRUE(r.docs[0].read_error.ok());
  bool said_truncated = false;
  for (size_t i = 1; i < r.docs.size(); ++i) {
    EXPECT_FALSE(r.docs[i].read_error.ok());
    said_truncated |=
        r.docs[i].read_error.message().find("truncated") != std::string::npos;
  }
  EXPECT_TRUE(said_truncated);

  // A corrupt member in the middle: an error, then the next member.
  std::string bad = GzipMember(good);
  for (size_t i = 12; i < bad.size() - 8; i += 7) bad[i] ^= 0x5A;
  r = ReadAll(GzipMember(good) + bad + GzipMember(good));
  ASSERT_GE(r.docs.size(), 3u);
  EXPECT_TRUE(r.docs.front().read_error.ok());
  EXPECT_TRUE(r.docs.back().read_error.ok());
  EXPECT_EQ(r.docs.back().url, "http://d.example/ok");
  EXPECT_GE(r.counts.errors, 1u);
}

TEST(WarcReaderTest, OversizedRecordIsSkipped) {
  WarcOptions opt;
  opt.max_record_bytes = 100;
  std::string big(500, 'x');
  std::string data =
      Record("response", "http://e.example/big", Http("text/html", big)) +
      Record("response", "http://e.example/ok", Http("text/html", "<p>"));
  WarcReader reader(data, "t.warc", opt);
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.read_error.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(doc.read_error.message().find("max_record_bytes"),
            std::string::npos);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_TRUE(doc.read_error.ok());
  EXPECT_EQ(doc.url, "http://e.example/ok");
  EXPECT_FALSE(reader.Next(&doc));
}

}  // namespace
}  // namespace whosaid
