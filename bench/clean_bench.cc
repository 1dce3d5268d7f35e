// Benchmark of the clean stage alone (CleanText), in bytes per second.
//
// Reads documents from $WHOSAID_CLEAN_BENCH_DOCS when set: one file holding
// article texts separated by the byte 0x1E (eval/clean.sh writes it from the
// AllSides corpus). Without it, cleans synthetic pages built here.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/clean/clean.h"

namespace whosaid {
namespace {

std::vector<std::string> LoadDocs() {
  std::vector<std::string> docs;
  if (const char* path = std::getenv("WHOSAID_CLEAN_BENCH_DOCS")) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string all = ss.str();
    size_t pos = 0;
    while (pos < all.size()) {
      size_t end = all.find('\x1e', pos);
      if (end == std::string::npos) end = all.size();
      if (end > pos) docs.push_back(all.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  if (docs.empty()) {
    for (int d = 0; d < 200; ++d) {
      std::string page =
          "Share Tweet Email\n\nCouncil Votes To Close Bridge\n\n"
          "By Jane Roe\n\nMarch 3, 2019\n\n";
      for (int p = 0; p < 20; ++p) {
        page +=
            "The council voted on Tuesday to close the old bridge for "
            "repairs, a decision that will reroute about 12,000 cars a day. "
            "\xE2\x80\x9CIt is not safe,\xE2\x80\x9D the mayor said.\n\n";
        if (p % 7 == 3) page += "Advertisement\n\n";
      }
      page += "Follow us on Twitter @example\n";
      docs.push_back(page);
    }
  }
  return docs;
}

void BM_CleanText(benchmark::State& state) {
  static const std::vector<std::string> docs = LoadDocs();
  size_t bytes = 0;
  CleanOptions options;
  for (auto _ : state) {
    for (const std::string& text : docs) {
      Document doc;
      CleanText(text, options, &doc);
      benchmark::DoNotOptimize(doc.text.data());
      bytes += text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace whosaid
