// The PostgreSQL PageReader (src/store/page_reader.h): the web pages'
// queries on a corpus written by the PostgreSQL CorpusStore, over a
// read-only session (default_transaction_read_only) whose statements stop
// at statement_timeout = max_query_ms.
#include <fmt/format.h>

#include "src/store/page_reader.h"
#include "src/store/pg_util.h"
#include "src/store/postgres_query.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include <chrono>

#include "src/corpus/claim_events.h"
#include "src/corpus/features.h"
#endif

namespace whosaid {

#ifdef WHOSAID_HAVE_LIBPQ
namespace {

void IgnoreReaderNotice(void*, const char*) {}

// Columns 0..5 of every sourced query.
constexpr char kSourceCols[] =
    "d.id, d.ext_id, d.title, d.url, d.published, coalesce(o.name, '')";
constexpr int kSourceColCount = 6;

PageSource ReadSource(const PgResult& r, int row, int c) {
  PageSource s;
  s.doc_row = r.Int(row, c);
  s.doc_id = r.String(row, c + 1);
  s.title = r.String(row, c + 2);
  s.url = r.String(row, c + 3);
  s.published = r.String(row, c + 4);
  s.outlet = r.String(row, c + 5);
  return s;
}

int64_t OptionalInt(const PgResult& r, int row, int col) {
  return r.IsNull(row, col) ? -1 : r.Int(row, col);
}

constexpr char kQuoteCols[] =
    "q.id, q.content, q.cue, q.speaker_mention, "
    "coalesce(s.name, q.speaker_name), q.kind, coalesce(q.speaker_id, 0), "
    "q.content_begin, q.content_end, q.cue_begin, q.cue_end, "
    "q.speaker_begin, q.speaker_end, coalesce(q.cluster_id, 0), q.score";
constexpr int kQuoteColCount = 15;

PageQuote ReadQuote(const PgResult& r, int row, int c) {
  PageQuote q;
  q.id = r.Int(row, c);
  q.content = r.String(row, c + 1);
  q.cue = r.String(row, c + 2);
  q.mention = r.String(row, c + 3);
  q.speaker = r.String(row, c + 4);
  q.kind = r.String(row, c + 5);
  q.speaker_id = r.Int(row, c + 6);
  q.content_begin = r.Int(row, c + 7);
  q.content_end = r.Int(row, c + 8);
  q.cue_begin = OptionalInt(r, row, c + 9);
  q.cue_end = OptionalInt(r, row, c + 10);
  q.speaker_begin = OptionalInt(r, row, c + 11);
  q.speaker_end = OptionalInt(r, row, c + 12);
  q.cluster = r.Int(row, c + 13);
  q.score = r.Double(row, c + 14);
  return q;
}

constexpr char kClaimCols[] =
    "c.id, c.text, c.unit, c.counted, c.source_name, c.approx, c.change, "
    "c.group_key, c.value, c.low, c.high, c.is_range, c.span_begin, "
    "c.span_end, coalesce(c.quote_id, 0)";
constexpr int kClaimColCount = 15;

PageClaim ReadClaim(const PgResult& r, int row, int c) {
  PageClaim k;
  k.id = r.Int(row, c);
  k.text = r.String(row, c + 1);
  k.unit = r.String(row, c + 2);
  k.counted = r.String(row, c + 3);
  k.source = r.String(row, c + 4);
  k.approx = r.String(row, c + 5);
  k.change = r.String(row, c + 6);
  k.group_key = r.String(row, c + 7);
  k.value = r.Double(row, c + 8);
  k.low = r.Double(row, c + 9);
  k.high = r.Double(row, c + 10);
  k.is_range = r.Bool(row, c + 11);
  k.begin = r.Int(row, c + 12);
  k.end = r.Int(row, c + 13);
  k.quote_id = r.Int(row, c + 14);
  return k;
}

class PostgresPageReader : public PageReader {
 public:
  PostgresPageReader(PGconn* conn, const PageReaderOptions& options)
      : conn_(conn), options_(options) {}
  ~PostgresPageReader() override { PQfinish(conn_); }
  PostgresPageReader(const PostgresPageReader&) = delete;
  PostgresPageReader& operator=(const PostgresPageReader&) = delete;

  Status Init();
  Result<DocumentPage> Document(int64_t row) override;
  Result<int64_t> DocumentRow(std::string_view doc_id) override;
  Result<ClusterPage> Cluster(int64_t id) override;
  Result<SpeakerPage> Speaker(int64_t id, std::string_view name) override;
  Result<ClaimGroupPage> ClaimGroup(std::string_view key) override;

 private:
  void StartClock() {
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::milliseconds(options_.max_query_ms);
  }
  // Runs one statement of the current call (text results).
  Result<PgResult> Run(std::string_view sql, const PgParams& params,
                       std::string_view what);

