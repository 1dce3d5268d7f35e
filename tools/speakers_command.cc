// `whosaid speakers`: the most quoted speakers of a corpus.
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

struct SpeakersArgs {
  std::string db;
  size_t top = 50;
  bool json = false;
};

int RunSpeakers(const SpeakersArgs& args) {
  int rc = kExitOk;
  auto store = OpenQueryStore("speakers", args.db, &rc);
  if (!store) return rc;
  auto speakers = store->TopSpeakers(args.top);
  if (!speakers.ok()) {
    return ReportCorpusError("speakers", speakers.status());
  }
  std::string out;
  if (args.json) {
    WriteSpeakersJson(speakers.value(), &out);
    out.push_back('\n');
  } else {
    WriteSpeakersTable(speakers.value(), &out);
  }
  return WriteStdout(out);
}

}  // namespace

void RegisterSpeakers(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<SpeakersArgs>();
  CLI::App* cmd =
      app->add_subcommand("speakers", "The most quoted speakers of a corpus");
  cmd->add_option("--db", args->db, "Corpus database")->required();
  cmd->add_option("--top", args->top, "How many (default 50)");
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->callback([args, exit_code] { *exit_code = RunSpeakers(*args); });
}

}  // namespace whosaid::cli
