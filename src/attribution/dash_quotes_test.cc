#include "src/attribution/dash_quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/segment/segment.h"

namespace whosaid::attribution {
namespace {

struct Found {
  std::string content, cue, source;
};

std::vector<Found> Find(const std::string& text) {
  Document d;
  d.text = text;
  Segment(SegmentOptions(), &d);
  DocView v;
  v.Build(d);
  std::vector<ColonQuote> out;
  FindDashQuotes(v, /*min_words=*/2, /*max_name_tokens=*/6, &out);
  auto text_of = [&](TSpan s) {
    return std::string(
        d.Text(Span{d.tokens[s.b].span.begin, d.tokens[s.e].span.end}));
  };
  std::vector<Found> found;
  for (const ColonQuote& q : out) {
    found.push_back({text_of(q.content), text_of(q.cue), text_of(q.source)});
  }
  return found;
}

TEST(DashQuotes, PullQuoteWithNameAndRole) {
  auto f = Find(
      "“We will fight this plan in every court.” — Ana Ruiz, a council "
      "member\n”It is a good day.”― Dr. Tom Hale\n\"Not now.\" - Lena "
      "de Souza.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].content, "“We will fight this plan in every court.”");
  EXPECT_EQ(f[0].cue, "—");
  EXPECT_EQ(f[0].source, "Ana Ruiz");
  // A turned opening mark still opens the quotation.
  EXPECT_EQ(f[1].content, "”It is a good day.”");
  EXPECT_EQ(f[1].source, "Dr. Tom Hale");
  EXPECT_EQ(f[2].source, "Lena de Souza");
}

TEST(DashQuotes, OtherDashesAreNoAttribution) {
  // The quotation must open its paragraph, the name end it (or a comma or
  // full stop), and a name must follow the dash.
  EXPECT_TRUE(
      Find("She called it “a good day” — Tom Hale disagreed.\n").empty());
  EXPECT_TRUE(Find("“A good day.” — and then it rained.\n").empty());
  EXPECT_TRUE(
      Find("“A good day.” — Tom Hale said on Monday it was not.\n").empty());
  EXPECT_TRUE(Find("“Yes.” — Tom Hale\n").empty());  // one word
}

}  // namespace
}  // namespace whosaid::attribution
