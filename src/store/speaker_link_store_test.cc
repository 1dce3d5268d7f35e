// Speaker labels and cross-article links in the SQLite store: the label
// counts each writer stores, LinkSpeakers() (idempotent, independent of the
// order documents came in), the queries that use the linked identity, the
// counts in Stats(), and the migration of a version 2 corpus.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "src/corpus/features.h"
#include "src/store/schema.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

Span Find(const Document& d, std::string_view s) {
  size_t p = d.text.find(s);
  EXPECT_NE(p, std::string::npos) << s;
  if (p == std::string::npos) return {};
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

// Document `n`: one quote said by `mention`, resolved to `name`, whose
// entity group has `label`. Every text differs (no duplicates).
IngestRecord SpeakerDoc(int n, std::string_view mention, std::string name,
                        EntityLabel label) {
  Document d;
  d.id = fmt::format("d{}", n);
  d.site = n % 2 ? "North Ledger" : "South Courier";
  d.published = fmt::format("2024-05-{:02}", n % 28 + 1);
  const std::string content =
      fmt::format("the harbour budget for ward {} will be voted on soon", n);
  d.text = fmt::format("“{},” said {}.", content, mention);
  Attribution a;
  a.content = Find(d, content);
  a.cue = Find(d, "said");
  a.speaker = Find(d, mention);
  a.speaker_name = name;
  a.speaker_group = 0;
  a.kind = QuoteKind::kDirect;
  d.quotes.push_back(a);
  d.groups.push_back({name, label, {}, {}});
  Entity e;
  e.span = a.speaker;
  e.label = label;
  e.group = 0;
  d.entities.push_back(e);
  IngestRecord r;
  r.features = ComputeFeatures(d, d.text, CorpusOptions());
  r.doc = std::move(d);
  return r;
}

// Olga Brandvold quoted 4 times in full, twice as "Brandvold" only, once as
// "Olga K. Brandvold"; Pia Brandvold once; "Harbour Board" (ORG) 3 times,
// "Board" (ORG) twice.
std::vector<IngestRecord> Corpus() {
  std::vector<IngestRecord> docs;
  int n = 0;
  for (int i = 0; i < 4; ++i) {
    docs.push_back(SpeakerDoc(n++, "Olga Brandvold", "Olga Brandvold",
                              EntityLabel::kPerson));
  }
  for (int i = 0; i < 2; ++i) {
    docs.push_back(
        SpeakerDoc(n++, "Brandvold", "Brandvold", EntityLabel::kPerson));
  }
  docs.push_back(SpeakerDoc(n++, "Olga K. Brandvold", "Olga K. Brandvold",
                            EntityLabel::kPerson));
  docs.push_back(
      SpeakerDoc(n++, "Pia Brandvold", "Pia Brandvold", EntityLabel::kPerson));
  for (int i = 0; i < 3; ++i) {
    docs.push_back(SpeakerDoc(n++, "the Harbour Board", "Harbour Board",
                              EntityLabel::kOrg));
  }
  for (int i = 0; i < 2; ++i) {
    docs.push_back(SpeakerDoc(n++, "the Board", "Board", EntityLabel::kOrg));
  }
  return docs;
}

std::unique_ptr<CorpusStore> Open(const std::string& path) {
  StoreOptions o;
  o.corpus.speaker_link_min_quotes = 3;  // small test corpora (default 10)
  o.path = path;
  auto s = OpenSqliteStore(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

class SpeakerLinkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_speaker_link_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  // The single text of `sql`'s first row and column in the file at `path`.
  static std::string Query(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }
  std::filesystem::path dir_;
};

TEST_F(SpeakerLinkStoreTest, LinksOneWordNamesAndVariantsNotOrganisations) {
  const std::string path = Path("a.db");
  auto store = Open(path);
  ASSERT_TRUE(store);
  auto docs = Corpus();
  ASSERT_TRUE(store->Add(docs).ok());
  // Before linking every name stands alone.
  auto top = store->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top.value()[0].name, "Olga Brandvold");
  EXPECT_EQ(top.value()[0].quotes, 4u);

  auto links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links.value().one_word, 1u);  // Brandvold; not Board (ORG)
  EXPECT_EQ(links.value().variants, 1u);  // Olga K. Brandvold
  EXPECT_EQ(links.value().quotes, 3u);
  top = store->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top.value().size(), 4u);
  EXPECT_EQ(top.value()[0].name, "Olga Brandvold");
  EXPECT_EQ(top.value()[0].quotes, 7u);
  EXPECT_EQ(top.value()[0].documents, 7u);
  EXPECT_EQ(top.value()[0].outlets, 2u);
  EXPECT_EQ(top.value()[1].name, "Harbour Board");
  EXPECT_EQ(top.value()[2].name, "Board");

  // Stored: the label, the link, and each quote's own extracted name.
  EXPECT_EQ(Query(path,
                  "SELECT t.name FROM speakers s JOIN speakers t "
                  "ON t.id = s.linked_to WHERE s.name = 'Brandvold'"),
            "Olga Brandvold");
  EXPECT_EQ(Query(path, "SELECT label FROM speakers WHERE name = 'Board'"),
            "ORG");
  EXPECT_EQ(
      Query(path,
            "SELECT linked_to IS NULL FROM speakers WHERE name = 'Board'"),
      "1");
  EXPECT_EQ(Query(path,
                  "SELECT count(*) FROM quotes WHERE speaker_name = "
                  "'Brandvold'"),
            "2");

  // Quotes by either name: the whole identity, shown under its name.
  for (const char* name :
       {"Olga Brandvold", "brandvold", "Olga K. Brandvold"}) {
    auto quotes = store->QuotesBySpeaker(name, 50);
    ASSERT_TRUE(quotes.ok());
    EXPECT_EQ(quotes.value().size(), 7u) << name;
    for (const QuoteRecord& q : quotes.value()) {
      EXPECT_EQ(q.speaker, "Olga Brandvold");
    }
  }
  // The search filter matches the linked name too; facets count identities.
  SearchQuery q;
  q.match = "harbour";
  q.speaker = "Olga";
  q.limit = 50;
  auto hits = store->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits.value().size(), 7u);
  auto facets = store->Facets(q, 10);
  ASSERT_TRUE(facets.ok());
  ASSERT_EQ(facets.value().speaker.size(), 1u);
  EXPECT_EQ(facets.value().speaker[0].key, "Olga Brandvold");
  EXPECT_EQ(facets.value().speaker[0].n, 7u);

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value().linked_speakers, 2u);
  EXPECT_EQ(stats.value().linked_quotes, 3u);

  // Idempotent: a second run changes no row.
  links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links.value().changed, 0u);
  EXPECT_EQ(links.value().quotes, 3u);
}

