// `whosaid stats`: counts of a corpus (documents, duplicates, quotes,
// clusters, speakers, claims); --check also runs the integrity check.
#include <fmt/format.h>

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

struct StatsArgs {
  std::string db;
  bool json = false;
  bool check = false;
};

int RunStats(const StatsArgs& args) {
  StoreOptions options;
  options.path = args.db;
  options.read_only = true;
  auto store = OpenCorpusStore(options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid stats: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  if (args.check) {
    Status s = store.value()->Check();
    if (!s.ok()) {
      fmt::print(stderr, "whosaid stats: {}: {}\n", StoreDisplayName(args.db),
                 s.ToString());
      return kExitIoError;
    }
  }
  auto stats = store.value()->Stats();
  if (!stats.ok()) {
    fmt::print(stderr, "whosaid stats: {}\n", stats.status().ToString());
    return CorpusExitCode(stats.status());
  }
  std::string out;
  if (args.json) {
    WriteStatsJson(stats.value(), &out);
    out.push_back('\n');
  } else {
    WriteStatsTable(stats.value(), &out);
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return fflush(stdout) == 0 ? kExitOk : kExitIoError;
}

}  // namespace

void RegisterStats(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app->add_subcommand("stats", "Counts of a corpus");
  cmd->add_option("--db", args->db, "Corpus database")->required();
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->add_flag("--check", args->check,
                "Also run the integrity check (exit 74 when damaged)");
  cmd->callback([args, exit_code] { *exit_code = RunStats(*args); });
}

}  // namespace whosaid::cli
