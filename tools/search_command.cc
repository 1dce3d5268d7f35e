// `whosaid search`: ranked full-text search (FTS5, bm25) over a corpus, with
// filters; a table for people or --json for scripts.
#include <fmt/format.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

struct SearchArgs {
  std::string db;
  SearchQuery query;
  std::string in = "auto";
  std::string queries_file;
  bool json = false;
};

// CPU time of this thread: latency that does not depend on how busy the
// machine is.
double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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
  int rc = kExitOk;
  auto store = OpenQueryStore("search", args.db, &rc);
  if (!store) return rc;
  std::vector<std::string> queries;
  if (args.queries_file.empty()) {
    queries.push_back(q.match);
  } else {
    std::ifstream in(args.queries_file);
    if (!in) {
      fmt::print(stderr, "whosaid search: cannot read {}\n", args.queries_file);
      return kExitNoInput;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) queries.push_back(line);
    }
  }
  for (const std::string& match : queries) {
    q.match = match;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ThreadCpuMs();
    auto hits = store->Search(q);
    double cpu_ms = ThreadCpuMs() - cpu_start;
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
    if (!hits.ok()) {
      fmt::print(stderr, "whosaid search: {}\n", hits.status().ToString());
      if (queries.size() == 1) return CorpusExitCode(hits.status());
      rc = CorpusExitCode(hits.status());
      continue;
    }
    std::string out;
    if (args.json) {
      WriteSearchJson(q, hits.value(), &out);
      if (!args.queries_file.empty()) {
        // One line per query, with the time the search itself took.
        out.pop_back();
        out += fmt::format(",\"elapsed_ms\":{:.3f},\"cpu_ms\":{:.3f}}}", ms,
                           cpu_ms);
      }
      out.push_back('\n');
    } else {
      if (queries.size() > 1) out = fmt::format("== {}\n", match);
      WriteSearchTable(hits.value(), &out);
    }
    fwrite(out.data(), 1, out.size(), stdout);
  }
  if (fflush(stdout) != 0) return kExitIoError;
  return rc;
}

}  // namespace

void RegisterSearch(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app->add_subcommand(
      "search", "Ranked full-text search over documents, quotes or claims");
  auto* query =
      cmd->add_option("query", args->query.match,
                      "FTS5 query: words, \"a phrase\", a OR b, NOT c, pre*");
  auto* file = cmd->add_option(
      "--queries", args->queries_file,
      "Run each line of this file as a query (with --json: one line each, "
      "with elapsed_ms and cpu_ms of the search)");
  query->excludes(file);
  cmd->callback([query, file] {
    if (query->count() == 0 && file->count() == 0) {
      throw CLI::RequiredError("query or --queries");
    }
  });
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
  cmd->add_option("--max-ranked", args->query.max_ranked,
                  "Rank only the newest N matches when more match (default "
                  "0: rank every match)");
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->final_callback([args, exit_code] { *exit_code = RunSearch(*args); });
}

}  // namespace whosaid::cli
