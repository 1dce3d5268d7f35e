// The options every command that runs the extraction pipeline takes
// (extract, ingest): inputs, their format, the model directory, the
// document limits and the number of worker threads. One place registers
// them and turns them into engine Options, so the commands stay in step.
// Plain data and free functions; called on the main thread only.
#ifndef WHOSAID_TOOLS_PIPELINE_CLI_H_
#define WHOSAID_TOOLS_PIPELINE_CLI_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "src/input/reader.h"
#include "whosaid/extractor.h"

namespace whosaid::cli {

struct PipelineArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string model_dir;
  bool no_clean = false;
  bool speech_only = false;
  int jobs = 0;
  size_t max_document_bytes = Options().max_document_bytes;
  size_t max_sentence_tokens = Options().max_sentence_tokens;
};

// What differs between the commands in the options' help text.
struct PipelineHelp {
  const char* inputs;
  const char* jobs;
  const char* no_clean;
};

// Adds the inputs (positional), --input-format, -j/--jobs, --no-clean,
// --speech-only,
// --model-dir, --max-document-bytes and --max-sentence-tokens to `cmd`.
// `args` must outlive `cmd`'s parsing.
void AddPipelineOptions(CLI::App* cmd, PipelineArgs* args,
                        const PipelineHelp& help);

// Parses --input-format into *format; on an unknown name prints
// "whosaid COMMAND: unknown --input-format ..." and returns false.
bool ParseInputFormatOrReport(std::string_view command,
                              const PipelineArgs& args, InputFormat* format);

// Engine options from the arguments.
Options PipelineOptions(const PipelineArgs& args);

// The inputs, "-" (stdin) when none was given.
std::vector<std::string> InputsOrStdin(const PipelineArgs& args);

// --jobs, or every core when it is 0.
int WorkerThreads(const PipelineArgs& args);

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_PIPELINE_CLI_H_
