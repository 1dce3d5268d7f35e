#include "src/store/pg_util.h"

#ifdef WHOSAID_HAVE_LIBPQ
#include "src/store/postgres_query.h"

namespace whosaid {

Result<PGconn*> PgConnect(const std::string& url, int connect_timeout_s) {
  const std::string shown = RedactPostgresUrl(url);
  std::string timeout = fmt::format("{}", connect_timeout_s);
  // Later keywords win, so the URL (expanded from dbname) overrides these
  // defaults.
  const char* keys[] = {"connect_timeout", "application_name",
                        "client_encoding", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "whosaid", "UTF8", url.c_str(),
                          nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string detail = conn ? PQerrorMessage(conn) : "out of memory";
    PQfinish(conn);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
      detail.pop_back();
    }
    // libpq may quote the URL it could not parse: never show a password.
    if (!url.empty() && detail.find(url) != std::string::npos) {
      detail.replace(detail.find(url), url.size(), shown);
    }
    return Status::IOError(
        fmt::format("{}: cannot connect to PostgreSQL: {}", shown, detail));
  }
  return conn;
}

}  // namespace whosaid
#endif  // WHOSAID_HAVE_LIBPQ
