// Helpers shared by the corpus subcommands (ingest, search, speakers,
// quotes, claims, stats, serve): store errors to exit codes, opening a store
// for a query, writing a command's output.
#ifndef WHOSAID_TOOLS_CORPUS_CLI_H_
#define WHOSAID_TOOLS_CORPUS_CLI_H_

#include <memory>
#include <string>
#include <string_view>

#include "whosaid/corpus.h"
#include "whosaid/status.h"

namespace whosaid::cli {

// Exit code for a store error: bad query 64, missing corpus 66, else 74.
int CorpusExitCode(const Status& s);

// Prints "whosaid COMMAND: <error>" to stderr and returns its exit code.
int ReportCorpusError(std::string_view command, const Status& s);

// Opens the corpus `db` read-only for a query command. On failure prints
// the error, stores the exit code in *exit_code and returns nullptr.
std::unique_ptr<CorpusStore> OpenQueryStore(std::string_view command,
                                            const std::string& db,
                                            int* exit_code);

// Writes `out` to stdout; returns kExitOk, or kExitIoError when the write
// fails (a closed pipe, a full disk).
int WriteStdout(const std::string& out);

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_CORPUS_CLI_H_
