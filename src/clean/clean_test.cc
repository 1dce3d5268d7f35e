#include "src/clean/clean.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/clean/line_text.h"
#include "src/clean/metadata.h"
#include "src/clean/residue.h"

namespace whosaid {
namespace {

Document Clean(std::string_view input, Document doc = Document(),
               const CleanOptions& options = CleanOptions()) {
  CleanText(input, options, &doc);
  return doc;
}

// Every piece maps clean bytes to equal input bytes; pieces are ordered and
// in bounds; bytes not covered are the paragraph breaks cleaning inserted.
void ExpectMapRoundTrip(std::string_view input, const Document& doc) {
  std::vector<bool> covered(doc.text.size(), false);
  uint64_t last_clean_end = 0, last_input_end = 0;
  for (const OffsetPiece& p : doc.input_map) {
    ASSERT_GT(p.length, 0u);
    ASSERT_LE(uint64_t{p.clean_begin} + p.length, doc.text.size());
    ASSERT_LE(uint64_t{p.input_begin} + p.length, input.size());
    ASSERT_GE(p.clean_begin, last_clean_end);
    ASSERT_GE(p.input_begin, last_input_end);
    ASSERT_EQ(std::string_view(doc.text).substr(p.clean_begin, p.length),
              input.substr(p.input_begin, p.length));
    for (uint32_t k = 0; k < p.length; ++k) covered[p.clean_begin + k] = true;
    last_clean_end = p.clean_begin + p.length;
    last_input_end = p.input_begin + p.length;
  }
  for (size_t i = 0; i < doc.text.size(); ++i) {
    if (!covered[i]) {
      ASSERT_EQ(doc.text[i], '\n') << "at " << i;
    }
  }
}

bool HasLine(const std::string& text, std::string_view line) {
  size_t pos = 0;
  while ((pos = text.find(line, pos)) != std::string::npos) {
    size_t end = pos + line.size();
    if ((pos == 0 || text[pos - 1] == '\n') &&
        (end == text.size() || text[end] == '\n')) {
      return true;
    }
    ++pos;
  }
  return false;
}

TEST(CleanTest, DisabledIsIdentity) {
  std::string input = "icon fbicon twittericon\n\nShare Tweet Email\n  x  \n";
  CleanOptions options;
  options.enabled = false;
  Document doc = Clean(input, Document(), options);
  EXPECT_EQ(doc.text, input);
  ASSERT_EQ(doc.input_map.size(), 1u);
  EXPECT_EQ(doc.input_map[0].length, input.size());
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_TRUE(doc.title.empty());
}

TEST(CleanTest, CleanInputIsUnchanged) {
  std::string input =
      "The council voted on Tuesday to close the old bridge.\n\n"
      "\xE2\x80\x9CIt is not safe,\xE2\x80\x9D the mayor said.";
  Document doc = Clean(input);
  EXPECT_EQ(doc.text, input);
  ASSERT_EQ(doc.input_map.size(), 1u);
  EXPECT_TRUE(doc.warnings.empty());
}

struct ResidueCase {
  const char* line;
  const char* why;
};

TEST(CleanTest, RemovesEachResidueType) {
  const ResidueCase kResidue[] = {
      {"iconmenu iconsearch iconclose chevron lefticon chevron righticon "
       "playicon pauseicon mailicon phoneicon",
       "icon-font word list"},
      {"Share Tweet Post Email", "share buttons"},
      {"Share this article", "share line"},
      {"Subscribe to The Daily Example for FREE", "subscribe"},
      {"Follow Jane Roe on Twitter @janeroe_writes", "social handle"},
      {"Follow us on Facebook", "follow"},
      {"@examplenews", "handle only"},
      {"We use cookies to give you the best experience. By continuing to "
       "browse you accept our cookie policy.",
       "cookie"},
      {"Sign up for our daily newsletter to get the top stories in your "
       "inbox.",
       "newsletter"},
      {"Read more: Ten things to know about the new budget", "read more"},
      {"Click here to watch the full interview", "click here"},
      {"ADVERTISEMENT", "advertisement"},
      {"Advertisement Continue reading the main story", "ad + continue"},
      {"Related: City council delays vote on parking fees", "related"},
      {"Headline: Gold Prices Surge As Markets Open", "ticker"},
      {"Photo Credit: Sam Lee / Example Images", "photo credit"},
      {"A firefighter walks past the burned warehouse on Monday. (AP "
       "Photo/Sam Lee)",
       "caption"},
      {"FILE - In this March 3, 2015, file photo, a ship leaves the harbor.",
       "file caption"},
      {"Home > News > Local Politics", "crumb"},
      {"The mayor at Monday's briefing. Sam Lee/Example Images/Getty Images",
       "caption ending in a credit"},
      {"Sam Lee/AP Photo", "credit alone"},
      {"Five things to know about the harbor budget Read more", "link card"},
      {"Read or Share this story: https://example.com/a/2xYz", "share"},
      {"* * *", "separator"},
      {"Slideshow (12 Images)", "slideshow"},
      {"Enlarge this image toggle caption Sam Lee/Example Sam Lee/Example",
       "enlarge caption"},
      {"Copyright \xC2\xA9 2019 Example Media LLC. Click here for reprint "
       "permission.",
       "copyright"},
      {"Please enable JavaScript to watch this video", "browser notice"},
      {"6 years ago", "relative time stamp"},
      {"Get our best stories. Subscribe to the Morning Brief newsletter.",
       "newsletter with subscribe"},
      {"Like us on Facebook.", "like us"},
      {"Photos: The harbor through the years The old pier in 1950, before "
       "the storm that took its roof and most of the boats moored to it, as "
       "the harbor master told the town paper at the time in a long "
       "interview about the damage. Hide Caption 1 of 9 Photos: The harbor "
       "through the years The pier in 1990. Hide Caption 2 of 9",
       "gallery captions, however long"},
      {"JUST WATCHED Harbor pier reopens after storm Replay More Videos ... "
       "MUST WATCH Harbor pier reopens after storm 02:14",
       "video playlist"},
      {"Politics Harbor Pier Reopens After Storm Harbor Pier Reopens After "
       "Storm Listen \xC2\xB7 4:16 4:16",
       "audio player"},
      {"Media playback is unsupported on your device Media caption Harbor "
       "master: \"We had to rebuild the pier from the foundations up\"",
       "media widget caption"},
      {"Image copyright Reuters Image caption The director of the harbor "
       "authority told the board the pier would \"open in the spring\"",
       "image widget caption"},
      {"Harbor Daily Get the top harbor news every weekday morning, in your "
       "inbox. Email Sign Up By signing up you agree to receive email "
       "newsletters or alerts from the Harbor Daily. You can unsubscribe at "
       "any time. This site is protected by reCAPTCHA and the Privacy Policy "
       "and Terms of Service apply.",
       "newsletter sign-up form"},
      {"( Also on Harbor Daily: Ferry fares rise again)",
       "bracketed link teaser"},
      {"(WATCH: The pier reopens after the storm)", "bracketed media link"},
      {"Facebook Twitter Pinterest Ferries wait at the pier. Photograph: Sam "
       "Lee/Example",
       "share bar glued to a caption"},
      {"CLOSE The harbor master explains why the pier was closed. Example TV",
       "video close button glued to a description"},
      {"Write to Sam Lee at sam.lee@example.com", "author contact line"},
      {"The harbor master walks the new pier on Monday. Photo: Ana "
       "Ruiz/Example",
       "caption ending in a credit label"},
      {"LISTEN TO ARTICLE 4:05 SHARE THIS ARTICLE Share Tweet Post Email",
       "listen-to-article bar"},
  };
  const std::string para1 =
      "The harbor authority said on Monday that the new pier would open in "
      "the spring, two years later than planned.";
  const std::string para2 =
      "\xE2\x80\x9CWe had to rebuild the foundations,\xE2\x80\x9D the "
      "authority\xE2\x80\x99s director said.";
  for (const ResidueCase& c : kResidue) {
    SCOPED_TRACE(c.why);
    std::string input = para1 + "\n\n" + c.line + "\n\n" + para2 + "\n";
    Document doc = Clean(input);
    EXPECT_EQ(doc.text, para1 + "\n\n" + para2);
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_EQ(doc.warnings[0].rfind("removed 1 residue line (", 0), 0u)
        << doc.warnings[0];
    ExpectMapRoundTrip(input, doc);
  }
}

TEST(CleanTest, KeepsRealShortParagraphs) {
  const char* kKeep[] = {
      "\xE2\x80\x9CWe\xE2\x80\x99ve won,\xE2\x80\x9D he said.",
      "Right.",
      "Yes.",
      "Florida",
      "What happens next?",
      "Only 12 residents managed to sign up for the program before it "
      "closed in May.",
      "The bakery sold 300 cookies on the first day, the owner said.",
      "\"Click here if you want to help,\" the volunteer told the crowd.",
      "National poll: Lee 34 percent; Roe 21 percent; Doe 9 percent",
      "Taxes are going up. Follow the money \xE2\x80\x94 Jane Roe "
      "(@janeroe) March 3, 2017",
      "The photos were taken in 2015, the agency said (in a statement).",
      "She said it was a matter of policy, and the cookies were a gift.",
      "Like many of his neighbors, he joined the protest on Facebook.",
      "More than 200 people attended.",
      "Farmers were told to subscribe to the new water plan by June.",
      "Two years ago",
      "By the end of the day, officials said, the roads had reopened.",
      "Watch the skies tonight, astronomers say, for a rare comet.",
      "The caption of photo 3 of the 12 was wrong, the editor said.",
      "The photo agency once known as Getty Images",
      "\"You should read more,\" she said, \"and read more\"",
      "(The vote was 5 to 4: the fees rise in May.)",
      "Close to 300 people wrote to the council, the clerk said.",
      "Write to the council before Friday, the clerk urged residents.",
  };
  for (const char* line : kKeep) {
    SCOPED_TRACE(line);
    std::string input =
        std::string(
            "The storm reached the coast late on Sunday, and "
            "officials ordered thousands of people to leave.\n\n") +
        line + "\n\nMore rain is expected on Tuesday, forecasters said.";
    Document doc = Clean(input);
    EXPECT_TRUE(HasLine(doc.text, line)) << doc.text;
    EXPECT_TRUE(doc.warnings.empty());
    ExpectMapRoundTrip(input, doc);
  }
}

TEST(CleanTest, FindsTitleDateAndByline) {
  std::string input =
      "iconmenu iconsearch iconclose chevron lefticon chevron righticon "
      "mailicon phoneicon\n"
      "3 Mar, 2019 16:05\n\n"
      "Harbor pier opening delayed to 2021 \xE2\x80\x93 authority\n\n"
      "Harbor pier opening delayed to 2021 \xE2\x80\x93 authority\n\n"
      "By Jane Roe and John Doe | Example Wire\n\n"
      "The harbor authority said on Monday that the new pier would open two "
      "years later than planned.\n\n"
      "\xE2\x80\x9CWe had to rebuild the foundations,\xE2\x80\x9D its "
      "director said.\n";
  Document doc = Clean(input);
  EXPECT_EQ(doc.title,
            "Harbor pier opening delayed to 2021 \xE2\x80\x93 authority");
  EXPECT_EQ(doc.published, "2019-03-03T16:05");
  EXPECT_EQ(doc.author, "Jane Roe and John Doe");
  EXPECT_EQ(doc.text,
            "The harbor authority said on Monday that the new pier would open "
            "two years later than planned.\n\n"
            "\xE2\x80\x9CWe had to rebuild the foundations,\xE2\x80\x9D its "
            "director said.");
  EXPECT_EQ(doc.text.find("Harbor pier"), std::string::npos);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "removed 1 residue line (1 word list)");
  ExpectMapRoundTrip(input, doc);
}

TEST(CleanTest, CallerMetadataWinsAndTitleLineIsRemoved) {
  std::string input =
      "Harbor Pier Opening Delayed\n\n"
      "December 28, 2017\n\n"
      "By Jane Roe\n\n"
      "The harbor authority said the pier would open late.\n\n"
      "Harbor Pier Opening Delayed\n";
  Document given;
  given.title = "Harbor pier opening delayed";
  given.published = "2017-12-27";
  given.author = "Someone Else";
  Document doc = Clean(input, given);
  EXPECT_EQ(doc.title, "Harbor pier opening delayed");
  EXPECT_EQ(doc.published, "2017-12-27");
  EXPECT_EQ(doc.author, "Someone Else");
  // The head copy goes; a line past the head is body text and stays.
  EXPECT_EQ(doc.text,
            "The harbor authority said the pier would open late.\n\n"
            "Harbor Pier Opening Delayed");
  ExpectMapRoundTrip(input, doc);
}

TEST(CleanTest, DoubledQuoteParagraphIsNotATitle) {
  std::string quote =
      "\xE2\x80\x9CIt still needs work,\xE2\x80\x9D said the director, who "
      "pointed to the costs.";
  std::string input = quote + "\n\n" + quote +
                      "\n\nThe pier will open in the spring, officials said.";
  Document doc = Clean(input);
  EXPECT_TRUE(doc.title.empty());
  EXPECT_TRUE(HasLine(doc.text, quote));
  ExpectMapRoundTrip(input, doc);
}

TEST(CleanTest, MetadataIsLookedForOnlyInTheHead) {
  std::string input =
      "The harbor authority said on Monday that the new pier would open two "
      "years later than planned.\n\n"
      "March 3, 2015\n\n"
      "By Jane Roe\n";
  Document doc = Clean(input);
  EXPECT_TRUE(doc.published.empty());
  EXPECT_TRUE(doc.author.empty());
  EXPECT_TRUE(HasLine(doc.text, "March 3, 2015"));
  EXPECT_TRUE(HasLine(doc.text, "By Jane Roe"));
}

std::string ParseDate(std::string_view line) {
  clean_internal::LineText lt;
  std::string iso;
  if (!lt.Assign(line)) return "<long>";
  switch (clean_internal::ParseDateLine(lt, &iso)) {
    case clean_internal::DateLine::kNo:
      return "<no>";
    case clean_internal::DateLine::kTimeStamp:
      return "<stamp>";
    case clean_internal::DateLine::kDate:
      return iso;
  }
  return "?";
}

TEST(CleanTest, ParsesDateLines) {
  EXPECT_EQ(ParseDate("28 Dec, 2017 04:44"), "2017-12-28T04:44");
  EXPECT_EQ(ParseDate("December 28, 2017"), "2017-12-28");
  EXPECT_EQ(ParseDate("Dec. 28, 2017 4:44 p.m. ET"), "2017-12-28T16:44");
  EXPECT_EQ(ParseDate("Published: Monday 12 September 2016 10:05"),
            "2016-09-12T10:05");
  EXPECT_EQ(ParseDate("2016-09-12"), "2016-09-12");
  EXPECT_EQ(ParseDate("2016-09-12T08:30:00Z"), "2016-09-12T08:30");
  EXPECT_EQ(ParseDate("Updated 12:15am GMT, Tue March 6, 2018"),
            "2018-03-06T00:15");
  EXPECT_EQ(ParseDate("March 2017"), "2017-03");
  EXPECT_EQ(ParseDate("Posted on 3rd June 2014"), "2014-06-03");
  EXPECT_EQ(ParseDate("Updated at 5:25 p.m. ET"), "<stamp>");
  EXPECT_EQ(ParseDate("12/11/2017"), "<no>");  // ambiguous: never guessed
  EXPECT_EQ(ParseDate("28 Dec"), "<no>");
  EXPECT_EQ(ParseDate("March 3, 2015, was a cold day"), "<no>");
  EXPECT_EQ(ParseDate("5 December 2017 13:61"), "<no>");
  EXPECT_EQ(ParseDate("2000"), "<no>");
}

TEST(CleanTest, ParsesBylines) {
  std::string author, iso;
  EXPECT_TRUE(clean_internal::ParseByline("By Jane Roe", &author, &iso));
  EXPECT_EQ(author, "Jane Roe");
  EXPECT_TRUE(clean_internal::ParseByline(
      "By Ann de la Cruz, Li Wei and J.R. Smith Jr. | Example Wire", &author,
      &iso));
  EXPECT_EQ(author, "Ann de la Cruz, Li Wei and J.R. Smith Jr.");
  EXPECT_TRUE(
      clean_internal::ParseByline("By Pam Roe: April 4, 2016", &author, &iso));
  EXPECT_EQ(author, "Pam Roe");
  EXPECT_EQ(iso, "2016-04-04");
  EXPECT_FALSE(clean_internal::ParseByline(
      "By the end of the day the roads had reopened", &author, &iso));
  EXPECT_FALSE(clean_internal::ParseByline("by N.Roe has released new posts",
                                           &author, &iso));
  EXPECT_FALSE(clean_internal::ParseByline("Bystanders ran", &author, &iso));
}

TEST(CleanTest, EdgeInputs) {
  const std::vector<std::string> inputs = {
      "",
      "\n",
      "\n\n\n   \n\t\n",
      "Advertisement",
      "Share Tweet Email\n\nAdvertisement\n\n* * *\n",
      "One line without a newline",
      "Para one.\r\n\r\nPara two.\r\n",
      "  Indented paragraph.  \n\n\n\nAfter three blank lines.",
      "a\nb\nc\nd",
      "By\n\nBy Jane\n\n2017\n\n\xE2\x80\x94\n\n\xC2\xA0\n",
      std::string("nul\0byte line.\n\nnext", 20),
      "\xE2\x80\x9C\n\n\xE2\x80",  // a truncated sequence at the end
      "(\n)\n((((((\n" + std::string(700, '(') + "\n",
      std::string(2000, ' ') + "x",
      std::string(650, 'a') + " icon\n" + std::string(30, '@'),
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input.substr(0, 40));
    Document doc = Clean(input);
    ExpectMapRoundTrip(input, doc);
    EXPECT_EQ(doc.text.find("\n\n\n"), std::string::npos);
  }
  EXPECT_EQ(Clean("Para one.\r\n\r\nPara two.\r\n").text,
            "Para one.\n\nPara two.");
  EXPECT_EQ(Clean("Share Tweet Email\n\nAdvertisement\n").text, "");
}