TEST_F(SpeakerLinkStoreTest, LinksDoNotDependOnDocumentOrder) {
  auto forward = Open(Path("f.db"));
  auto backward = Open(Path("b.db"));
  ASSERT_TRUE(forward && backward);
  auto docs = Corpus();
  ASSERT_TRUE(forward->Add(docs).ok());
  std::reverse(docs.begin(), docs.end());
  // In two batches, linking after each, as two ingests would.
  std::span<const IngestRecord> all(docs);
  ASSERT_TRUE(backward->Add(all.subspan(0, 5)).ok());
  ASSERT_TRUE(backward->LinkSpeakers().ok());
  ASSERT_TRUE(backward->Add(all.subspan(5)).ok());
  ASSERT_TRUE(forward->LinkSpeakers().ok());
  ASSERT_TRUE(backward->LinkSpeakers().ok());
  auto a = forward->TopSpeakers(10).value();
  auto b = backward->TopSpeakers(10).value();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].quotes, b[i].quotes);
  }
  EXPECT_EQ(forward->Stats().value().linked_quotes,
            backward->Stats().value().linked_quotes);
}

// The writer tallies label counts per batch and upserts each (speaker,
// label) once; what is stored must be the same sums as one document per
// batch, and a speaker quoted in several documents of one batch, under
// two labels, counts each.
TEST_F(SpeakerLinkStoreTest, LabelCountsDoNotDependOnBatching) {
  auto docs = Corpus();
  // Olga Brandvold again, her entity typed ORG by one document.
  docs.push_back(
      SpeakerDoc(50, "Olga Brandvold", "Olga Brandvold", EntityLabel::kOrg));
  auto whole = Open(Path("w.db"));
  auto single = Open(Path("s.db"));
  ASSERT_TRUE(whole && single);
  ASSERT_TRUE(whole->Add(docs).ok());
  for (const IngestRecord& r : docs) {
    ASSERT_TRUE(single->Add(std::span<const IngestRecord>(&r, 1)).ok());
  }
  const char* kCounts =
      "SELECT group_concat(s.name || '/' || l.label || '/' || l.quotes, ' ') "
      "FROM (SELECT * FROM speaker_labels ORDER BY speaker_id, label) l "
      "JOIN speakers s ON s.id = l.speaker_id";
  const std::string counts = Query(Path("w.db"), kCounts);
  EXPECT_EQ(counts, Query(Path("s.db"), kCounts));
  EXPECT_EQ(counts,
            "Olga Brandvold/ORG/1 Olga Brandvold/PERSON/4 Brandvold/PERSON/2 "
            "Olga K. Brandvold/PERSON/1 Pia Brandvold/PERSON/1 "
            "Harbour Board/ORG/3 Board/ORG/2");
  // A second batch adds to the stored counts.
  std::vector<IngestRecord> more;
  for (int i = 0; i < 2; ++i) {
    more.push_back(SpeakerDoc(60 + i, "Board", "Board", EntityLabel::kOrg));
  }
  ASSERT_TRUE(whole->Add(more).ok());
  EXPECT_EQ(Query(Path("w.db"),
                  "SELECT l.quotes FROM speaker_labels l JOIN speakers s "
                  "ON s.id = l.speaker_id WHERE s.name = 'Board'"),
            "4");
}

