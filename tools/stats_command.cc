// `whosaid stats`: counts of a corpus (documents, duplicates, quotes,
// clusters, speakers, claims); --check also runs the integrity check.
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

struct StatsArgs {
  std::string db;
  bool json = false;
  bool check = false;
};

int RunStats(const StatsArgs& args) {
  int rc = kExitOk;
  auto store = OpenQueryStore("stats", args.db, &rc);
  if (!store) return rc;
  if (args.check) {
    Status s = store->Check();
    if (!s.ok()) {
      fmt::print(stderr, "whosaid stats: {}: {}\n", StoreDisplayName(args.db),
                 s.ToString());
      return kExitIoError;
    }
  }
  auto stats = store->Stats();
  if (!stats.ok()) {
    return ReportCorpusError("stats", stats.status());
  }
  std::string out;
  if (args.json) {
    WriteStatsJson(stats.value(), &out);
    out.push_back('\n');
  } else {
    WriteStatsTable(stats.value(), &out);
  }
  return WriteStdout(out);
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
