#include "src/store/page_reader.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <utility>

#include "src/base/utf8.h"
#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#include "src/corpus/input_delta.h"
#include "src/store/postgres_query.h"
#include "src/store/sqlite_util.h"

namespace whosaid {
namespace {

std::string LikeContains(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  p.push_back('%');
  return p;
}

int64_t OptionalInt(const Stmt& st, int col) {
  return st.IsNull(col) ? -1 : st.Int(col);
}

// Columns 0..5 of every sourced query.
constexpr char kSourceCols[] =
    "d.id, d.ext_id, d.title, d.url, d.published, coalesce(o.name, '')";

PageSource ReadSource(const Stmt& st, int col) {
  PageSource s;
  s.doc_row = st.Int(col);
  s.doc_id = st.String(col + 1);
  s.title = st.String(col + 2);
  s.url = st.String(col + 3);
  s.published = st.String(col + 4);
  s.outlet = st.String(col + 5);
  return s;
}

// Quote columns, 13 of them.
constexpr char kQuoteCols[] =
    "q.id, q.content, q.cue, q.speaker_mention, "
    "coalesce(s.name, q.speaker_name), q.kind, coalesce(q.speaker_id, 0), "
    "q.content_begin, q.content_end, q.cue_begin, q.cue_end, "
    "q.speaker_begin, q.speaker_end, coalesce(q.cluster_id, 0), q.score";

PageQuote ReadQuote(const Stmt& st, int c) {
  PageQuote q;
  q.id = st.Int(c);
  q.content = st.String(c + 1);
  q.cue = st.String(c + 2);
  q.mention = st.String(c + 3);
  q.speaker = st.String(c + 4);
  q.kind = st.String(c + 5);
  q.speaker_id = st.Int(c + 6);
  q.content_begin = st.Int(c + 7);
  q.content_end = st.Int(c + 8);
  q.cue_begin = OptionalInt(st, c + 9);
  q.cue_end = OptionalInt(st, c + 10);
  q.speaker_begin = OptionalInt(st, c + 11);
  q.speaker_end = OptionalInt(st, c + 12);
  q.cluster = st.Int(c + 13);
  q.score = st.Double(c + 14);
  return q;
}
constexpr int kQuoteColCount = 15;

constexpr char kClaimCols[] =
    "c.id, c.text, c.unit, c.counted, c.source_name, c.approx, c.change, "
    "c.group_key, c.value, c.low, c.high, c.is_range, c.span_begin, "
    "c.span_end, coalesce(c.quote_id, 0)";

PageClaim ReadClaim(const Stmt& st, int c) {
  PageClaim k;
  k.id = st.Int(c);
  k.text = st.String(c + 1);
  k.unit = st.String(c + 2);
  k.counted = st.String(c + 3);
  k.source = st.String(c + 4);
  k.approx = st.String(c + 5);
  k.change = st.String(c + 6);
  k.group_key = st.String(c + 7);
  k.value = st.Double(c + 8);
  k.low = st.Double(c + 9);
  k.high = st.Double(c + 10);
  k.is_range = st.Int(c + 11) != 0;
  k.begin = st.Int(c + 12);
  k.end = st.Int(c + 13);
  k.quote_id = st.Int(c + 14);
  return k;
}
constexpr int kClaimColCount = 15;

class SqlitePageReader : public PageReader {
 public:
  SqlitePageReader(sqlite3* db, const PageReaderOptions& options)
      : db_(db), options_(options) {}
  ~SqlitePageReader() override { sqlite3_close_v2(db_); }
  SqlitePageReader(const SqlitePageReader&) = delete;
  SqlitePageReader& operator=(const SqlitePageReader&) = delete;

  Result<DocumentPage> Document(int64_t row) override;
  Result<int64_t> DocumentRow(std::string_view doc_id) override;
  Result<ClusterPage> Cluster(int64_t id) override;
  Result<SpeakerPage> Speaker(int64_t id, std::string_view name) override;
  Result<ClaimGroupPage> ClaimGroup(std::string_view key) override;

