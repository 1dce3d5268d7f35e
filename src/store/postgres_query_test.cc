#include "src/store/postgres_query.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

std::string Tsq(std::string_view q) {
  auto r = Fts5ToTsquery(q);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status().ToString();
  return r.ok() ? r.value() : std::string();
}

TEST(Fts5ToTsqueryTest, WordsAreQuotedAndAndedImplicitly) {
  EXPECT_EQ(Tsq("bridge"), "'bridge'");
  EXPECT_EQ(Tsq("old  bridge"), "'old' & 'bridge'");
  EXPECT_EQ(Tsq("old AND bridge"), "'old' & 'bridge'");
}

TEST(Fts5ToTsqueryTest, OperatorsPhrasesPrefixesAndGroups) {
  EXPECT_EQ(Tsq("frost OR ferry"), "'frost' | 'ferry'");
  EXPECT_EQ(Tsq("harbor NOT ferry"), "'harbor' & !'ferry'");
  EXPECT_EQ(Tsq("\"old bridge\""), "'old bridge'");
  EXPECT_EQ(Tsq("repair*"), "'repair':*");
  EXPECT_EQ(Tsq("\"old bri\"*"), "'old bri':*");
  EXPECT_EQ(Tsq("(frost OR ferry) mayor"), "('frost' | 'ferry') & 'mayor'");
  EXPECT_EQ(Tsq("mayor (frost OR ferry)"), "'mayor' & ('frost' | 'ferry')");
  // Lower-case operators are words, as in FTS5.
  EXPECT_EQ(Tsq("salt and pepper"), "'salt' & 'and' & 'pepper'");
}

TEST(Fts5ToTsqueryTest, QuotesAndBackslashesCannotEscapeTheLiteral) {
  EXPECT_EQ(Tsq("don't"), "'don''t'");
  EXPECT_EQ(Tsq("a\\b"), "'a\\\\b'");
  EXPECT_EQ(Tsq("\"say \"\"no\"\"\""), "'say \"no\"'");
}

TEST(Fts5ToTsqueryTest, SyntaxErrorsAreInvalidArgument) {
  for (std::string_view bad :
       {"", "   ", "bridge AND (", "bridge AND", "OR bridge", "NOT bridge",
        "(bridge", "bridge)", "()", "\"open phrase", "*",
        "x'); DROP TABLE "
        "documents; --",
        "NEAR(a b)", "a OR OR b"}) {
    auto r = Fts5ToTsquery(bad);
    ASSERT_FALSE(r.ok()) << "'" << bad << "' gave " << r.value();
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_NE(r.status().message().find("not valid FTS5 syntax"),
              std::string::npos);
  }
}

TEST(Fts5ToTsqueryTest, NestingIsIterative) {
  std::string deep(100000, '(');
  deep += "x";
  deep += std::string(100000, ')');
  auto r = Fts5ToTsquery(deep);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().size(), deep.size() + 2);
}

TEST(RedactPostgresUrlTest, HidesPasswordsOnly) {
  EXPECT_EQ(RedactPostgresUrl("postgresql://ann:s3cret@db.example:5432/c"),
            "postgresql://ann:***@db.example:5432/c");
  EXPECT_EQ(RedactPostgresUrl("postgres://ann@127.0.0.1:5/c"),
            "postgres://ann@127.0.0.1:5/c");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/c?user=a&password=pw&x=1"),
            "postgresql://h/c?user=a&password=***&x=1");
  EXPECT_EQ(RedactPostgresUrl("postgresql://a:p@ss@h/c"),
            "postgresql://a:***@h/c");
}

TEST(IsPostgresUrlTest, SchemesOnly) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://h/c"));
  EXPECT_TRUE(IsPostgresUrl("postgres://h/c"));
  EXPECT_FALSE(IsPostgresUrl("corpus.db"));
  EXPECT_FALSE(IsPostgresUrl(":memory:"));
  EXPECT_FALSE(IsPostgresUrl("./postgres://x"));
}

TEST(PgContainsPatternTest, EscapesWildcards) {
  EXPECT_EQ(PgContainsPattern("50%_a\\"), "%50\\%\\_a\\\\%");
}

// Regression: names matched with ILIKE, which under a UTF-8 server locale
// folds non-ASCII letters too, so `quotes --speaker åsa` found "Åsa
// Lindqvist" in PostgreSQL but not in SQLite (whose LIKE folds ASCII only).
TEST(PgContainsPatternTest, FoldsAsciiLettersOnlyAsSqliteLikeDoes) {
  EXPECT_EQ(PgContainsPattern("ÅSA Lindqvist"), "%Åsa lindqvist%");
  EXPECT_EQ(PgContainsPattern("ødegård"), "%ødegård%");
  EXPECT_EQ(PgLikeAscii("o.name", 3),
            "lower((o.name) COLLATE \"C\") LIKE $3 ESCAPE '\\'");
}

}  // namespace
}  // namespace whosaid