// Deterministic pseudo-random pages mixing residue, prose and odd spacing.
TEST(CleanTest, MapRoundTripOnGeneratedPages) {
  const char* kPieces[] = {
      "The mayor said the bridge would close for repairs next week.",
      "\xE2\x80\x9CWe\xE2\x80\x99ve won,\xE2\x80\x9D he said.",
      "Advertisement",
      "Share Tweet Email",
      "iconmenu iconsearch chevron lefticon chevron righticon playicon",
      "Read more: Bridge closure explained",
      "By Jane Roe",
      "December 28, 2017",
      "Follow us on Twitter @example",
      "Bridge Closure Set For Monday",
      "  \t ",
      "",
      "Caf\xC3\xA9 owners \xC2\xA0 welcomed the plan.",
      "(AP Photo/Sam Lee)",
  };
  const char* kSeps[] = {"\n", "\n\n", "\r\n", "\n \n", "\n\n\n"};
  uint64_t state = 12345;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int round = 0; round < 500; ++round) {
    std::string input;
    int n = static_cast<int>(next() % 14);
    for (int i = 0; i < n; ++i) {
      input += kPieces[next() % (sizeof kPieces / sizeof kPieces[0])];
      input += kSeps[next() % (sizeof kSeps / sizeof kSeps[0])];
    }
    Document given;
    if (next() % 2) given.title = "Bridge closure set for Monday";
    Document doc = Clean(input, given);
    ExpectMapRoundTrip(input, doc);
    if (HasFatalFailure()) return;
    // Real prose is always kept.
    if (input.find(kPieces[0]) != std::string::npos) {
      EXPECT_TRUE(HasLine(doc.text, kPieces[0]));
    }
    if (input.find(kPieces[1]) != std::string::npos) {
      EXPECT_TRUE(HasLine(doc.text, kPieces[1]));
    }
  }
}

