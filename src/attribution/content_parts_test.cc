#include "src/attribution/content_parts.h"

#include <gtest/gtest.h>

#include <string>

#include "src/attribution/span_test_util.h"

namespace whosaid::attribution {
namespace {

std::string Text(const Document& d, int b, int e) {
  return std::string(
      d.Text(Span{d.tokens[b].span.begin, d.tokens[e].span.end}));
}

TEST(ContentParts, SecondPartStartsAtTheNextQuotation) {
  Parsed p = Parse(
      "“The tax laws are unfair,” Hale said at a rally this week. “It is "
      "something I have talked about for years.”");
  const Document& d = p.doc;
  const int last = static_cast<int>(d.tokens.size()) - 1;
  const int said = TokenOf(d, "said");
  int e1, b2;
  SplitAroundGap(d, p.view, TSpan{0, last}, TokenOf(d, "Hale"), said, -1, &e1,
                 &b2);
  EXPECT_EQ(Text(d, 0, e1), "“The tax laws are unfair,”");
  EXPECT_EQ(Text(d, b2, last),
            "“It is something I have talked about for years.”");
  EXPECT_EQ(KindOfContent(d, p.view, TSpan{0, last}, e1, b2),
            QuoteKind::kDirect);
  // Counted over the whole span, the cue's words make it look mixed.
  EXPECT_EQ(KindOfContent(d, p.view, TSpan{0, last}, -1, -1),
            QuoteKind::kMixed);
}

TEST(ContentParts, UnquotedSecondPartsStayWhole) {
  // The first part is not a whole quotation: the words after the cue are
  // the content's second part.
  Parsed p = Parse("The bridge, she said, will reopen in May.");
  const Document& d = p.doc;
  const int last = static_cast<int>(d.tokens.size()) - 2;  // before "."
  int e1, b2;
  SplitAroundGap(d, p.view, TSpan{0, last}, TokenOf(d, "she"),
                 TokenOf(d, "said"), -1, &e1, &b2);
  EXPECT_EQ(Text(d, 0, e1), "The bridge");
  EXPECT_EQ(Text(d, b2, last), "will reopen in May");
  EXPECT_EQ(KindOfContent(d, p.view, TSpan{0, last}, e1, b2),
            QuoteKind::kIndirect);
}

}  // namespace
}  // namespace whosaid::attribution
