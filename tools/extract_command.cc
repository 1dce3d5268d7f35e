// `whosaid extract`: documents in, one JSON record per document out, in
// input order, on all cores.
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "src/input/reader.h"
#include "src/output/json_writer.h"
#include "tools/batch_loop.h"
#include "tools/commands.h"
#include "tools/pipeline_cli.h"
#include "whosaid/extractor.h"

namespace whosaid::cli {
namespace {

struct ExtractArgs {
  PipelineArgs pipeline;
  std::string output = "-";
  bool pretty = false;
  bool no_sentences = false;
  bool source_offsets = false;
};

volatile std::sig_atomic_t g_interrupted = 0;
void OnSignal(int) { g_interrupted = 1; }

int RunExtract(const ExtractArgs& args) {
  InputFormat format;
  if (!ParseInputFormatOrReport("extract", args.pipeline, &format)) {
    return kExitUsage;
  }
  const Options options = PipelineOptions(args.pipeline);
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    fmt::print(stderr, "whosaid extract: {}\n", extractor.status().ToString());
    return kExitNoInput;
  }
  FILE* out = stdout;
  if (args.output != "-") {
    out = fopen(args.output.c_str(), "wb");
    if (!out) {
      fmt::print(stderr, "whosaid extract: cannot write {}: {}\n", args.output,
                 std::strerror(errno));
      return kExitIoError;
    }
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  const std::vector<std::string> inputs = InputsOrStdin(args.pipeline);
  DocumentReader reader(inputs, format, options.max_document_bytes);
  const int jobs = WorkerThreads(args.pipeline);
  JsonOptions json;
  json.pretty = args.pretty;
  json.sentences = !args.no_sentences;
  json.source_offsets = args.source_offsets;

  // Batches bound memory: at most two batches of kBatchDocs documents or
  // kBatchBytes bytes are in flight. While the workers (one pool for the
  // whole run) extract one batch, this thread reads the next, then writes
  // the finished one; output order is input order whatever the thread count.
  constexpr size_t kBatchDocs = 256;
  constexpr size_t kBatchBytes = size_t{32} << 20;
  struct Batch {
    std::vector<RawDocument> docs;
    std::vector<std::string> records;
    std::vector<std::string> errors;
  };
  auto read_batch = [&](Batch* b) {
    size_t bytes = 0;
    while (b->docs.size() < kBatchDocs && bytes < kBatchBytes &&
           !g_interrupted) {
      RawDocument doc;
      if (!reader.Next(&doc)) break;
      bytes += doc.body.size();
      b->docs.push_back(std::move(doc));
    }
    b->records.resize(b->docs.size());
    b->errors.resize(b->docs.size());
    return b->docs.size();
  };
  auto extract_one = [&extractor, &json](Batch* b, size_t i) {
    Document doc = extractor.value()->Extract(b->docs[i]);
    if (!doc.error.ok()) {
      // Name the input unless the message already does.
      std::string msg = doc.error.ToString();
      b->errors[i] = msg.find(b->docs[i].id) == std::string::npos
                         ? b->docs[i].id + ": " + msg
                         : msg;
    }
    WriteDocumentJson(doc, json, &b->records[i]);
    b->records[i].push_back('\n');
  };
  size_t failed = 0, total = 0;
  bool write_error = false;
  auto write_batch = [&](std::unique_ptr<Batch> b) {
    for (size_t i = 0; i < b->docs.size(); ++i) {
      ++total;
      if (!b->errors[i].empty()) {
        ++failed;
        fmt::print(stderr, "whosaid extract: {}\n", b->errors[i]);
      }
      if (!write_error && fwrite(b->records[i].data(), 1, b->records[i].size(),
                                 out) != b->records[i].size()) {
        write_error = true;
      }
    }
    return !write_error;
  };
  WorkerPool pool(jobs);
  RunBatchLoop<Batch>(&pool, read_batch, extract_one, write_batch);
  if (fflush(out) != 0 || write_error) {
    fmt::print(stderr, "whosaid extract: cannot write output {}: {}\n",
               args.output == "-" ? "(stdout)" : args.output,
               std::strerror(errno));
    if (out != stdout) fclose(out);
    return kExitIoError;
  }
  if (out != stdout) fclose(out);
  if (g_interrupted) {
    fmt::print(stderr, "whosaid extract: interrupted after {} documents\n",
               total);
    return kExitInterrupted;
  }
  if (failed > 0) {
    fmt::print(stderr, "whosaid extract: {} of {} documents failed\n", failed,
               total);
    if (reader.failed_inputs() == inputs.size() && total == failed &&
        reader.failed_inputs() > 0) {
      return kExitNoInput;
    }
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

void RegisterExtract(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app->add_subcommand(
      "extract", "Extract attributed quotes, entities and numeric claims");
  AddPipelineOptions(
      cmd, &args->pipeline,
      {.inputs = "Input files ('-' or none: stdin): text, JSONL, CSV, HTML, "
                 "WARC",
       .jobs = "Worker threads (default: all cores)",
       .no_clean = "Keep the input text unchanged (offsets line up with it)"});
  cmd->add_option("-o,--output", args->output, "Output file (default stdout)");
  cmd->add_flag("--pretty", args->pretty, "Indented JSON for people");
  cmd->add_flag("--no-sentences", args->no_sentences,
                "Leave the sentence list out of the records");
  cmd->add_flag("--source-offsets", args->source_offsets,
                "Add source_start/source_end (byte offsets into the input "
                "as given, the page for HTML) to every span");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace whosaid::cli
