// `whosaid search`: ranked full-text search (FTS5, bm25) over a corpus, with
// filters; a table for people or --json for scripts.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

// Exit code for a store error: bad query 64, missing corpus 66, else 74.
int CorpusExitCode(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return kExitUsage;
    case Status::Code::kNotFound:
      return kExitNoInput;
    default:
      return kExitIoError;
  }
}

struct SearchArgs {
  std::string db;
  SearchQuery query;
  std::string in = "auto";
  bool json = false;
};

int RunSearch(SearchArgs args) {
  SearchQuery& q = args.query;
  if (args.in == "auto") {
    q.target = SearchQuery::Target::kAuto;
  } else if (args.in == "documents") {
    q.target = SearchQuery::Target::kDocuments;
  } else if (args.in == "quotes") {
    q.target = SearchQuery::Target::kQuotes;
  } else if (args.in == "claims") {
    q.target = SearchQuery::Target::kClaims;
  } else {
    fmt::print(stderr,
               "whosaid search: unknown --in '{}' (expected auto, documents, "
               "quotes or claims)\n",
               args.in);
    return kExitUsage;
  }
  if (args.json) {
    q.highlight_open = "<b>";
    q.highlight_close = "</b>";
  } else if (isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")) {
    q.highlight_open = "\033[1m";
    q.highlight_close = "\033[0m";
  }
  StoreOptions options;
  options.path = args.db;
  options.read_only = true;
  auto store = OpenSqliteStore(options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid search: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  auto hits = store.value()->Search(q);
  if (!hits.ok()) {
    fmt::print(stderr, "whosaid search: {}\n", hits.status().ToString());
    return CorpusExitCode(hits.status());
  }
  std::string out;
  if (args.json) {
    WriteSearchJson(q, hits.value(), &out);
    out.push_back('\n');
  } else {
    WriteSearchTable(hits.value(), &out);
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return fflush(stdout) == 0 ? kExitOk : kExitIoError;
}

}  // namespace

void RegisterSearch(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app->add_subcommand(
      "search", "Ranked full-text search over documents, quotes or claims");
  cmd->add_option("query", args->query.match,
                  "FTS5 query: words, \"a phrase\", a OR b, NOT c, pre*")
      ->required();
  cmd->add_option("--db", args->db, "Corpus database")->required();
  cmd->add_option("--in", args->in,
                  "auto | documents | quotes | claims (auto: quotes when "
                  "--speaker or --kind is given, else documents)");
  cmd->add_option("--speaker", args->query.speaker,
                  "Only quotes/claims of speakers whose name contains this");
  cmd->add_option("--outlet", args->query.outlet,
                  "Only outlets whose name contains this");
  cmd->add_option("--since", args->query.since,
                  "Published on/after YYYY-MM-DD");
  cmd->add_option("--until", args->query.until,
                  "Published on/before YYYY-MM-DD");
  cmd->add_option("--kind", args->query.kind, "direct | mixed | indirect");
  cmd->add_option("-n,--limit", args->query.limit, "Hits to show (default 20)");
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->callback([args, exit_code] { *exit_code = RunSearch(*args); });
}

}  // namespace whosaid::cli
