// WorkerPool: a fixed set of threads, started once and reused, that runs one
// parallel loop at a time: Start(n, fn) calls fn(i) for every i in [0, n)
// spread over the threads and returns at once; Wait() blocks until all n
// calls have returned. The CLI's batch loops (extract, ingest) use it so
// their workers, their thread-local caches and their allocator arenas live
// for the whole run instead of being re-created per batch.
//
// Ownership: the pool owns its threads and joins them in its destructor
// (after waiting for a running loop). fn is copied into the pool and
// destroyed by the next Start() or the destructor. Threads: Start() and
// Wait() are called by one owner thread; fn runs on the workers.
#ifndef WHOSAID_SRC_BASE_WORKER_POOL_H_
#define WHOSAID_SRC_BASE_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid {

class WorkerPool {
 public:
  // threads < 1 counts as 1.
  explicit WorkerPool(size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  size_t size() const { return threads_.size(); }

  // Starts fn(0) ... fn(n - 1) on the workers (each index exactly once, in
  // no fixed order) and returns. A previous loop is waited for first.
  void Start(size_t n, std::function<void(size_t)> fn);

  // Blocks until every call of the last Start() has returned.
  void Wait();

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable work_cv_;  // a loop started, or stop_
  std::condition_variable done_cv_;  // busy_ dropped to 0
  std::function<void(size_t)> fn_;
  size_t n_ = 0;
  std::atomic<size_t> next_{0};
  uint64_t generation_ = 0;  // incremented per Start()
  size_t busy_ = 0;          // workers inside the current loop
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_WORKER_POOL_H_
