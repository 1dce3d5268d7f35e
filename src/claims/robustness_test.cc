// Absurd numbers (issue #4): huge exponents, 10,000-digit runs, long number
// word chains and mixed scripts give sane claims (finite values within
// ClaimsOptions::max_abs_value, spans inside the text on UTF-8 character
// boundaries) or a warning, never a crash or a hang. One test per kind.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "src/claims/claims.h"
#include "src/claims/claims_test_util.h"

namespace whosaid {
namespace {

using claims_test::Extract;
using claims_test::Texts;

bool OnCharBoundary(const std::string& s, uint32_t at) {
  if (at >= s.size()) return at == s.size();
  return (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

// Every claim is finite, within the value limit, and spans whole characters
// of the text.
void ExpectSane(const Document& d) {
  const double limit = ClaimsOptions().max_abs_value;
  for (const Claim& c : d.claims) {
    for (double v : {c.value, c.low, c.high}) {
      EXPECT_TRUE(std::isfinite(v)) << d.Text(c.span);
      EXPECT_LE(std::fabs(v), limit) << d.Text(c.span);
    }
    EXPECT_LE(c.span.begin, c.span.end);
    EXPECT_LE(c.span.end, d.text.size());
    EXPECT_TRUE(OnCharBoundary(d.text, c.span.begin)) << c.span.begin;
    EXPECT_TRUE(OnCharBoundary(d.text, c.span.end)) << c.span.end;
    EXPECT_LE(c.counted.end, d.text.size());
    EXPECT_LE(c.unit_span.end, d.text.size());
  }
}

bool HasWarning(const Document& d) { return !d.warnings.empty(); }

TEST(ClaimsRobustnessTest, HugeExponentsAreNoClaimsOrAreWarned) {
  for (const char* text :
       {"The model gives 1e999999 grains.", "The model gives 1E+400 grains.",
        "The model gives -1e999999 grains.", "It costs $9.9e308 now.",
        "The model gives 1e-999999 grains."}) {
    Document d = Extract(text);
    ExpectSane(d);
    for (const Claim& c : d.claims) {
      // Whatever is kept is a number the text really states, or a warning
      // says a number was dropped.
      EXPECT_LT(std::fabs(c.value), 1e6) << text;
    }
  }
  // The overflowing ones never become a claim silently.
  Document big = Extract("The model gives 1e999999 grains and 5 cats.");
  ExpectSane(big);
  ASSERT_EQ(big.claims.size(), 1u) << ::testing::PrintToString(Texts(big));
  EXPECT_EQ(big.claims[0].value, 5);
}

TEST(ClaimsRobustnessTest, TenThousandDigitRunsAreSkippedWithAWarning) {
  const std::string digits(10000, '9');
  Document d = Extract("The ledger lists " + digits + " entries.");
  ExpectSane(d);
  EXPECT_TRUE(d.claims.empty()) << ::testing::PrintToString(Texts(d));
  EXPECT_TRUE(HasWarning(d));
  // With a currency mark, a decimal point and grouping commas.
  std::string grouped = "1";
  for (int k = 0; k < 3400; ++k) grouped += ",000";
  for (const std::string& text :
       {"It cost $" + digits + " in all.", "It is 0." + digits + " percent.",
        "We counted " + grouped + " people.",
        "It rose " + digits + "." + digits + " times."}) {
    Document g = Extract(text);
    ExpectSane(g);
    for (const Claim& c : g.claims) {
      EXPECT_LT(c.span.end - c.span.begin, 100u) << g.Text(c.span).size();
    }
  }
  Document sum = Extract("We counted " + grouped + " people.");
  EXPECT_TRUE(sum.claims.empty());
  EXPECT_TRUE(HasWarning(sum));
}

TEST(ClaimsRobustnessTest, LongNumberWordChainsStaySane) {
  std::string chain = "They found ";
  for (int k = 0; k < 3000; ++k) chain += "million ";
  chain += "ants.";
  ExpectSane(Extract(chain));
  std::string words = "They found ";
  for (int k = 0; k < 3000; ++k) words += "ninety-nine hundred and ";
  words += "one ants.";
  ExpectSane(Extract(words));
  std::string ranges = "Counts went ";
  for (int k = 0; k < 3000; ++k) ranges += std::to_string(k) + " to ";
  ranges += "5 percent.";
  ExpectSane(Extract(ranges));
}

TEST(ClaimsRobustnessTest, MixedScriptsGiveSaneSpans) {
  for (const char* text : {
           // Arabic-Indic, fullwidth and Devanagari digits.
           "The count was \u0663\u0660\u0660 and \uFF11\uFF12\uFF13 and "
           "\u0967\u0968 people.",
           // Digits glued to Cyrillic and CJK letters.
           "\u041C\u043E\u0441\u043A\u0432\u0430 12\u0440\u0443\u0431 and "
           "\u4EBA\u53E3300\u4E07 and 7 km.",
           // A combining accent, a zero-width space and a right-to-left mark
           // inside or after the digits.
           "They paid 5\u0301 dollars, 1\u200B000 people and 40\u200F% more.",
           // Superscript digits after the number.
           "It is 10\u00B2 metres and 3\u2075 cats.",
       }) {
    Document d = Extract(text);
    ExpectSane(d);
  }
  // Latin digits beside other scripts still count.
  Document m = Extract("\u4EBA\u53E3 and 7 km of road.");
  ExpectSane(m);
  ASSERT_EQ(m.claims.size(), 1u) << ::testing::PrintToString(Texts(m));
  EXPECT_EQ(m.claims[0].value, 7);
  EXPECT_EQ(m.claims[0].unit, "km");
}

}  // namespace
}  // namespace whosaid
