// `whosaid ingest`: documents in, extracted on all cores, written by ONE
// writer thread into a corpus store in batched transactions. Idempotent and
// resumable: a document already stored (same id + content hash) is skipped
// before extraction, and each batch commits all or nothing.
#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "src/corpus/features.h"
#include "src/input/reader.h"
#include "tools/batch_loop.h"
#include "tools/commands.h"
#include "tools/corpus_cli.h"
#include "tools/pipeline_cli.h"
#include "whosaid/corpus.h"
#include "whosaid/extractor.h"

namespace whosaid::cli {
namespace {

struct IngestArgs {
  PipelineArgs pipeline;
  std::string db;
  bool no_progress = false;
  bool timing = false;
  size_t batch = 500;
  int extract_nice = 5;
  int busy_timeout_ms = StoreOptions().busy_timeout_ms;
  size_t link_memory_fingerprints = CorpusOptions().link_memory_fingerprints;
  size_t link_keep_used_fingerprints =
      CorpusOptions().link_keep_used_fingerprints;
  size_t link_memory_representatives =
      CorpusOptions().link_memory_representatives;
  size_t link_bloom_bytes = CorpusOptions().link_bloom_bytes;
  size_t link_memory_documents = CorpusOptions().link_memory_documents;
  size_t link_memory_clusters = CorpusOptions().link_memory_clusters;
  // Stored identities kept in memory on a resumed ingest (~100 bytes each).
  size_t known_identities = 262'144;
  std::string link_spill_dir;
  double speaker_link_share = CorpusOptions().speaker_link_share;
  size_t speaker_link_min_quotes = CorpusOptions().speaker_link_min_quotes;
  size_t speaker_link_acronym_min_quotes =
      CorpusOptions().speaker_link_acronym_min_quotes;
  size_t speaker_link_min_word_quotes =
      CorpusOptions().speaker_link_min_word_quotes;
  int64_t cache_mib = StoreOptions().cache_kib / 1024;
  size_t speaker_cache_entries = StoreOptions().speaker_cache_entries;
  size_t store_read_rows = StoreOptions().read_chunk_rows;
  size_t malloc_mmap_threshold = size_t{128} << 10;
  bool malloc_trim = false;
};

// glibc's allocator raises its mmap threshold each time a mapped block is
// freed (up to 32 MiB), after which large blocks (the link index's tables
// while they double, arrays of big documents) come from the heap and stay
// resident after they are freed. A fixed threshold keeps every block of at
// least `bytes` in a mapping of its own, returned at free (0: glibc's
// adaptive default). Measured in doc/performance.md.
void SetMallocMmapThreshold(size_t bytes) {
#if defined(__GLIBC__)
  if (bytes > 0) {
    mallopt(M_MMAP_THRESHOLD,
            static_cast<int>(std::min<size_t>(bytes, size_t{32} << 20)));
  }
#else
  (void)bytes;
#endif
}

// Returns the free pages of every malloc arena to the system.
void TrimMalloc() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// Peak and current resident memory of this process by kind, from
// /proc/self/status (Linux; "" elsewhere): VmHWM, RssAnon, RssFile,
// RssShmem.
std::string ProcessMemoryLine() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return "";
  std::string out;
  char line[256];
  while (std::fgets(line, sizeof line, f) != nullptr) {
    std::string_view l(line);
    for (std::string_view key :
         {"VmHWM:", "VmRSS:", "RssAnon:", "RssFile:", "RssShmem:"}) {
      if (l.substr(0, key.size()) != key) continue;
      std::string_view v = l.substr(key.size());
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
        v.remove_prefix(1);
      }
      while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) {
        v.remove_suffix(1);
      }
      if (!out.empty()) out += ", ";
      out += std::string(key.substr(0, key.size() - 1)) + " " + std::string(v);
    }
  }
  std::fclose(f);
  return out;
}

