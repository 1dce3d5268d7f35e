// `whosaid claims --compare`: quantities (same counted noun + unit) that
// sources report with different values, each claim with its source and
// article.
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

struct ClaimsArgs {
  std::string db;
  bool compare = false;
  size_t limit = 50;
  bool json = false;
};

int RunClaims(const ClaimsArgs& args) {
  if (!args.compare) {
    fmt::print(stderr,
               "whosaid claims: nothing to do; use --compare to list "
               "quantities reported with different values\n");
    return kExitUsage;
  }
  int rc = kExitOk;
  auto store = OpenQueryStore("claims", args.db, &rc);
  if (!store) return rc;
  auto groups = store->CompareClaims(args.limit);
  if (!groups.ok()) {
    return ReportCorpusError("claims", groups.status());
  }
  std::string out;
  if (args.json) {
    WriteClaimGroupsJson(groups.value(), &out);
    out.push_back('\n');
  } else {
    WriteClaimGroupsTable(groups.value(), &out);
  }
  return WriteStdout(out);
}

}  // namespace

void RegisterClaims(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<ClaimsArgs>();
  CLI::App* cmd = app->add_subcommand(
      "claims", "Numeric claims across a corpus (--compare: disagreements)");
  cmd->add_flag("--compare", args->compare,
                "Quantities that sources give with different values");
  cmd->add_option("--db", args->db, "Corpus database")->required();
  cmd->add_option("-n,--limit", args->limit, "At most this many groups");
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->callback([args, exit_code] { *exit_code = RunClaims(*args); });
}

}  // namespace whosaid::cli
