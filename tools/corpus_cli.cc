#include "tools/corpus_cli.h"

#include <fmt/format.h>

#include <cstdio>

#include "tools/commands.h"

namespace whosaid::cli {

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

int ReportCorpusError(std::string_view command, const Status& s) {
  fmt::print(stderr, "whosaid {}: {}\n", command, s.ToString());
  return CorpusExitCode(s);
}

std::unique_ptr<CorpusStore> OpenQueryStore(std::string_view command,
                                            const std::string& db,
                                            int* exit_code) {
  StoreOptions options;
  options.path = db;
  options.read_only = true;
  auto store = OpenCorpusStore(options);
  if (!store.ok()) {
    *exit_code = ReportCorpusError(command, store.status());
    return nullptr;
  }
  return std::move(store).value();
}

int WriteStdout(const std::string& out) {
  bool ok = fwrite(out.data(), 1, out.size(), stdout) == out.size();
  return fflush(stdout) == 0 && ok ? kExitOk : kExitIoError;
}

}  // namespace whosaid::cli
