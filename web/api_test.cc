// Tests of the web API's pure parts: JSON escaping, the as-you-type query
// rewrite, the embedded asset table and error bodies.
#include "web/api.h"

#include <gtest/gtest.h>

#include <string>

#include "web/assets.h"
#include "web/json.h"

namespace whosaid::web {
namespace {

TEST(JsonOut, EscapesMarkupAndControlCharacters) {
  JsonOut j;
  j.BeginObject()
      .Field("t", "<script>alert(\"x\")</script>&'\n\x01")
      .FieldInt("n", -3)
      .Key("a")
      .BeginArray()
      .Bool(true)
      .Null()
      .Double(1.5)
      .EndArray()
      .EndObject();
  EXPECT_EQ(j.str(),
            "{\"t\":\"\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/"
            "script\\u003e\\u0026\\u0027\\n\\u0001\",\"n\":-3,\"a\":[true,"
            "null,1.5]}");
  EXPECT_EQ(j.str().find('<'), std::string::npos);
}

TEST(JsonOut, KeepsUtf8) {
  JsonOut j;
  j.String("“Café”");
  EXPECT_EQ(j.str(), "\"“Café”\"");
}

TEST(WordsToFts, QuotesEveryWordAndPrefixesTheLast) {
  EXPECT_EQ(WordsToFts("pier win"), "\"pier\" \"win\"*");
  EXPECT_EQ(WordsToFts("pier winter "), "\"pier\" \"winter\"");
  // Operators and quotes typed by a person are plain words.
  EXPECT_EQ(WordsToFts("a\" OR NOT(*"), "\"a\" \"OR\" \"NOT(*\"*");
  EXPECT_EQ(WordsToFts("pier t"), "\"pier\" \"t\"");  // too short
  EXPECT_EQ(WordsToFts("   "), "");
  // Found by fuzz/fts_query_fuzzer: a NUL byte (%00 in the URL) cut the
  // query SQLite saw inside a quoted word (a syntax error, HTTP 400).
  EXPECT_EQ(WordsToFts(std::string_view("pier\0win\x01ter", 12)),
            "\"pier\" \"win\" \"ter\"*");
  EXPECT_EQ(WordsToFts("\"\""), "");
}

TEST(Assets, OnlyExactNamesAreFound) {
  ASSERT_NE(FindAsset("index.html"), nullptr);
  ASSERT_NE(FindAsset("app.js"), nullptr);
  ASSERT_NE(FindAsset("style.css"), nullptr);
  EXPECT_GT(FindAsset("app.js")->size, 1000u);
  EXPECT_EQ(FindAsset("../index.html"), nullptr);
  EXPECT_EQ(FindAsset("/etc/passwd"), nullptr);
  EXPECT_EQ(FindAsset(""), nullptr);
  EXPECT_STREQ(ContentTypeFor("app.js"), "text/javascript; charset=utf-8");
  EXPECT_STREQ(ContentTypeFor("x.bin"), "application/octet-stream");
}

TEST(Assets, NoExternalResources) {
  // Offline by construction: no page asset refers to another host.
  for (const char* name : {"index.html", "app.js", "style.css"}) {
    const Asset* a = FindAsset(name);
    ASSERT_NE(a, nullptr) << name;
    std::string text(reinterpret_cast<const char*>(a->data), a->size);
    EXPECT_EQ(text.find("//fonts."), std::string::npos) << name;
    EXPECT_EQ(text.find("cdn"), std::string::npos) << name;
    EXPECT_EQ(text.find("@import"), std::string::npos) << name;
    EXPECT_EQ(text.find("src=\"http"), std::string::npos) << name;
    EXPECT_EQ(text.find("href=\"http"), std::string::npos) << name;
  }
}

TEST(ApiErrors, UnknownEndpointIs404WithoutConnection) {
  ApiOptions o;
  ApiResponse r = HandleApi("/api/nope", {}, o, nullptr);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "{\"error\":\"no such API endpoint\"}");
}

}  // namespace
}  // namespace whosaid::web