// Makes the calling thread (and the threads it starts later) `by` nice steps
// nicer, at most 19. Linux keeps a nice value per thread; elsewhere, or when
// `by` is 0, nothing changes. Returns the steps actually taken (fewer than
// `by` when the process already runs near nice 19; 0 when nothing changed).
int LowerThisThreadPriority(int by) {
#ifdef __linux__
  if (by <= 0) return 0;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int current = getpriority(PRIO_PROCESS, tid);
  if (errno != 0) return 0;
  const int target = std::min(current + by, 19);
  return setpriority(PRIO_PROCESS, tid, target) == 0 ? target - current : 0;
#else
  (void)by;
  return 0;
#endif
}

volatile std::sig_atomic_t g_interrupted = 0;
void OnSignal(int) { g_interrupted = 1; }

std::string IdentityKey(std::string_view id, uint64_t hash) {
  std::string key(id);
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(&hash), sizeof(hash));
  return key;
}

struct Batch {
  std::vector<RawDocument> raws;
  std::vector<IngestRecord> records;  // parallel to raws
  std::vector<uint8_t> known;         // 1: already stored, not extracted
};

// A bounded queue of extracted batches for the writer thread.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}
  // Blocks while full; returns false when the consumer has stopped.
  bool Push(std::unique_ptr<Batch> b) {
    std::unique_lock<std::mutex> lock(mu_);
    Wait(&lock, &push_wait_, [&] { return q_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    q_.push_back(std::move(b));
    cv_.notify_all();
    return true;
  }
  // Blocks until a batch or the end; nullptr at the end.
  std::unique_ptr<Batch> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    Wait(&lock, &pop_wait_, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return nullptr;
    auto b = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return b;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = closed_ = true;
    q_.clear();
    cv_.notify_all();
  }
  // Seconds Push() waited on a full queue (extraction ahead of the writer)
  // and Pop() on an empty one (the writer idle); after both sides stopped.
  double push_wait() const { return push_wait_; }
  double pop_wait() const { return pop_wait_; }

 private:
  template <typename Ready>
  void Wait(std::unique_lock<std::mutex>* lock, double* waited, Ready ready) {
    if (ready()) return;
    const auto t0 = std::chrono::steady_clock::now();
    cv_.wait(*lock, ready);
    *waited +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Batch>> q_;
  size_t capacity_;
  bool closed_ = false, stopped_ = false;
  double push_wait_ = 0, pop_wait_ = 0;
};

int RunIngest(const IngestArgs& args) {
  InputFormat format;
  if (!ParseInputFormatOrReport("ingest", args.pipeline, &format)) {
    return kExitUsage;
  }
  if (args.batch == 0) {
    fmt::print(stderr, "whosaid ingest: --batch must be at least 1\n");
    return kExitUsage;
  }
  // Before the first large allocation (the store, the models).
  SetMallocMmapThreshold(args.malloc_mmap_threshold);
  StoreOptions store_options;
  store_options.path = args.db;
  store_options.busy_timeout_ms = args.busy_timeout_ms;
  store_options.cache_kib = args.cache_mib * 1024;
  store_options.speaker_cache_entries = args.speaker_cache_entries;
  store_options.read_chunk_rows = args.store_read_rows;
  store_options.corpus.link_memory_fingerprints = args.link_memory_fingerprints;
  store_options.corpus.link_keep_used_fingerprints =
      args.link_keep_used_fingerprints;
  store_options.corpus.link_memory_representatives =
      args.link_memory_representatives;
  store_options.corpus.link_bloom_bytes = args.link_bloom_bytes;
  store_options.corpus.link_memory_documents = args.link_memory_documents;
  store_options.corpus.link_memory_clusters = args.link_memory_clusters;
  store_options.corpus.link_spill_dir = args.link_spill_dir;
  store_options.corpus.speaker_link_share = args.speaker_link_share;
  store_options.corpus.speaker_link_min_quotes = args.speaker_link_min_quotes;
  store_options.corpus.speaker_link_acronym_min_quotes =
      args.speaker_link_acronym_min_quotes;
  store_options.corpus.speaker_link_min_word_quotes =
      args.speaker_link_min_word_quotes;
  auto store = OpenCorpusStore(store_options);
  if (!store.ok()) {
    fmt::print(stderr, "whosaid ingest: {}\n", store.status().ToString());
    return CorpusExitCode(store.status());
  }
  // What is already stored is not extracted again. At most
  // --known-identities are held (the first ones, usually the start of a
  // resumed input); the store skips the others itself, after extraction,
  // so the bound changes the work, not the result.
  std::unordered_set<std::string> known;
  Status s = store.value()->ForEachIdentity([&](std::string_view id,
                                                uint64_t h) {
    if (args.known_identities == 0 || known.size() < args.known_identities) {
      known.insert(IdentityKey(id, h));
    }
  });
  if (!s.ok()) {
    fmt::print(stderr, "whosaid ingest: {}: {}\n", StoreDisplayName(args.db),
               s.ToString());
    return kExitIoError;
  }

  const Options options = PipelineOptions(args.pipeline);
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    fmt::print(stderr, "whosaid ingest: {}\n", extractor.status().ToString());
    return kExitNoInput;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);

  const std::vector<std::string> inputs = InputsOrStdin(args.pipeline);
  DocumentReader reader(inputs, format, options.max_document_bytes);
  const int jobs = WorkerThreads(args.pipeline);
  const CorpusOptions corpus_options = store_options.corpus;
  const bool progress = !args.no_progress && isatty(STDERR_FILENO);
  const auto start = std::chrono::steady_clock::now();

  // The writer thread: the only one that touches the store from here on.
  BatchQueue queue(2);
  Status store_error;
  WriteCounts total;
  size_t failed = 0, read = 0;
  std::atomic<size_t> written{0};
  double writer_cpu = 0, store_wall = 0, store_max = 0;
  size_t batches_written = 0;
  std::thread writer([&] {
    auto last = std::chrono::steady_clock::now();
    struct CpuClock {
      double* out;
      ~CpuClock() {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        *out = ts.tv_sec + ts.tv_nsec * 1e-9;
      }
    } cpu_clock{&writer_cpu};
    while (auto b = queue.Pop()) {
      std::vector<IngestRecord> todo;
      todo.reserve(b->records.size());
      for (size_t i = 0; i < b->records.size(); ++i) {
        if (b->known[i]) {
          ++total.skipped;
        } else if (b->records[i].doc.error.ok()) {
          todo.push_back(std::move(b->records[i]));
        }
      }
      if (todo.empty()) {  // all known or failed: nothing to write
        written += b->records.size();
        continue;
      }
      const auto add_start = std::chrono::steady_clock::now();
      auto counts = store.value()->Add(todo);
      const double add_secs = std::chrono::duration<double>(
                                  std::chrono::steady_clock::now() - add_start)
                                  .count();
      store_wall += add_secs;
      store_max = std::max(store_max, add_secs);
      ++batches_written;
      if (!counts.ok()) {
        store_error = counts.status();
        queue.Stop();
        return;
      }
      if (args.malloc_trim) TrimMalloc();
      total.added += counts.value().added;
      total.skipped += counts.value().skipped;
      total.duplicates += counts.value().duplicates;
      total.quotes += counts.value().quotes;
      total.claims += counts.value().claims;
      total.link = counts.value().link;
      total.store = counts.value().store;
      written += b->records.size();
      if (progress) {
        auto now = std::chrono::steady_clock::now();
        if (now - last > std::chrono::milliseconds(500)) {
          last = now;
          double secs = std::chrono::duration<double>(now - start).count();
          fmt::print(stderr, "\r{} documents ({:.0f}/s), {} new   ",
                     written.load(), written.load() / std::max(secs, 1e-9),
                     total.added);
        }
      }
    }
  });

  // The writer is the critical path of a big ingest: with as many
  // extraction threads as cores, the scheduler gave it about 2/3 of a core
  // (45 s of CPU took 64 s inside store writes on the full AllSides ingest).
  // Extraction threads (and this reading thread, whose nice value they
  // inherit) run --extract-nice steps nicer, so the writer runs whenever it
  // has work and extraction takes the rest (doc/performance.md).
  const int nice_steps = LowerThisThreadPriority(args.extract_nice);
  auto read_batch = [&](Batch* b) {
    size_t bytes = 0;
    constexpr size_t kBatchBytes = size_t{64} << 20;
    while (b->raws.size() < args.batch && bytes < kBatchBytes &&
           !g_interrupted) {
      RawDocument doc;
      if (!reader.Next(&doc)) break;
      bytes += doc.body.size();
      b->raws.push_back(std::move(doc));
    }
    b->records.resize(b->raws.size());
    b->known.assign(b->raws.size(), 0);
    return b->raws.size();
  };
  auto extract_one = [&known, &extractor, &corpus_options](Batch* b, size_t i) {
    const RawDocument& raw = b->raws[i];
    IngestRecord& r = b->records[i];
    if (raw.read_error.ok()) {
      uint64_t h = ContentHash(raw.body);
      if (known.count(IdentityKey(raw.id, h))) {
        b->known[i] = 1;
        r.doc.id = raw.id;
        return;
      }
    }
    r.doc = extractor.value()->Extract(raw);
    if (!r.doc.error.ok()) return;
    r.features = ComputeFeatures(r.doc, raw.body, corpus_options);
    // The store needs the text and annotations, not the token arrays; they
    // were ~20 MB of every batch of 500 waiting for or inside the writer.
    ReleaseTokenArrays(&r.doc);
  };
  auto hand_to_writer = [&](std::unique_ptr<Batch> b) {
    read += b->raws.size();
    for (size_t i = 0; i < b->records.size(); ++i) {
      const Document& d = b->records[i].doc;
      if (b->known[i] || d.error.ok()) continue;
      ++failed;
      std::string msg = d.error.ToString();
      fmt::print(stderr, "whosaid ingest: {}\n",
                 msg.find(b->raws[i].id) == std::string::npos
                     ? b->raws[i].id + ": " + msg
                     : msg);
    }
    b->raws.clear();  // bodies are no longer needed
    return queue.Push(std::move(b));
  };
  {
    WorkerPool pool(jobs);
    RunBatchLoop<Batch>(&pool, read_batch, extract_one, hand_to_writer);
  }
  queue.Close();
  writer.join();
  if (progress) fmt::print(stderr, "\r\033[K");

  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!store_error.ok()) {
    fmt::print(stderr,
               "whosaid ingest: {}: {}\nwhosaid ingest: the batch in flight "
               "was rolled back; {} documents were stored before it\n",
               StoreDisplayName(args.db), store_error.ToString(), total.added);
    return kExitIoError;
  }
  // Speaker links are recomputed from the whole store after every ingest
  // that ran to its end (also one that added nothing: an ingest killed
  // before its links committed is completed by the next).
  SpeakerLinkCounts links;
  double link_secs = 0;
  if (!g_interrupted) {
    const auto link_start = std::chrono::steady_clock::now();
    auto linked = store.value()->LinkSpeakers();
    link_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                              link_start)
                    .count();
    if (!linked.ok()) {
      fmt::print(stderr,
                 "whosaid ingest: {}: linking speakers: {}\nwhosaid ingest: "
                 "{} documents were stored; run the same command again to "
                 "link them\n",
                 StoreDisplayName(args.db), linked.status().ToString(),
                 total.added);
      return kExitIoError;
    }
    links = linked.value();
  }
  secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
             .count();
  fmt::print(
      stderr,
      "whosaid ingest: {} documents read in {:.1f} s: {} added ({} "
      "duplicates), {} already stored, {} failed; {} quotes, {} claims; "
      "speakers linked: {} one-word names, {} middle-initial variants and "
      "{} acronyms ({} quotes)\n",
      read, secs, total.added, total.duplicates, total.skipped, failed,
      total.quotes, total.claims, links.one_word, links.variants,
      links.acronyms, links.quotes);
  if (args.timing) {
    fmt::print(stderr,
               "whosaid ingest: timing: speaker links {:.2f} s ({} speaker "
               "rows changed)\n",
               link_secs, links.changed);
  }
  if (args.timing) {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    fmt::print(stderr,
               "whosaid ingest: timing: {:.1f} s CPU in all, writer thread "
               "{:.1f} s CPU, {:.1f} s inside store writes; extraction "
               "threads {}\n",
               ts.tv_sec + ts.tv_nsec * 1e-9, writer_cpu, store_wall,
               nice_steps > 0
                   ? fmt::format("{} nice steps below the writer", nice_steps)
                   : std::string("at the writer's priority"));
    fmt::print(stderr,
               "whosaid ingest: timing: {} batch writes, the longest {:.2f} "
               "s; fingerprint spills {:.2f} s CPU, the longest {:.3f} s; the "
               "writer waited {:.1f} s for extracted batches, extraction "
               "{:.1f} s on a full queue\n",
               batches_written, store_max, total.link.fingerprint_spill_seconds,
               total.link.fingerprint_spill_max_seconds, queue.pop_wait(),
               queue.push_wait());
  }
  if (args.timing) {
    const WriteCounts::LinkCounters& l = total.link;
    fmt::print(stderr,
               "whosaid ingest: link index: {:.1f} MB of tables; {} "
               "fingerprint runs written ({} used fingerprints kept in "
               "memory); read back: {} fingerprint blocks ({} holding the "
               "key) for {} probes past memory, {} representatives, {} "
               "sketches; {} document spills ({} band runs after {} "
               "merges), {} band and document blocks, {} exact-hash "
               "blocks; {} cluster-size spills, {} blocks read\n",
               l.memory_bytes / 1e6, l.fingerprint_spills, l.fingerprints_kept,
               l.fingerprint_blocks, l.fingerprint_found, l.fingerprint_probes,
               l.representative_reads, l.sketch_reads, l.document_spills,
               l.band_runs, l.band_merges, l.document_reads, l.exact_reads,
               l.cluster_spills, l.cluster_reads);
    const WriteCounts::StoreMemory& m = total.store;
    fmt::print(stderr,
               "whosaid ingest: memory by part: link index {:.1f} MB "
               "(fingerprints and filter {:.1f}, representatives {:.1f}, "
               "per-document and per-cluster tables {:.1f}); store: page "
               "cache {:.1f} MB, statements and schema {:.1f} MB, id caches "
               "{:.1f} MB ({} speakers in memory, {} looked up in the "
               "store)\n",
               l.memory_bytes / 1e6, l.fingerprint_bytes / 1e6,
               l.representative_bytes / 1e6, l.per_row_bytes / 1e6,
               m.page_cache_bytes / 1e6, m.statement_bytes / 1e6,
               m.cache_bytes / 1e6, m.speakers_cached, m.speaker_reads);
    fmt::print(stderr, "whosaid ingest: memory: {}\n", ProcessMemoryLine());
  }
  if (g_interrupted) {
    fmt::print(stderr,
               "whosaid ingest: interrupted; every committed batch is kept, "
               "run the same command again to resume\n");
    return kExitInterrupted;
  }
  if (failed > 0) {
    if (reader.failed_inputs() == inputs.size() && read == failed) {
      return kExitNoInput;
    }
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app->add_subcommand(
      "ingest", "Extract documents and add them to a corpus database");
  AddPipelineOptions(
      cmd, &args->pipeline,
      {.inputs = "Input files ('-' or none: stdin): text, JSONL, CSV, HTML, "
                 "WARC",
       .jobs = "Extraction threads (default: all cores)",
       .no_clean = "Keep the input text unchanged"});
  cmd->add_option("--db", args->db,
                  "Corpus database: a SQLite file or a postgresql:// URL")
      ->required();
  cmd->add_option("--batch", args->batch,
                  "Documents per transaction (default 500)");
  cmd->add_option("--extract-nice", args->extract_nice,
                  "Run extraction this many nice steps below the writer "
                  "thread, the critical path (default 5; 0: same priority)")
      ->check(CLI::Range(0, 19));
  cmd->add_option("--busy-timeout-ms", args->busy_timeout_ms,
                  "Wait this long for a database locked by another writer");
  cmd->add_flag("--no-progress", args->no_progress,
                "No progress line even on a terminal");
  cmd->add_flag("--timing", args->timing,
                "Print CPU time of the whole run and of the writer thread");
  cmd->add_option("--link-memory-fingerprints", args->link_memory_fingerprints,
                  "Quote fingerprints kept in memory; more go to a temporary "
                  "file behind a Bloom filter (0: all in memory)");
  cmd->add_option("--link-keep-used-fingerprints",
                  args->link_keep_used_fingerprints,
                  "When fingerprints go to the file, at most this many of "
                  "those found since they entered memory stay there too (at "
                  "most half of --link-memory-fingerprints; 0: none)");
  cmd->add_option("--link-memory-representatives",
                  args->link_memory_representatives,
                  "Shingles of recent cluster representatives kept in memory "
                  "per generation; all are in the temporary file, with the "
                  "document sketches (0: all in memory, no file)");
  cmd->add_option("--link-bloom-bytes", args->link_bloom_bytes,
                  "Most bytes of the Bloom filter over the fingerprints in "
                  "the file (sized to them: 24 bits each)");
  cmd->add_option("--link-memory-documents", args->link_memory_documents,
                  "Documents whose exact hash, SimHash bands and sketch "
                  "location are kept in memory; then they go to the "
                  "temporary file in sorted runs (0: all in memory)");
  cmd->add_option("--known-identities", args->known_identities,
                  "Stored documents remembered to skip their extraction on a "
                  "resumed ingest; the store skips the others after "
                  "extraction (0: all)");
  cmd->add_option("--link-memory-clusters", args->link_memory_clusters,
                  "Cluster ids whose representative size is kept in memory; "
                  "older ones go to the temporary file (0: all in memory)");
  cmd->add_option("--link-spill-dir", args->link_spill_dir,
                  "Directory of that temporary file (default: $TMPDIR or "
                  "/tmp)");
  cmd->add_option("--speaker-link-share", args->speaker_link_share,
                  "A one-word speaker name links to the full person name "
                  "ending in it that holds at least this share of the quotes "
                  "of all such names (default 0.8)")
      ->check(CLI::Range(0.5, 1.0));
  cmd->add_option("--speaker-link-min-quotes", args->speaker_link_min_quotes,
                  "... and has at least this many quotes (default 10)");
  cmd->add_option("--speaker-link-min-word-quotes",
                  args->speaker_link_min_word_quotes,
                  "Quotes a one-word name needs to be linked (default 1)");
  cmd->add_option("--speaker-link-acronym-min-quotes",
                  args->speaker_link_acronym_min_quotes,
                  "An organisation's acronym links to the one organisation "
                  "whose initials spell it that has at least this many "
                  "quotes (default 10; 0: no acronym links)");
  cmd->add_option("--sqlite-cache-mib", args->cache_mib,
                  "SQLite page cache of the writing connection, MiB "
                  "(default 64)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
  cmd->add_option("--speaker-cache-entries", args->speaker_cache_entries,
                  "Speaker ids kept in memory per generation (two); others "
                  "are looked up in the store (default 65536; 0: all); "
                  "outlet ids too");
  cmd->add_option("--store-read-rows", args->store_read_rows,
                  "PostgreSQL: rows per FETCH when reading the stored corpus "
                  "at the start of a resumed ingest (default 4096)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 24));
  cmd->add_option("--malloc-mmap-threshold", args->malloc_mmap_threshold,
                  "Memory blocks of at least this many bytes get a mapping "
                  "of their own, returned to the system when freed (default "
                  "131072, at most 32 MiB; 0: glibc's adaptive threshold)");
  cmd->add_flag("--malloc-trim", args->malloc_trim,
                "Return free heap pages to the system after every batch");
  cmd->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

}  // namespace whosaid::cli
