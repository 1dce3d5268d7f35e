#include "tools/pipeline_cli.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace whosaid::cli {

void AddPipelineOptions(CLI::App* cmd, PipelineArgs* args,
                        const PipelineHelp& help) {
  cmd->add_option("inputs", args->inputs, help.inputs);
  cmd->add_option(
      "--input-format", args->input_format,
      "auto | text | jsonl | csv | html | warc (auto: by extension, else "
      "sniffed)");
  cmd->add_option("-j,--jobs", args->jobs, help.jobs);
  cmd->add_flag("--no-clean", args->no_clean, help.no_clean);
  cmd->add_flag("--speech-only", args->speech_only,
                "Drop indirect attributions whose cue is a deed, intention "
                "or feeling (\"pleaded guilty\", \"declined to comment\", "
                "\"hopes that\")");
  cmd->add_option("--model-dir", args->model_dir, "Directory of model files");
  cmd->add_option("--max-document-bytes", args->max_document_bytes,
                  "Largest document accepted");
  cmd->add_option("--max-sentence-tokens", args->max_sentence_tokens,
                  "Longer sentences are split");
}

bool ParseInputFormatOrReport(std::string_view command,
                              const PipelineArgs& args, InputFormat* format) {
  if (ParseInputFormat(args.input_format, format)) return true;
  fmt::print(stderr,
             "whosaid {}: unknown --input-format '{}' "
             "(expected auto, text, jsonl, csv, html or warc)\n",
             command, args.input_format);
  return false;
}

Options PipelineOptions(const PipelineArgs& args) {
  Options options;
  options.clean = !args.no_clean;
  options.speech_cues_only = args.speech_only;
  options.model_dir = args.model_dir;
  options.max_document_bytes = args.max_document_bytes;
  options.max_sentence_tokens = args.max_sentence_tokens;
  return options;
}

std::vector<std::string> InputsOrStdin(const PipelineArgs& args) {
  if (args.inputs.empty()) return {"-"};
  return args.inputs;
}

int WorkerThreads(const PipelineArgs& args) {
  if (args.jobs > 0) return args.jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace whosaid::cli
