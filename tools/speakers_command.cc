// `whosaid speakers`: the most quoted speakers of a corpus.
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

struct SpeakersArgs {
  std::string db;
  size_t top = 50;
  bool json = false;
};

int RunSpeakers(const SpeakersArgs& args) {
  StoreOptions options;
  options.path = args.db;
  options.read_only = true;
  auto store = OpenCorpusStore(options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid speakers: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  auto speakers = store.value()->TopSpeakers(args.top);
  if (!speakers.ok()) {
    fmt::print(stderr, "whosaid speakers: {}\n", speakers.status().ToString());
    return CorpusExitCode(speakers.status());
  }
  std::string out;
  if (args.json) {
    WriteSpeakersJson(speakers.value(), &out);
    out.push_back('\n');
  } else {
    WriteSpeakersTable(speakers.value(), &out);
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return fflush(stdout) == 0 ? kExitOk : kExitIoError;
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
