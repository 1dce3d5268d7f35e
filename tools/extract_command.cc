// `whosaid extract`: documents in, one JSON record per document out, in
// input order, on all cores.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "src/input/reader.h"
#include "src/output/json_writer.h"
#include "tools/commands.h"
#include "whosaid/extractor.h"

namespace whosaid::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string output = "-";
  std::string model_dir;
  bool pretty = false;
  bool no_clean = false;
  bool no_sentences = false;
  int jobs = 0;
  size_t max_document_bytes = Options().max_document_bytes;
  size_t max_sentence_tokens = Options().max_sentence_tokens;
};

volatile std::sig_atomic_t g_interrupted = 0;
void OnSignal(int) { g_interrupted = 1; }

int RunExtract(const ExtractArgs& args) {
  InputFormat format;
  if (!ParseInputFormat(args.input_format, &format)) {
    fmt::print(stderr,
               "whosaid extract: unknown --input-format '{}' "
               "(expected auto, text or jsonl)\n",
               args.input_format);
    return kExitUsage;
  }
  Options options;
  options.clean = !args.no_clean;
  options.model_dir = args.model_dir;
  options.max_document_bytes = args.max_document_bytes;
  options.max_sentence_tokens = args.max_sentence_tokens;
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

  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  DocumentReader reader(inputs, format, options.max_document_bytes);
  int jobs = args.jobs > 0 ? args.jobs
                           : std::max(1u, std::thread::hardware_concurrency());
  JsonOptions json;
  json.pretty = args.pretty;
  json.sentences = !args.no_sentences;

  // Batches bound memory: at most kBatchDocs documents or kBatchBytes bytes
  // are in flight; output order is input order whatever the thread count.
  constexpr size_t kBatchDocs = 256;
  constexpr size_t kBatchBytes = size_t{64} << 20;
  std::vector<RawDocument> batch;
  std::vector<std::string> records;
  size_t failed = 0, total = 0;
  bool write_error = false;
  bool more = true;
  while (more && !g_interrupted) {
    batch.clear();
    size_t bytes = 0;
    while (batch.size() < kBatchDocs && bytes < kBatchBytes) {
      RawDocument doc;
      if (!reader.Next(&doc)) {
        more = false;
        break;
      }
      bytes += doc.body.size();
      batch.push_back(std::move(doc));
    }
    if (batch.empty()) break;
    records.assign(batch.size(), std::string());
    std::vector<std::string> errors(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        Document doc = extractor.value()->Extract(batch[i]);
        if (!doc.error.ok()) errors[i] = doc.error.ToString();
        WriteDocumentJson(doc, json, &records[i]);
        records[i].push_back('\n');
      }
    };
    size_t n_threads = std::min<size_t>(jobs, batch.size());
    if (n_threads <= 1) {
      work();
    } else {
      std::vector<std::thread> threads;
      for (size_t t = 0; t < n_threads; ++t) threads.emplace_back(work);
      for (auto& t : threads) t.join();
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      ++total;
      if (!errors[i].empty()) {
        ++failed;
        fmt::print(stderr, "whosaid extract: {}: {}\n", batch[i].id, errors[i]);
      }
      if (fwrite(records[i].data(), 1, records[i].size(), out) !=
          records[i].size()) {
        write_error = true;
      }
    }
    if (write_error) break;
  }
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
  cmd->add_option("inputs", args->inputs,
                  "Input files ('-' or none: stdin); text or JSONL");
  cmd->add_option("--input-format", args->input_format,
                  "auto | text | jsonl (auto: by extension, else sniffed)");
  cmd->add_option("-o,--output", args->output, "Output file (default stdout)");
  cmd->add_flag("--pretty", args->pretty, "Indented JSON for people");
  cmd->add_flag("--no-clean", args->no_clean,
                "Keep the input text unchanged (offsets line up with it)");
  cmd->add_flag("--no-sentences", args->no_sentences,
                "Leave the sentence list out of the records");
  cmd->add_option("-j,--jobs", args->jobs,
                  "Worker threads (default: all cores)");
  cmd->add_option("--model-dir", args->model_dir, "Directory of model files");
  cmd->add_option("--max-document-bytes", args->max_document_bytes,
                  "Largest document accepted");
  cmd->add_option("--max-sentence-tokens", args->max_sentence_tokens,
                  "Longer sentences are split");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace whosaid::cli
