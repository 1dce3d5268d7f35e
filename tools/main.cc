// whosaid: who said what, and who claims which numbers, in news text.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "tools/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"whosaid: who said what, and who claims which numbers"};
  app.set_version_flag("--version", std::string("whosaid ") + WHOSAID_VERSION);
  app.require_subcommand(1);
  int exit_code = whosaid::cli::kExitOk;
  whosaid::cli::RegisterExtract(&app, &exit_code);
  whosaid::cli::RegisterDask(&app, &exit_code);
  whosaid::cli::RegisterIngest(&app, &exit_code);
  whosaid::cli::RegisterSearch(&app, &exit_code);
  whosaid::cli::RegisterSpeakers(&app, &exit_code);
  whosaid::cli::RegisterQuotes(&app, &exit_code);
  whosaid::cli::RegisterClaims(&app, &exit_code);
  whosaid::cli::RegisterStats(&app, &exit_code);
  whosaid::cli::RegisterServe(&app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    // --help and --version are successes; everything else is a usage error.
    return rc == 0 ? 0 : whosaid::cli::kExitUsage;
  }
  return exit_code;
}
