// `whosaid serve`: a local web app to read a corpus by who said what
// (web/server.h). Loopback only unless --host says otherwise.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "tools/commands.h"
#include "web/server.h"

namespace whosaid::cli {
namespace {

int RunServe(const web::ServerOptions& options) {
  Status s = web::RunServer(options);
  if (!s.ok()) {
    fmt::print(stderr, "whosaid serve: {}\n", s.ToString());
    switch (s.code()) {
      case Status::Code::kNotFound:
        return kExitNoInput;
      case Status::Code::kInvalidArgument:
        return kExitUsage;
      default:
        return kExitIoError;
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App* app, int* exit_code) {
  auto opts = std::make_shared<web::ServerOptions>();
  CLI::App* cmd = app->add_subcommand(
      "serve", "A local web app to read a corpus by who said what");
  cmd->add_option("--db", opts->api.db, "Corpus database")->required();
  cmd->add_option("--port", opts->port, "TCP port (0: any free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opts->host,
                  "Address to listen on (default 127.0.0.1: this machine "
                  "only)");
  cmd->add_option("--threads", opts->threads, "Worker threads (default 8)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--max-query-ms", opts->api.max_query_ms,
                  "Time limit of one page query in ms (default 2000)")
      ->check(CLI::Range(1, 600000));
  cmd->add_option("--max-facet-ms", opts->api.max_facet_ms,
                  "Time for /api/facets to count every match of a search in "
                  "ms (default 300; 0: never)")
      ->check(CLI::Range(0, 600000));
  cmd->add_option("--max-ranked", opts->api.max_ranked,
                  "Matches ranked per kind at most; past it, the newest "
                  "(default 2000; 0: every match)");
  cmd->add_option("--max-query-bytes", opts->api.max_query_bytes,
                  "Longest search text in bytes (default 512)")
      ->check(CLI::Range(1, 65536));
  cmd->add_option("--read-timeout", opts->read_timeout_s,
                  "Seconds to wait for a request's bytes (default 5)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--request-timeout", opts->request_timeout_s,
                  "Seconds for a whole request to arrive (default 20)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--busy-grace-ms", opts->busy_grace_ms,
                  "Under load, drop requests still incomplete after this "
                  "many ms (default 1000)")
      ->check(CLI::Range(1, 600000));
  cmd->final_callback([opts, exit_code] {
    opts->api.max_connections = opts->threads;
    *exit_code = RunServe(*opts);
  });
}

}  // namespace whosaid::cli
