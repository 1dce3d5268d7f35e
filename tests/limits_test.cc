// Resource limits (issue #9): every limit of the engine is an option with a
// default, and each is checked here at the limit (accepted as usual) and one
// step past it (refused, cut or skipped, with an error or warning naming
// it). The limits are set small so the inputs stay small; the code paths are
// the ones the defaults take. The server's request limits are checked by
// tests/web/api_test.sh (request line, header, body, search text).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "src/claims/claims.h"
#include "src/input/html_extract.h"
#include "src/input/html_tree.h"
#include "src/segment/segment.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

bool HasWarningWith(const std::vector<std::string>& warnings,
                    const std::string& needle) {
  for (const std::string& w : warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(LimitsTest, DefaultsAreSet) {
  EXPECT_EQ(Options().max_document_bytes, size_t{32} << 20);
  EXPECT_EQ(Options().max_sentence_tokens, 400u);
  EXPECT_EQ(HtmlOptions().max_html_bytes, size_t{64} << 20);
  EXPECT_EQ(HtmlTreeOptions().max_depth, 512u);
  EXPECT_EQ(HtmlTreeOptions().max_nodes, size_t{1} << 20);
  EXPECT_EQ(ClaimsOptions().max_digits, 40u);
  EXPECT_EQ(ClaimsOptions().max_claims, 100000u);
}

TEST(LimitsTest, DocumentBytesAtAndPastTheLimit) {
  Options options;
  options.max_document_bytes = 200;
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  RawDocument at;
  at.id = "at";
  at.body = std::string(options.max_document_bytes - 1, 'a') + ".";
  ASSERT_EQ(at.body.size(), options.max_document_bytes);
  Document d = extractor.value()->Extract(at);
  EXPECT_TRUE(d.error.ok()) << d.error.ToString();
  EXPECT_FALSE(d.text.empty());

  RawDocument past = at;
  past.id = "past";
  past.body += "b";
  d = extractor.value()->Extract(past);
  ASSERT_FALSE(d.error.ok());
  EXPECT_NE(d.error.ToString().find("max_document_bytes"), std::string::npos);
  EXPECT_TRUE(d.quotes.empty());
}

TEST(LimitsTest, HtmlBytesAtAndPastTheLimit) {
  std::string page =
      "<html><body><article><p>The council met on Monday, and the mayor "
      "said the bridge would reopen in spring after the repairs.</p>"
      "</article></body></html>";
  HtmlOptions options;
  options.min_body_bytes = 20;
  options.max_html_bytes = page.size();
  auto at = ExtractArticle(page, options);
  ASSERT_TRUE(at.ok()) << at.status().ToString();
  EXPECT_NE(at.value().text.find("bridge"), std::string::npos);
  options.max_html_bytes = page.size() - 1;
  auto past = ExtractArticle(page, options);
  ASSERT_FALSE(past.ok());
  EXPECT_NE(past.status().ToString().find("max_html_bytes"), std::string::npos);
}

std::string Nested(size_t depth) {
  std::string html;
  for (size_t i = 0; i < depth; ++i) html += "<div>";
  html += "text";
  for (size_t i = 0; i < depth; ++i) html += "</div>";
  return html;
}

TEST(LimitsTest, DomDepthAtAndPastTheLimit) {
  HtmlTreeOptions options;
  options.max_depth = 16;
  // The root is on the stack too: max_depth - 1 nested elements fit.
  HtmlTree at;
  BuildHtmlTree(Nested(options.max_depth - 1), options, &at);
  EXPECT_FALSE(at.hit_depth_limit);
  EXPECT_EQ(at.nodes.size(), options.max_depth);
  EXPECT_EQ(at.text, "text");

  HtmlTree past;
  BuildHtmlTree(Nested(options.max_depth), options, &past);
  EXPECT_TRUE(past.hit_depth_limit);
  EXPECT_EQ(past.nodes.size(), options.max_depth);  // the extra one is inline
  EXPECT_EQ(past.text, "text");                     // no text is lost
}

std::string Siblings(size_t n) {
  std::string html;
  for (size_t i = 0; i < n; ++i)
    html += "<div>w" + std::to_string(i) + " </div>";
  return html;
}

TEST(LimitsTest, DomNodesAtAndPastTheLimit) {
  HtmlTreeOptions options;
  options.max_nodes = 32;
  // The root counts: max_nodes - 1 elements fit.
  HtmlTree at;
  BuildHtmlTree(Siblings(options.max_nodes - 1), options, &at);
  EXPECT_FALSE(at.hit_node_limit);
  EXPECT_EQ(at.nodes.size(), options.max_nodes);

  HtmlTree past;
  BuildHtmlTree(Siblings(options.max_nodes), options, &past);
  EXPECT_TRUE(past.hit_node_limit);
  EXPECT_EQ(past.nodes.size(), options.max_nodes);
  EXPECT_NE(past.text.find("w" + std::to_string(options.max_nodes - 1)),
            std::string::npos);  // the last element's text is kept, inline
}

TEST(LimitsTest, DomLimitsAreReportedAsWarnings) {
  HtmlOptions options;
  options.min_body_bytes = 4;
  options.tree.max_depth = 16;
  HtmlArticle at = ExtractArticleUtf8(Nested(15), options);
  EXPECT_FALSE(HasWarningWith(at.warnings, "max_depth"));
  HtmlArticle past = ExtractArticleUtf8(Nested(40), options);
  EXPECT_TRUE(HasWarningWith(past.warnings, "max_depth"));
  options.tree.max_nodes = 8;
  HtmlArticle many = ExtractArticleUtf8(Siblings(7), options);
  EXPECT_FALSE(HasWarningWith(many.warnings, "max_nodes"));
  many = ExtractArticleUtf8(Siblings(8), options);
  EXPECT_TRUE(HasWarningWith(many.warnings, "max_nodes"));
}

// n words and a final period: n + 1 tokens.
std::string Words(size_t n) {
  std::string text;
  for (size_t i = 0; i < n; ++i) text += "word ";
  text.back() = '.';
  return text;
}

TEST(LimitsTest, SentenceTokensAtAndPastTheLimit) {
  SegmentOptions options;
  options.max_sentence_tokens = 50;
  Document at;
  at.text = Words(options.max_sentence_tokens - 1);  // 49 words + "."
  Segment(options, &at);
  ASSERT_EQ(at.tokens.size(), options.max_sentence_tokens);
  EXPECT_EQ(at.sentences.size(), 1u);

  Document past;
  past.text = Words(options.max_sentence_tokens);  // one token more
  Segment(options, &past);
  ASSERT_EQ(past.tokens.size(), options.max_sentence_tokens + 1);
  EXPECT_EQ(past.sentences.size(), 2u);
  for (const auto& s : past.sentences) {
    EXPECT_LE(s.token_end - s.token_begin, options.max_sentence_tokens);
  }
}

// Claims need the whole pipeline before them (segments, quotes, speakers).
Document ExtractText(const std::string& text) {
  static const Extractor* extractor = [] {
    auto e = Extractor::Create(Options());
    return e.ok() ? e.value().release() : nullptr;
  }();
  EXPECT_NE(extractor, nullptr);
  RawDocument raw;
  raw.id = "limits";
  raw.body = text;
  return extractor ? extractor->Extract(raw) : Document();
}

TEST(LimitsTest, NumberDigitsAtAndPastTheLimit) {
  ClaimsOptions options;
  const std::string at_digits(options.max_digits, '3');
  Document at =
      ExtractText("The ledger listed " + at_digits + " grains of sand.");
  ASSERT_TRUE(at.error.ok());
  ClaimsOptions small = options;
  // Re-run the claims stage alone with the same document: at the limit the
  // number is read (a value of ~3.3e39 is then dropped as absurd by
  // max_abs_value, a separate limit), so count "too long" warnings only.
  at.claims.clear();
  at.warnings.clear();
  small.max_abs_value = 1e300;
  ExtractClaims(small, &at);
  EXPECT_FALSE(HasWarningWith(at.warnings, "too long"));
  ASSERT_EQ(at.claims.size(), 1u);
  EXPECT_GT(at.claims[0].value, 3e39);

  Document past =
      ExtractText("The ledger listed " + at_digits + "3 grains of sand.");
  past.claims.clear();
  past.warnings.clear();
  ExtractClaims(small, &past);
  EXPECT_TRUE(past.claims.empty());
  EXPECT_TRUE(HasWarningWith(past.warnings, "too long"));
}

TEST(LimitsTest, ClaimsPerDocumentAtAndPastTheLimit) {
  Document doc = ExtractText(
      "The town has 12 bridges. It counts 40 ferries. Officials listed 7 "
      "schools.");
  ASSERT_TRUE(doc.error.ok());
  ASSERT_EQ(doc.claims.size(), 3u);
  ClaimsOptions options;
  options.max_claims = 3;
  doc.claims.clear();
  doc.warnings.clear();
  ExtractClaims(options, &doc);
  EXPECT_EQ(doc.claims.size(), 3u);
  EXPECT_FALSE(HasWarningWith(doc.warnings, "max_claims"));

  options.max_claims = 2;
  doc.claims.clear();
  doc.warnings.clear();
  ExtractClaims(options, &doc);
  EXPECT_EQ(doc.claims.size(), 2u);
  EXPECT_TRUE(HasWarningWith(doc.warnings, "max_claims"));
}

}  // namespace
}  // namespace whosaid