TEST_F(SpeakerLinkStoreTest, ANewFullNameCanUndoALink) {
  auto store = Open(Path("u.db"));
  ASSERT_TRUE(store);
  auto docs = Corpus();
  ASSERT_TRUE(store->Add(docs).ok());
  ASSERT_EQ(store->LinkSpeakers().value().one_word, 1u);
  // Pia Brandvold is quoted often enough that Olga no longer dominates.
  std::vector<IngestRecord> more;
  for (int i = 0; i < 5; ++i) {
    more.push_back(SpeakerDoc(100 + i, "Pia Brandvold", "Pia Brandvold",
                              EntityLabel::kPerson));
  }
  ASSERT_TRUE(store->Add(more).ok());
  auto links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links.value().one_word, 0u);
  EXPECT_EQ(links.value().variants, 1u);
  EXPECT_EQ(store->QuotesBySpeaker("Brandvold", 50).value().size(), 2u);
}

TEST_F(SpeakerLinkStoreTest, VersionTwoCorpusIsMigratedWithLabels) {
  const std::string path = Path("v2.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (int v = 0; v < 2; ++v) {
      std::string sql(CorpusMigrations()[v]);
      ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr),
                SQLITE_OK)
          << sqlite3_errmsg(db);
    }
    // Three quotes of a person, one of a one-word name the entities call a
    // person, one of an organisation, one with no entity row.
    const char* rows = R"sql(
      INSERT INTO documents(id, ext_id, content_hash, text, text_hash)
        VALUES (1, 'a', 1, 'x', 1), (2, 'b', 2, 'y', 2);
      INSERT INTO speakers(id, name, name_key) VALUES
        (1, 'Ivo Sandberg', 'ivo sandberg'), (2, 'Sandberg', 'sandberg'),
        (3, 'Town Hall', 'town hall'), (4, 'Hall', 'hall');
      INSERT INTO entities(doc_id, label, name, mentions, first_begin,
        first_end) VALUES (1, 'PERSON', 'Ivo Sandberg', 3, 0, 1),
        (2, 'PERSON', 'Sandberg', 1, 0, 1), (2, 'ORG', 'Town Hall', 1, 0, 1);
      INSERT INTO quotes(doc_id, content, speaker_name, speaker_id, kind,
        content_begin, content_end) VALUES
        (1, 'q1', 'Ivo Sandberg', 1, 'direct', 0, 1),
        (1, 'q2', 'Ivo Sandberg', 1, 'direct', 0, 1),
        (1, 'q3', 'Ivo Sandberg', 1, 'direct', 0, 1),
        (2, 'q4', 'Sandberg', 2, 'direct', 0, 1),
        (2, 'q5', 'Town Hall', 3, 'direct', 0, 1),
        (2, 'q6', 'Hall', 4, 'direct', 0, 1);
      PRAGMA user_version=2;
      PRAGMA application_id=1464356691;
    )sql";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto store = Open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Stats().value().schema_version, 3);
  EXPECT_EQ(Query(path,
                  "SELECT group_concat(speaker_id || ':' || label || ':' || "
                  "quotes, ' ') FROM (SELECT * FROM speaker_labels "
                  "ORDER BY speaker_id, label)"),
            "1:PERSON:3 2:PERSON:1 3:ORG:1 4::1");
  auto links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links.value().one_word, 1u);  // Sandberg; Hall has no label
  EXPECT_EQ(store->TopSpeakers(1).value()[0].quotes, 4u);
  EXPECT_EQ(Query(path, "SELECT label FROM speakers WHERE id = 3"), "ORG");
}

