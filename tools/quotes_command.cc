// `whosaid quotes`: every quote of one speaker across a corpus, with the
// articles and how many outlets reported the same quote.
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

struct QuotesArgs {
  std::string db;
  std::string speaker;
  size_t limit = 200;
  bool json = false;
};

int RunQuotes(const QuotesArgs& args) {
  StoreOptions options;
  options.path = args.db;
  options.read_only = true;
  auto store = OpenCorpusStore(options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid quotes: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  auto quotes = store.value()->QuotesBySpeaker(args.speaker, args.limit);
  if (!quotes.ok()) {
    fmt::print(stderr, "whosaid quotes: {}\n", quotes.status().ToString());
    return CorpusExitCode(quotes.status());
  }
  std::string out;
  if (args.json) {
    WriteQuotesJson(args.speaker, quotes.value(), &out);
    out.push_back('\n');
  } else {
    WriteQuotesTable(quotes.value(), &out);
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return fflush(stdout) == 0 ? kExitOk : kExitIoError;
}

}  // namespace

void RegisterQuotes(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<QuotesArgs>();
  CLI::App* cmd =
      app->add_subcommand("quotes", "Quotes of one speaker across a corpus");
  cmd->add_option("--speaker", args->speaker,
                  "Canonical name (case-insensitive; else a name part)")
      ->required();
  cmd->add_option("--db", args->db, "Corpus database")->required();
  cmd->add_option("-n,--limit", args->limit, "At most this many (default 200)");
  cmd->add_flag("--json", args->json, "One JSON object for scripts");
  cmd->callback([args, exit_code] { *exit_code = RunQuotes(*args); });
}

}  // namespace whosaid::cli