TEST(CleanTest, LargeInputsRunInLinearTime) {
  // 1 MB on one line (no sentence end: the word-list scanner sees it all).
  std::string one_line;
  while (one_line.size() < (1u << 20)) one_line += "lorem ipsum dolor ";
  // 100k short lines.
  std::string many;
  for (int i = 0; i < 100000; ++i) {
    many += (i % 3 == 0) ? "Advertisement\n" : "Short line, he said.\n";
  }
  // Thread CPU time, not wall time: a loaded machine must not fail this.
  timespec t0, t1;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
  Document a = Clean(one_line);
  Document b = Clean(many);
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  ExpectMapRoundTrip(one_line, a);
  ExpectMapRoundTrip(many, b);
  EXPECT_EQ(a.text.size(), one_line.size() - 1);  // trailing space trimmed
  EXPECT_EQ(b.warnings.size(), 1u);
  // ~3 MB: far under a second at hundreds of MB/s; generous for sanitizers.
  EXPECT_LT(seconds, 10.0);
}

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CleanTest, ExamplePage) {
  bool ok = false;
  std::string input = ReadFile(std::string(WHOSAID_SOURCE_DIR) +
                                   "/../shared/examples/"
                                   "rt-2017-12-28-coalition-syria.txt",
                               &ok);
  if (!ok) GTEST_SKIP() << "../shared/examples not found; skipping";
  Document doc = Clean(input);
  const std::string title =
      "US-led coalition won't attack ISIS in govt-controlled areas of Syria "
      "\xE2\x80\x93 commander";
  EXPECT_EQ(doc.title, title);
  EXPECT_EQ(doc.text.find(title), std::string::npos);
  EXPECT_EQ(doc.published, "2017-12-28T04:44");
  ExpectMapRoundTrip(input, doc);

  // Line 1 (icon-font glyph names): no word of it survives.
  std::vector<std::string> lines;
  std::stringstream ss(input);
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  ASSERT_GT(lines.size(), 5u);
  std::stringstream first(lines[0]);
  for (std::string word; first >> word;) {
    size_t pos = 0;
    while ((pos = doc.text.find(word, pos)) != std::string::npos) {
      bool left =
          pos == 0 || !isalnum(static_cast<unsigned char>(doc.text[pos - 1]));
      bool right =
          pos + word.size() >= doc.text.size() ||
          !isalnum(static_cast<unsigned char>(doc.text[pos + word.size()]));
      EXPECT_FALSE(left && right) << "'" << word << "' survived";
      ++pos;
    }
  }
  // Every body paragraph (the non-blank lines after the head) is kept
  // exactly, in order, separated by blank lines.
  std::string expected;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty() || l == title || l == "28 Dec, 2017 04:44") continue;
    if (!expected.empty()) expected += "\n\n";
    expected += l;
  }
  EXPECT_EQ(doc.text, expected);
}

}  // namespace
}  // namespace whosaid