  PGconn* conn_;
  PageReaderOptions options_;
  std::chrono::steady_clock::time_point deadline_;
};

Result<PgResult> PostgresPageReader::Run(std::string_view sql,
                                         const PgParams& params,
                                         std::string_view what) {
  if (std::chrono::steady_clock::now() > deadline_) {
    return Status::LimitExceeded(
        fmt::format("{} took longer than the time limit", what));
  }
  std::string text(sql);
  PgResult r(PQexecParams(conn_, text.c_str(), params.size(), params.types(),
                          params.values(), params.lengths(), params.formats(),
                          0));
  if (r.ok()) return r;
  const char* state =
      r.get() ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
  std::string_view sqlstate = state ? state : "";
  if (sqlstate == "57014") {  // query_canceled: statement_timeout
    return Status::LimitExceeded(
        fmt::format("{} took longer than the time limit", what));
  }
  std::string detail =
      r.get() ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
    detail.pop_back();
  }
  if (PQstatus(conn_) == CONNECTION_BAD || sqlstate.starts_with("08")) {
    return Status::IOError(fmt::format("{}: {}", what, detail));
  }
  return Status::Internal(fmt::format("{}: {}", what, detail));
}

Status PostgresPageReader::Init() {
  PQsetNoticeProcessor(conn_, IgnoreReaderNotice, nullptr);
  StartClock();
  std::string setup = fmt::format(
      "SET default_transaction_read_only = on; SET statement_timeout = {}; "
      "SET client_min_messages = warning",
      options_.max_query_ms);
  PgResult s(PQexec(conn_, setup.c_str()));
  if (!s.ok()) {
    return Status::IOError(fmt::format("configuring the session: {}",
                                       PQresultErrorMessage(s.get())));
  }
  auto r = Run("SELECT to_regclass('whosaid_migrations') IS NOT NULL",
               PgParams(), "reading the schema");
  if (!r.ok()) return r.status();
  if (!r.value().Bool(0, 0)) {
    return Status::NotFound("no whosaid corpus in this database");
  }
  return Status::OK();
}

Result<DocumentPage> PostgresPageReader::Document(int64_t row) {
  StartClock();
  DocumentPage page;
  auto r = Run(fmt::format("SELECT {}, d.author, d.text, "
                           "coalesce(d.duplicate_of, 0), "
                           "coalesce(d.duplicate_kind, ''), d.input_delta "
                           "FROM documents d "
                           "LEFT JOIN outlets o ON o.id = d.outlet_id "
                           "WHERE d.id = $1",
                           kSourceCols),
               PgParams().Int(row), "reading a document");
  if (!r.ok()) return r.status();
  const PgResult& d = r.value();
  if (d.rows() == 0) return Status::NotFound("no such document");
  page.source = ReadSource(d, 0, 0);
  page.author = d.String(0, 6);
  page.text = d.String(0, 7);
  page.duplicate_of = d.Int(0, 8);
  page.duplicate_kind = d.String(0, 9);
  std::string delta;
  const bool has_delta = !d.IsNull(0, 10);
  if (has_delta) {
    size_t n = 0;
    unsigned char* bytes = PQunescapeBytea(
        reinterpret_cast<const unsigned char*>(PQgetvalue(d.get(), 0, 10)), &n);
    if (bytes) {
      delta.assign(reinterpret_cast<const char*>(bytes), n);
      PQfreemem(bytes);
    }
  }
  int64_t annotated = page.duplicate_of ? page.duplicate_of : row;

  r = Run(fmt::format("SELECT {} FROM quotes q LEFT JOIN speakers s "
                      "ON s.id = q.speaker_id WHERE q.doc_id = $1 "
                      "ORDER BY q.content_begin, q.id",
                      kQuoteCols),
          PgParams().Int(annotated), "reading quotes");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    page.quotes.push_back(ReadQuote(r.value(), i, 0));
  }
  r = Run(fmt::format("SELECT {} FROM claims c WHERE c.doc_id = $1 "
                      "ORDER BY c.span_begin, c.id",
                      kClaimCols),
          PgParams().Int(annotated), "reading claims");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    page.claims.push_back(ReadClaim(r.value(), i, 0));
  }
  r =
      Run("SELECT label, name, mentions, first_begin, first_end FROM entities "
          "WHERE doc_id = $1 ORDER BY mentions DESC, name COLLATE \"C\", id",
          PgParams().Int(annotated), "reading entities");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    PageEntity e;
    e.label = r.value().String(i, 0);
    e.name = r.value().String(i, 1);
    e.mentions = r.value().Int(i, 2);
    e.first_begin = r.value().Int(i, 3);
    e.first_end = r.value().Int(i, 4);
    page.entities.push_back(std::move(e));
  }
  if (has_delta) AttachOriginal(delta, &page);
  return page;
}