  static int Progress(void* self) {
    auto* r = static_cast<SqlitePageReader*>(self);
    return std::chrono::steady_clock::now() > r->deadline_ ? 1 : 0;
  }

 private:
  void StartClock() {
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::milliseconds(options_.max_query_ms);
  }

  sqlite3* db_;
  PageReaderOptions options_;
  std::chrono::steady_clock::time_point deadline_;
};

Status StepStatus(sqlite3* db, int rc, std::string_view what) {
  if (rc == SQLITE_INTERRUPT) {
    return Status::LimitExceeded(
        fmt::format("{} took longer than the time limit", what));
  }
  return SqliteStatus(db, rc, what);
}

Result<DocumentPage> SqlitePageReader::Document(int64_t row) {
  StartClock();
  DocumentPage page;
  Stmt st;
  Status s = st.Prepare(
      db_, fmt::format("SELECT {}, d.author, d.text, "
                       "coalesce(d.duplicate_of, 0), "
                       "coalesce(d.duplicate_kind, ''), d.input_delta "
                       "FROM documents d "
                       "LEFT JOIN outlets o ON o.id = d.outlet_id "
                       "WHERE d.id = ?1",
                       kSourceCols));
  if (!s.ok()) return s;
  st.Bind(1, row);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no such document");
  if (rc != SQLITE_ROW) return StepStatus(db_, rc, "reading a document");
  page.source = ReadSource(st, 0);
  page.author = st.String(6);
  page.text = st.String(7);
  page.duplicate_of = st.Int(8);
  page.duplicate_kind = st.String(9);
  const bool has_delta = !st.IsNull(10);
  const std::string delta(st.Blob(10));
  // Duplicates keep no quotes or claims: show the original's.
  int64_t annotated = page.duplicate_of ? page.duplicate_of : row;

  Stmt q;
  s = q.Prepare(db_, fmt::format("SELECT {} FROM quotes q LEFT JOIN speakers "
                                 "s ON s.id = q.speaker_id WHERE q.doc_id = ?1 "
                                 "ORDER BY q.content_begin, q.id",
                                 kQuoteCols));
  if (!s.ok()) return s;
  q.Bind(1, annotated);
  while ((rc = q.Step()) == SQLITE_ROW) page.quotes.push_back(ReadQuote(q, 0));
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading quotes");

  Stmt c;
  s = c.Prepare(db_, fmt::format("SELECT {} FROM claims c WHERE c.doc_id = ?1 "
                                 "ORDER BY c.span_begin, c.id",
                                 kClaimCols));
  if (!s.ok()) return s;
  c.Bind(1, annotated);
  while ((rc = c.Step()) == SQLITE_ROW) page.claims.push_back(ReadClaim(c, 0));
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading claims");

  Stmt e;
  s = e.Prepare(db_,
                "SELECT label, name, mentions, first_begin, first_end FROM "
                "entities WHERE doc_id = ?1 ORDER BY mentions DESC, name, id");
  if (!s.ok()) return s;
  e.Bind(1, annotated);
  while ((rc = e.Step()) == SQLITE_ROW) {
    PageEntity en;
    en.label = e.String(0);
    en.name = e.String(1);
    en.mentions = e.Int(2);
    en.first_begin = e.Int(3);
    en.first_end = e.Int(4);
    page.entities.push_back(std::move(en));
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading entities");
  if (has_delta) AttachOriginal(delta, &page);
  return page;
}

Result<int64_t> SqlitePageReader::DocumentRow(std::string_view doc_id) {
  StartClock();
  Stmt st;
  Status s =
      st.Prepare(db_,
                 "SELECT id FROM documents WHERE ext_id = ?1 ORDER BY id DESC "
                 "LIMIT 1");
  if (!s.ok()) return s;
  st.Bind(1, doc_id);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no such document");
  if (rc != SQLITE_ROW) return StepStatus(db_, rc, "finding a document");
  return st.Int(0);
}

Result<ClusterPage> SqlitePageReader::Cluster(int64_t id) {
  StartClock();
  ClusterPage page;
  Stmt st;
  Status s = st.Prepare(
      db_, "SELECT id, representative FROM quote_clusters WHERE id = ?1");
  if (!s.ok()) return s;
  st.Bind(1, id);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no such quote cluster");
  if (rc != SQLITE_ROW) return StepStatus(db_, rc, "reading a cluster");
  page.id = st.Int(0);
  page.representative = st.String(1);

  Stmt m;
  s = m.Prepare(
      db_, fmt::format("SELECT {}, {} FROM quotes q "
                       "JOIN documents d ON d.id = q.doc_id "
                       "LEFT JOIN outlets o ON o.id = d.outlet_id "
                       "LEFT JOIN speakers s ON s.id = q.speaker_id "
                       "WHERE q.cluster_id = ?1 "
                       "ORDER BY d.published = '', d.published, d.id, q.id "
                       "LIMIT ?2",
                       kQuoteCols, kSourceCols));
  if (!s.ok()) return s;
  m.Bind(1, id);
  m.Bind(2, static_cast<int64_t>(options_.max_members));
  std::vector<std::string> outlets;
  while ((rc = m.Step()) == SQLITE_ROW) {
    SourcedQuote sq;
    sq.quote = ReadQuote(m, 0);
    sq.source = ReadSource(m, kQuoteColCount);
    bool seen = false;
    for (const auto& o : outlets) seen = seen || o == sq.source.outlet;
    if (!seen) outlets.push_back(sq.source.outlet);
    page.members.push_back(std::move(sq));
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading a cluster");
  page.outlets = outlets.size();
  for (auto& sq : page.members) sq.cluster_outlets = page.outlets;
  return page;
}

Result<SpeakerPage> SqlitePageReader::Speaker(int64_t id,
                                              std::string_view name) {
  StartClock();
  SpeakerPage page;
  int rc;
  if (id <= 0) {
    for (int pass = 0; pass < 2 && id <= 0; ++pass) {
      Stmt st;
      Status s = st.Prepare(
          db_, pass == 0 ? "SELECT id FROM speakers WHERE name_key = ?1"
                         : "SELECT s.id FROM speakers s WHERE s.name LIKE ?1 "
                           "ESCAPE '\\' ORDER BY (SELECT count(*) FROM quotes "
                           "q WHERE q.speaker_id = s.id) DESC, s.id LIMIT 1");
      if (!s.ok()) return s;
      st.Bind(1, pass == 0 ? NormalizeText(name) : LikeContains(name));
      rc = st.Step();
      if (rc == SQLITE_ROW)
        id = st.Int(0);
      else if (rc != SQLITE_DONE)
        return StepStatus(db_, rc, "finding a speaker");
    }
    if (id <= 0) return Status::NotFound("no such speaker");
  }
  Stmt st;
  Status s = st.Prepare(db_, "SELECT id, name FROM speakers WHERE id = ?1");
  if (!s.ok()) return s;
  st.Bind(1, id);
  rc = st.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no such speaker");
  if (rc != SQLITE_ROW) return StepStatus(db_, rc, "reading a speaker");
  page.id = st.Int(0);
  page.name = st.String(1);

  Stmt r;
  s = r.Prepare(db_,
                "SELECT role FROM speaker_roles WHERE speaker_id = ?1 "
                "ORDER BY role");
  if (!s.ok()) return s;
  r.Bind(1, id);
  while ((rc = r.Step()) == SQLITE_ROW) page.roles.push_back(r.String(0));
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading roles");

  Stmt n;
  s = n.Prepare(db_,
                "SELECT count(*), count(DISTINCT doc_id) FROM quotes WHERE "
                "speaker_id = ?1");
  if (!s.ok()) return s;
  n.Bind(1, id);
  rc = n.Step();
  if (rc != SQLITE_ROW) return StepStatus(db_, rc, "counting quotes");
  page.total_quotes = n.Int(0);
  page.documents = n.Int(1);

  Stmt q;
  s = q.Prepare(
      db_,
      fmt::format("SELECT {}, {}, (SELECT count(DISTINCT d2.outlet_id) FROM "
                  "quotes q2 JOIN documents d2 ON d2.id = q2.doc_id WHERE "
                  "q2.cluster_id = q.cluster_id) FROM quotes q "
                  "JOIN documents d ON d.id = q.doc_id "
                  "LEFT JOIN outlets o ON o.id = d.outlet_id "
                  "LEFT JOIN speakers s ON s.id = q.speaker_id "
                  "WHERE q.speaker_id = ?1 "
                  "ORDER BY d.published = '', d.published, d.id, q.id "
                  "LIMIT ?2",
                  kQuoteCols, kSourceCols));
  if (!s.ok()) return s;
  q.Bind(1, id);
  q.Bind(2, static_cast<int64_t>(options_.max_quotes));
  while ((rc = q.Step()) == SQLITE_ROW) {
    SourcedQuote sq;
    sq.quote = ReadQuote(q, 0);
    sq.source = ReadSource(q, kQuoteColCount);
    sq.cluster_outlets =
        sq.quote.cluster ? static_cast<size_t>(q.Int(kQuoteColCount + 6)) : 0;
    page.quotes.push_back(std::move(sq));
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading quotes");

  Stmt t;
  s = t.Prepare(db_,
                "SELECT substr(d.published, 1, 7) AS m, count(*) FROM quotes q "
                "JOIN documents d ON d.id = q.doc_id WHERE q.speaker_id = ?1 "
                "AND length(d.published) >= 7 GROUP BY m ORDER BY m");
  if (!s.ok()) return s;
  t.Bind(1, id);
  while ((rc = t.Step()) == SQLITE_ROW) {
    page.timeline.push_back({t.String(0), t.Int(1)});
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading a timeline");

  Stmt o;
  s = o.Prepare(db_,
                "SELECT coalesce(o.name, ''), count(*) AS n FROM quotes q "
                "JOIN documents d ON d.id = q.doc_id LEFT JOIN outlets o ON "
                "o.id = d.outlet_id WHERE q.speaker_id = ?1 GROUP BY o.id "
                "ORDER BY n DESC, 1 LIMIT 20");
  if (!s.ok()) return s;
  o.Bind(1, id);
  while ((rc = o.Step()) == SQLITE_ROW) {
    page.outlets.push_back({o.String(0), o.Int(1)});
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading outlets");
  return page;
}

Result<ClaimGroupPage> SqlitePageReader::ClaimGroup(std::string_view key) {
  StartClock();
  ClaimGroupPage page;
  page.key = key;
  if (key.empty()) return Status::NotFound("no such claim group");
  Stmt st;
  // An event key (claims --compare) names the quantity, a shared entity
  // and the dates; a bare group key every claim of the quantity.
  std::string group, entity, from, to;
  const bool event = ParseClaimEventKey(key, &group, &entity, &from, &to);
  if (!event) group = key;
  if (event) {
    page.context = {entity};
    page.from = from;
    page.to = to;
  }
  Status s = st.Prepare(
      db_,
      fmt::format(
          "SELECT {}, {} FROM claims c "
          "JOIN documents d ON d.id = c.doc_id "
          "LEFT JOIN outlets o ON o.id = d.outlet_id "
          "WHERE c.group_key = ?1 AND c.group_key != ''{} "
          "ORDER BY c.low, c.high, d.published, c.id LIMIT ?2",
          kClaimCols, kSourceCols,
          !event ? ""
          : from.empty()
              ? " AND EXISTS (SELECT 1 FROM claim_context x WHERE "
                "x.group_key = ?1 AND x.entity = ?3 AND x.claim_id = c.id) "
                "AND length(d.published) < 10"
              : " AND EXISTS (SELECT 1 FROM claim_context x WHERE "
                "x.group_key = ?1 AND x.entity = ?3 AND x.claim_id = c.id) "
                "AND substr(d.published, 1, 10) BETWEEN ?4 AND ?5"));
  if (!s.ok()) return s;
  st.Bind(1, group);
  st.Bind(2, static_cast<int64_t>(options_.max_group_claims));
  if (event) {
    st.Bind(3, entity);
    if (!from.empty()) {
      st.Bind(4, from);
      st.Bind(5, to);
    }
  }
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SourcedClaim sc;
    sc.claim = ReadClaim(st, 0);
    sc.source = ReadSource(st, kClaimColCount);
    if (page.claims.empty()) {
      page.counted = sc.claim.counted;
      page.unit = sc.claim.unit;
    }
    page.claims.push_back(std::move(sc));
  }
  if (rc != SQLITE_DONE) return StepStatus(db_, rc, "reading claims");
  if (page.claims.empty()) return Status::NotFound("no such claim group");
  return page;
}

}  // namespace

Result<std::unique_ptr<PageReader>> OpenSqlitePageReader(
    const PageReaderOptions& options) {
  struct stat st;
  if (options.path.empty() || stat(options.path.c_str(), &st) != 0) {
    return Status::NotFound("no such corpus");
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(options.path.c_str(), &db,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(db, rc, "opening the corpus");
    sqlite3_close_v2(db);
    return s;
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  Status s = Exec(db, "PRAGMA query_only=1", "configuring the database");
  if (!s.ok()) {
    sqlite3_close_v2(db);
    return s;
  }
  auto reader = std::make_unique<SqlitePageReader>(db, options);
  sqlite3_progress_handler(db, 1000, &SqlitePageReader::Progress, reader.get());
  return std::unique_ptr<PageReader>(std::move(reader));
}

Result<std::unique_ptr<PageReader>> PageReader::Open(
    const PageReaderOptions& options) {
  if (IsPostgresUrl(options.path)) return OpenPostgresPageReader(options);
  return OpenSqlitePageReader(options);
}

void AttachOriginal(std::string_view input_delta, DocumentPage* page) {
  page->has_original = false;
  page->original.clear();
  auto decoded = DecodeInputDelta(page->text, input_delta);
  if (!decoded.ok()) return;
  const OriginalInput& orig = decoded.value();
  // Code point -> byte in the clean text; byte -> code point in the
  // original.
  std::vector<uint32_t> cp_byte;
  cp_byte.reserve(page->text.size() + 1);
  for (size_t i = 0; i < page->text.size(); ++i) {
    if (IsLeadByte(static_cast<unsigned char>(page->text[i]))) {
      cp_byte.push_back(static_cast<uint32_t>(i));
    }
  }
  cp_byte.push_back(static_cast<uint32_t>(page->text.size()));
  CodePointIndex orig_cps(orig.text);
  auto map = [&](int64_t b, int64_t e, int64_t* ob, int64_t* oe) {
    *ob = *oe = -1;
    if (b < 0 || e <= b || static_cast<size_t>(e) >= cp_byte.size()) return;
    uint32_t bb = 0, be = 0;
    if (!orig.MapSpan(cp_byte[b], cp_byte[e], &bb, &be)) return;
    *ob = orig_cps.ToCodePoint(bb);
    *oe = orig_cps.ToCodePoint(be);
  };
  for (PageQuote& q : page->quotes) {
    map(q.content_begin, q.content_end, &q.orig_content_begin,
        &q.orig_content_end);
    map(q.cue_begin, q.cue_end, &q.orig_cue_begin, &q.orig_cue_end);
    map(q.speaker_begin, q.speaker_end, &q.orig_speaker_begin,
        &q.orig_speaker_end);
  }
  for (PageClaim& c : page->claims) {
    map(c.begin, c.end, &c.orig_begin, &c.orig_end);
  }
  page->original = std::move(decoded.value().text);
  page->has_original = true;
}

}  // namespace whosaid
