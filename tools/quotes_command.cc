// `whosaid quotes`: every quote of one speaker across a corpus, with the
// articles and how many outlets reported the same quote.
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "src/corpus/report.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "whosaid/corpus.h"

namespace whosaid::cli {
namespace {

struct QuotesArgs {
  std::string db;
  std::string speaker;
  size_t limit = 200;
  bool json = false;
};

int RunQuotes(const QuotesArgs& args) {
  int rc = kExitOk;
  auto store = OpenQueryStore("quotes", args.db, &rc);
  if (!store) return rc;
  auto quotes = store->QuotesBySpeaker(args.speaker, args.limit);
  if (!quotes.ok()) {
    return ReportCorpusError("quotes", quotes.status());
  }
  std::string out;
  if (args.json) {
    WriteQuotesJson(args.speaker, quotes.value(), &out);
    out.push_back('\n');
  } else {
    WriteQuotesTable(quotes.value(), &out);
  }
  return WriteStdout(out);
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
