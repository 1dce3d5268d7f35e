// `whosaid claims --compare`: quantities (same counted noun + unit) that
// sources report with different values, each claim with its source and
// article.
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
  StoreOptions options;
  options.path = args.db;
  options.read_only = true;
  auto store = OpenCorpusStore(options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid claims: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  auto groups = store.value()->CompareClaims(args.limit);
  if (!groups.ok()) {
    fmt::print(stderr, "whosaid claims: {}\n", groups.status().ToString());
    return CorpusExitCode(groups.status());
  }
  std::string out;
  if (args.json) {
    WriteClaimGroupsJson(groups.value(), &out);
    out.push_back('\n');
  } else {
    WriteClaimGroupsTable(groups.value(), &out);
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return fflush(stdout) == 0 ? kExitOk : kExitIoError;
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