Result<int64_t> PostgresPageReader::DocumentRow(std::string_view doc_id) {
  StartClock();
  auto r =
      Run("SELECT id FROM documents WHERE ext_id = $1 ORDER BY id DESC LIMIT 1",
          PgParams().Text(doc_id), "finding a document");
  if (!r.ok()) return r.status();
  if (r.value().rows() == 0) return Status::NotFound("no such document");
  return r.value().Int(0, 0);
}

Result<ClusterPage> PostgresPageReader::Cluster(int64_t id) {
  StartClock();
  ClusterPage page;
  auto r = Run("SELECT id, representative FROM quote_clusters WHERE id = $1",
               PgParams().Int(id), "reading a cluster");
  if (!r.ok()) return r.status();
  if (r.value().rows() == 0) return Status::NotFound("no such quote cluster");
  page.id = r.value().Int(0, 0);
  page.representative = r.value().String(0, 1);
  r = Run(fmt::format("SELECT {}, {} FROM quotes q "
                      "JOIN documents d ON d.id = q.doc_id "
                      "LEFT JOIN outlets o ON o.id = d.outlet_id "
                      "LEFT JOIN speakers s ON s.id = q.speaker_id "
                      "WHERE q.cluster_id = $1 "
                      "ORDER BY d.published = '', d.published COLLATE \"C\", "
                      "d.id, q.id LIMIT $2",
                      kQuoteCols, kSourceCols),
          PgParams().Int(id).Int(static_cast<int64_t>(options_.max_members)),
          "reading a cluster");
  if (!r.ok()) return r.status();
  std::vector<std::string> outlets;
  for (int i = 0; i < r.value().rows(); ++i) {
    SourcedQuote sq;
    sq.quote = ReadQuote(r.value(), i, 0);
    sq.source = ReadSource(r.value(), i, kQuoteColCount);
    bool seen = false;
    for (const auto& o : outlets) seen = seen || o == sq.source.outlet;
    if (!seen) outlets.push_back(sq.source.outlet);
    page.members.push_back(std::move(sq));
  }
  page.outlets = outlets.size();
  for (auto& sq : page.members) sq.cluster_outlets = page.outlets;
  return page;
}

Result<SpeakerPage> PostgresPageReader::Speaker(int64_t id,
                                                std::string_view name) {
  StartClock();
  SpeakerPage page;
  if (id <= 0) {
    std::string key = NormalizeText(name);
    std::string pattern = PgContainsPattern(name);
    for (int pass = 0; pass < 2 && id <= 0; ++pass) {
      auto r = Run(
          pass == 0
              ? "SELECT id FROM speakers WHERE name_key = $1"
              : "SELECT s.id FROM speakers s WHERE lower(s.name COLLATE \"C\") "
                "LIKE $1 ESCAPE '\\' ORDER BY (SELECT count(*) FROM quotes q "
                "WHERE q.speaker_id = s.id) DESC, s.id LIMIT 1",
          PgParams().Text(pass == 0 ? key : pattern), "finding a speaker");
      if (!r.ok()) return r.status();
      if (r.value().rows() > 0) id = r.value().Int(0, 0);
    }
    if (id <= 0) return Status::NotFound("no such speaker");
  }
  auto r = Run("SELECT id, name FROM speakers WHERE id = $1",
               PgParams().Int(id), "reading a speaker");
  if (!r.ok()) return r.status();
  if (r.value().rows() == 0) return Status::NotFound("no such speaker");
  page.id = r.value().Int(0, 0);
  page.name = r.value().String(0, 1);
  r =
      Run("SELECT role FROM speaker_roles WHERE speaker_id = $1 "
          "ORDER BY role COLLATE \"C\"",
          PgParams().Int(id), "reading roles");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    page.roles.push_back(r.value().String(i, 0));
  }
  r =
      Run("SELECT count(*), count(DISTINCT doc_id) FROM quotes WHERE "
          "speaker_id = $1",
          PgParams().Int(id), "counting quotes");
  if (!r.ok()) return r.status();
  page.total_quotes = r.value().Int(0, 0);
  page.documents = r.value().Int(0, 1);
  r = Run(
      fmt::format("SELECT {}, {}, (SELECT count(DISTINCT d2.outlet_id) FROM "
                  "quotes q2 JOIN documents d2 ON d2.id = q2.doc_id WHERE "
                  "q2.cluster_id = q.cluster_id) FROM quotes q "
                  "JOIN documents d ON d.id = q.doc_id "
                  "LEFT JOIN outlets o ON o.id = d.outlet_id "
                  "LEFT JOIN speakers s ON s.id = q.speaker_id "
                  "WHERE q.speaker_id = $1 "
                  "ORDER BY d.published = '', d.published COLLATE \"C\", d.id, "
                  "q.id LIMIT $2",
                  kQuoteCols, kSourceCols),
      PgParams().Int(id).Int(static_cast<int64_t>(options_.max_quotes)),
      "reading quotes");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    SourcedQuote sq;
    sq.quote = ReadQuote(r.value(), i, 0);
    sq.source = ReadSource(r.value(), i, kQuoteColCount);
    sq.cluster_outlets = sq.quote.cluster
                             ? static_cast<size_t>(r.value().Int(
                                   i, kQuoteColCount + kSourceColCount))
                             : 0;
    page.quotes.push_back(std::move(sq));
  }
  r =
      Run("SELECT substr(d.published, 1, 7) AS m, count(*) FROM quotes q "
          "JOIN documents d ON d.id = q.doc_id WHERE q.speaker_id = $1 "
          "AND length(d.published) >= 7 GROUP BY m "
          "ORDER BY substr(d.published, 1, 7) COLLATE \"C\"",
          PgParams().Int(id), "reading a timeline");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    page.timeline.push_back({r.value().String(i, 0), r.value().Int(i, 1)});
  }
  r =
      Run("SELECT coalesce(o.name, ''), count(*) AS n FROM quotes q "
          "JOIN documents d ON d.id = q.doc_id LEFT JOIN outlets o ON "
          "o.id = d.outlet_id WHERE q.speaker_id = $1 GROUP BY o.id, o.name "
          "ORDER BY n DESC, coalesce(o.name, '') COLLATE \"C\" LIMIT 20",
          PgParams().Int(id), "reading outlets");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    page.outlets.push_back({r.value().String(i, 0), r.value().Int(i, 1)});
  }
  return page;
}

