// Resource tests (issue #9): pathological inputs of growing size must take
// time linear in their size. Each case times an input of size n and one of
// size 4n (the best of several runs, after growing n until one run takes a
// few milliseconds of CPU) and checks the ratio, not the absolute time: linear
// work gives ~4, quadratic ~16. The bound (12) leaves room for noise, cache
// effects and sanitizer builds.
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <string>

#include "src/input/html_extract.h"
#include "src/input/html_title.h"
#include "src/input/reader.h"
#include "src/output/json_writer.h"
#include "src/pipeline/extract_test_util.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

constexpr double kMaxRatio = 12.0;

// CPU seconds of the calling thread: unlike wall time, it does not count
// the time the thread waits for a core, so a loaded CI machine (other
// tests, other jobs) does not skew the ratio.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// CPU seconds for the fastest of `reps` runs of fn(input).
double BestTime(const std::function<void(const std::string&)>& fn,
                const std::string& input, int reps) {
  double best = 1e9;
  for (int r = 0; r < reps; ++r) {
    double t0 = ThreadCpuSeconds();
    fn(input);
    best = std::min(best, ThreadCpuSeconds() - t0);
  }
  return best;
}

// Grows n (from `n`, doubling while 4n stays <= max_n) until one run on
// make(n) takes >= 15 ms, then compares with 4n. A first run warms up
// (models load on first use).
void ExpectLinear(const char* what,
                  const std::function<std::string(size_t)>& make,
                  const std::function<void(const std::string&)>& fn, size_t n,
                  size_t max_n) {
  // Algorithmic cost only: glibc serves big buffers with fresh mmap pages
  // (page faults on every run) but small ones from reused heap, a step
  // that made a 4x input cost ~10x here while `whosaid extract` on the
  // same inputs scales ~4x. Keep every buffer on the reused heap.
  static const bool heap_only = [] {
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    return true;
  }();
  (void)heap_only;
  fn(make(n));
  double t1 = BestTime(fn, make(n), 2);
  while (t1 < 0.015 && n * 8 <= max_n) {
    n *= 2;
    t1 = BestTime(fn, make(n), 2);
  }
  std::string small = make(n), big = make(4 * n);
  t1 = BestTime(fn, small, 5);
  double t4 = BestTime(fn, big, 3);
  double ratio = t4 / std::max(t1, 1e-6);
  ::testing::Test::RecordProperty(what, std::to_string(ratio));
  std::printf("linear-time %-28s n=%9zu %8.2f ms  4n %8.2f ms  ratio %.2f\n",
              what, small.size(), t1 * 1e3, t4 * 1e3, ratio);
  EXPECT_LT(ratio, kMaxRatio) << what << ": " << t1 << " s at " << small.size()
                              << " bytes, " << t4 << " s at " << big.size();
}

void ExtractAndWrite(const std::string& body) {
  RawDocument raw;
  raw.id = "t";
  raw.body = body;
  Document doc = test_util::DefaultExtractor().Extract(raw);
  std::string out;
  WriteDocumentJson(doc, JsonOptions(), &out);
  ASSERT_FALSE(out.empty());
}

std::string Repeat(std::string_view unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s.append(unit);
  return s;
}

TEST(LinearTime, DeepHtmlNesting) {
  ExpectLinear(
      "deep html nesting",
      [](size_t n) {
        std::string s = "<html><body>";
        for (size_t i = 0; i < n; ++i) s += "<div><span>";
        s += "<p>The mayor said the bridge would reopen.</p>";
        for (size_t i = 0; i < n; ++i) s += "</span></div>";
        return s;
      },
      [](const std::string& html) {
        auto a = ExtractArticle(html, HtmlOptions());
        ASSERT_TRUE(a.ok());
      },
      2000, 1 << 22);
}

TEST(LinearTime, UnclosedHtmlTags) {
  ExpectLinear(
      "unclosed html tags",
      [](size_t n) { return Repeat("<p><b><i><a href=x>word ", n * 24); },
      [](const std::string& html) {
        (void)ExtractArticle(html, HtmlOptions());
      },
      1000, 1 << 22);
}

TEST(LinearTime, GiantTitleCandidates) {
  // h1, og:title and <title> made of distinct words: the headline choice
  // compares them for shared words (html_title.cc).
  ExpectLinear(
      "giant title candidates",
      [](size_t n) {
        std::string words;
        for (size_t i = 0; words.size() < n; ++i) {
          words.push_back('w');
          words.append(std::to_string(i));
          words.append("x ");
        }
        return words;
      },
      [](const std::string& words) {
        TitleCandidates c;
        c.h1 = std::string_view(words).substr(1);
        c.og_title = words;
        c.title_tag = words;
        c.url = "https://www.example.org/a";
        ASSERT_FALSE(PickHeadline(c).empty());
      },
      1 << 20, 1 << 24);
}

TEST(LinearTime, OneGiantSentence) {
  ExpectLinear(
      "one giant sentence",
      [](size_t n) {
        return "The council said " +
               Repeat("that the old river bridge ", n * 26) + "would close.";
      },
      ExtractAndWrite, 500, 1 << 20);
}

TEST(LinearTime, MillionQuoteMarks) {
  // Straight and curly quotes, unbalanced, with cues between them.
  ExpectLinear(
      "quote marks",
      [](size_t n) {
        return Repeat("\" \xE2\x80\x9C said \xE2\x80\x9D \" ' ", n * 20);
      },
      ExtractAndWrite, 5000, 1 << 22);
  ExpectLinear(
      "bare quote marks", [](size_t n) { return std::string(n, '"'); },
      ExtractAndWrite, 20000, 1 << 24);
}

TEST(LinearTime, TranscriptTurns) {
  // A script of many turns by people named in the text, with numbers in
  // them: turns, names and claims all scale with n.
  ExpectLinear(
      "transcript turns",
      [](size_t n) {
        return "Tomas Reyes met Ana Luz Ortega.\n\n" +
               Repeat(
                   "REYES: We counted 40 boats in the bay.\n\nORTEGA: "
                   "Where? Tell me, \"really,\" he said.\n\n",
                   n * 90);
      },
      ExtractAndWrite, 200, 1 << 21);
}

TEST(LinearTime, LongNumberStrings) {
  ExpectLinear(
      "one long digit string",
      [](size_t n) {
        return "He said " + std::string(n, '7') + " people came.";
      },
      ExtractAndWrite, 20000, 1 << 24);
  ExpectLinear(
      "many grouped numbers",
      [](size_t n) { return Repeat("1,234,567.89 5-10 3/4 2.5bn ", n * 28); },
      ExtractAndWrite, 1000, 1 << 22);
}

TEST(LinearTime, HugeJsonlLine) {
  ExpectLinear(
      "huge jsonl line",
      [](size_t n) {
        return "{\"id\":\"x\",\"title\":\"t\",\"text\":\"" +
               Repeat("word \\\"quoted\\\" \\u00e9t\\u00e9 ", n * 30) + "\"}";
      },
      [](const std::string& line) {
        RawDocument doc;
        ParseJsonlRecord(line, "t:1", &doc);
        ASSERT_TRUE(doc.read_error.ok());
      },
      5000, 1 << 20);
}

}  // namespace
}  // namespace whosaid