// A family name of letters only for speaker `k` ("Velab", "Velac", ...).
std::string FamilyName(int k) {
  std::string s = "Vel";
  s += static_cast<char>('a' + k / 26);
  s += static_cast<char>('a' + k % 26);
  return s;
}

// The link step writes changed speaker rows 256 per UPDATE statement and
// the rest through a shorter one. One document with 600 new speakers (two
// full chunks and a tail of 88): a plain PERSON name, a middle-initial
// variant of it (linked to the plain name) and an ORG for each of 200
// family names. Every row must carry its own label and link afterwards,
// and the store must report each row written once.
TEST_F(SpeakerLinkStoreTest, EveryRowOfManyChunksIsLinked) {
  constexpr int kFamilies = 200;
  Document d;
  d.id = "many";
  d.site = "North Ledger";
  d.published = "2024-05-01";
  struct Said {
    std::string mention, name;
    EntityLabel label;
  };
  std::vector<Said> said;
  for (int k = 0; k < kFamilies; ++k) {
    const std::string family = FamilyName(k);
    said.push_back({"Olga " + family, "Olga " + family, EntityLabel::kPerson});
    said.push_back(
        {"Olga K. " + family, "Olga K. " + family, EntityLabel::kPerson});
    said.push_back(
        {"the " + family + " Board", family + " Board", EntityLabel::kOrg});
  }
  std::vector<std::pair<size_t, size_t>> content, cue, mention;
  for (size_t i = 0; i < said.size(); ++i) {
    const std::string c =
        fmt::format("the ferry timetable for pier {} changes in June", i);
    d.text += "“";
    content.emplace_back(d.text.size(), d.text.size() + c.size());
    d.text += c + ",” ";
    cue.emplace_back(d.text.size(), d.text.size() + 4);
    d.text += "said ";
    mention.emplace_back(d.text.size(), d.text.size() + said[i].mention.size());
    d.text += said[i].mention + ". ";
  }
  for (size_t i = 0; i < said.size(); ++i) {
    auto span = [](std::pair<size_t, size_t> p) {
      return Span{static_cast<uint32_t>(p.first),
                  static_cast<uint32_t>(p.second)};
    };
    Attribution a;
    a.content = span(content[i]);
    a.cue = span(cue[i]);
    a.speaker = span(mention[i]);
    a.speaker_name = said[i].name;
    a.speaker_group = static_cast<int>(i);
    a.kind = QuoteKind::kDirect;
    d.quotes.push_back(a);
    d.groups.push_back({said[i].name, said[i].label, {}, {}});
    Entity e;
    e.span = a.speaker;
    e.label = said[i].label;
    e.group = static_cast<int>(i);
    d.entities.push_back(e);
  }
  ASSERT_EQ(d.Text(d.quotes[0].cue), "said");
  IngestRecord r;
  r.features = ComputeFeatures(d, d.text, CorpusOptions());
  r.doc = std::move(d);

  const std::string path = Path("many.db");
  auto store = Open(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Add(std::span<const IngestRecord>(&r, 1)).ok());
  auto links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links.value().changed, said.size());  // each row written once
  EXPECT_EQ(links.value().variants, static_cast<size_t>(kFamilies));

  // Every row, "name|label|linked name" in id order, against the expected
  // (one failure per wrong row).
  std::vector<std::string> want;
  for (const Said& s : said) {
    const bool variant = s.name.starts_with("Olga K. ");
    want.push_back(fmt::format(
        "{}|{}|{}", s.name, s.label == EntityLabel::kOrg ? "ORG" : "PERSON",
        variant ? "Olga " + s.name.substr(8) : std::string()));
  }
  const std::string stored =
      Query(path,
            "SELECT group_concat(line, char(10)) FROM (SELECT s.name || '|' "
            "|| s.label || '|' || coalesce(t.name, '') AS line FROM speakers "
            "s LEFT JOIN speakers t ON t.id = s.linked_to ORDER BY s.id)");
  std::vector<std::string> got;
  for (size_t p = 0; p <= stored.size();) {
    size_t e = std::min(stored.find('\n', p), stored.size());
    got.push_back(stored.substr(p, e - p));
    p = e + 1;
  }
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i], want[i]) << "speaker row " << i + 1;
  }
  // Idempotent: nothing left to write.
  links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links.value().changed, 0u);
}

