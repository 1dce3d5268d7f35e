// The whosaid CLI's subcommands: one file each, registered in main.cc.
#ifndef WHOSAID_TOOLS_COMMANDS_H_
#define WHOSAID_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace whosaid::cli {

// Exit codes (ARCHITECTURE.md).
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 64;
constexpr int kExitNoInput = 66;
constexpr int kExitIoError = 74;
constexpr int kExitInterrupted = 130;

// Each Register* adds a subcommand to `app`; the callback stores the exit
// code in *exit_code.
void RegisterExtract(CLI::App* app, int* exit_code);
void RegisterDask(CLI::App* app, int* exit_code);
void RegisterIngest(CLI::App* app, int* exit_code);
void RegisterSearch(CLI::App* app, int* exit_code);
void RegisterSpeakers(CLI::App* app, int* exit_code);
void RegisterQuotes(CLI::App* app, int* exit_code);
void RegisterClaims(CLI::App* app, int* exit_code);
void RegisterStats(CLI::App* app, int* exit_code);
void RegisterServe(CLI::App* app, int* exit_code);

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_COMMANDS_H_