Result<ClaimGroupPage> PostgresPageReader::ClaimGroup(std::string_view key) {
  StartClock();
  ClaimGroupPage page;
  page.key = key;
  if (key.empty()) return Status::NotFound("no such claim group");
  std::string group, entity, from, to;
  const bool event = ParseClaimEventKey(key, &group, &entity, &from, &to);
  if (!event) group = key;
  if (event) {
    page.context = {entity};
    page.from = from;
    page.to = to;
  }
  PgParams params;
  params.Text(group).Int(static_cast<int64_t>(options_.max_group_claims));
  if (event) {
    params.Text(entity);
    if (!from.empty()) params.Text(from).Text(to);
  }
  auto r =
      Run(fmt::format(
              "SELECT {}, {} FROM claims c "
              "JOIN documents d ON d.id = c.doc_id "
              "LEFT JOIN outlets o ON o.id = d.outlet_id "
              "WHERE c.group_key = $1 AND c.group_key <> ''{} "
              "ORDER BY c.low, c.high, "
              "d.published COLLATE \"C\", c.id LIMIT $2",
              kClaimCols, kSourceCols,
              !event ? ""
              : from.empty()
                  ? " AND EXISTS (SELECT 1 FROM claim_context x WHERE "
                    "x.group_key = $1 AND x.entity = $3 AND x.claim_id = c.id) "
                    "AND length(d.published) < 10"
                  : " AND EXISTS (SELECT 1 FROM claim_context x WHERE "
                    "x.group_key = $1 AND x.entity = $3 AND x.claim_id = c.id) "
                    "AND substr(d.published, 1, 10) BETWEEN $4 AND $5"),
          params, "reading claims");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    SourcedClaim sc;
    sc.claim = ReadClaim(r.value(), i, 0);
    sc.source = ReadSource(r.value(), i, kClaimColCount);
    if (page.claims.empty()) {
      page.counted = sc.claim.counted;
      page.unit = sc.claim.unit;
    }
    page.claims.push_back(std::move(sc));
  }
  if (page.claims.empty()) return Status::NotFound("no such claim group");
  return page;
}

}  // namespace
#endif  // WHOSAID_HAVE_LIBPQ

Result<std::unique_ptr<PageReader>> OpenPostgresPageReader(
    const PageReaderOptions& options) {
#ifndef WHOSAID_HAVE_LIBPQ
  return Status::InvalidArgument(
      fmt::format("{}: this whosaid was built without PostgreSQL support "
                  "(install libpq-dev and rebuild)",
                  RedactPostgresUrl(options.path)));
#else
  auto conn = PgConnect(options.path, 5);
  if (!conn.ok()) return conn.status();
  auto reader = std::make_unique<PostgresPageReader>(conn.value(), options);
  Status s = reader->Init();
  if (!s.ok()) return s;
  return std::unique_ptr<PageReader>(std::move(reader));
#endif
}

}  // namespace whosaid