// "NHA" in articles that never spell it out is the Norland Harbor
// Authority of the others, once one of them resolved its own "NHA".
TEST_F(SpeakerLinkStoreTest, AcronymLinksToTheOrganisationItSpells) {
  const std::string path = Path("n.db");
  StoreOptions o;
  o.corpus.speaker_link_acronym_min_quotes = 3;
  o.path = path;
  auto opened = OpenSqliteStore(o);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto store = std::move(opened).value();
  std::vector<IngestRecord> docs;
  int n = 0;
  for (int i = 0; i < 3; ++i) {
    docs.push_back(SpeakerDoc(n++, "the Norland Harbor Authority",
                              "Norland Harbor Authority", EntityLabel::kOrg));
  }
  for (int i = 0; i < 2; ++i) {
    docs.push_back(SpeakerDoc(n++, "NHA", "NHA", EntityLabel::kOrg));
  }
  // Its initials spell NHA too, but it has too few quotes to compete.
  docs.push_back(SpeakerDoc(n++, "the Norland Hockey Association",
                            "Norland Hockey Association", EntityLabel::kOrg));
  ASSERT_TRUE(store->Add(docs).ok());
  // No article has tied NHA to the Authority yet.
  auto links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links.value().acronyms, 0u);
  // One article resolves its own "NHA" to the Authority.
  docs = {
      SpeakerDoc(n++, "NHA", "Norland Harbor Authority", EntityLabel::kOrg)};
  ASSERT_TRUE(store->Add(docs).ok());
  links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(links.value().acronyms, 1u);
  EXPECT_EQ(links.value().one_word, 0u);
  EXPECT_EQ(links.value().quotes, 2u);
  auto top = store->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top.value().size(), 2u);
  EXPECT_EQ(top.value()[0].name, "Norland Harbor Authority");
  EXPECT_EQ(top.value()[0].quotes, 6u);
  auto quotes = store->QuotesBySpeaker("NHA", 50);
  ASSERT_TRUE(quotes.ok());
  EXPECT_EQ(quotes.value().size(), 6u);
  EXPECT_EQ(Query(path,
                  "SELECT t.name FROM speakers s JOIN speakers t "
                  "ON t.id = s.linked_to WHERE s.name = 'NHA'"),
            "Norland Harbor Authority");
  // Two organisations of 3+ quotes spell it: the link is undone.
  for (int i = 0; i < 2; ++i) {
    docs = {SpeakerDoc(n++, "the Norland Hockey Association",
                       "Norland Hockey Association", EntityLabel::kOrg)};
    ASSERT_TRUE(store->Add(docs).ok());
  }
  links = store->LinkSpeakers();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links.value().acronyms, 0u);
  EXPECT_EQ(
      Query(path, "SELECT linked_to IS NULL FROM speakers WHERE name = 'NHA'"),
      "1");
}

TEST_F(SpeakerLinkStoreTest, ReadOnlyStoreDoesNotLink) {
  const std::string path = Path("r.db");
  ASSERT_TRUE(Open(path));
  StoreOptions o;
  o.path = path;
  o.read_only = true;
  auto ro = OpenSqliteStore(o);
  ASSERT_TRUE(ro.ok());
  EXPECT_EQ(ro.value()->LinkSpeakers().status().code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace whosaid
