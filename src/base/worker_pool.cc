#include "src/base/worker_pool.h"

#include <algorithm>
#include <utility>

namespace whosaid {

WorkerPool::WorkerPool(size_t threads) {
  threads = std::max<size_t>(threads, 1);
  threads_.reserve(threads);
  for (size_t t = 0; t < threads; ++t)
    threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::Start(size_t n, std::function<void(size_t)> fn) {
  Wait();
  {
    std::lock_guard<std::mutex> lock(mu_);
    fn_ = std::move(fn);
    n_ = n;
    next_.store(0, std::memory_order_relaxed);
    ++generation_;
    // Every worker joins the loop, even one that finds no index left, so
    // Wait() cannot return before each has seen this generation.
    busy_ = threads_.size();
  }
  work_cv_.notify_all();
}

void WorkerPool::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return busy_ == 0; });
}

void WorkerPool::Work() {
  uint64_t seen = 0;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
    if (generation_ == seen) return;  // stop_ and no new loop
    seen = generation_;
    const size_t n = n_;
    const std::function<void(size_t)>& fn = fn_;  // fixed until busy_ == 0
    lock.unlock();
    for (size_t i; (i = next_.fetch_add(1, std::memory_order_relaxed)) < n;) {
      fn(i);
    }
    lock.lock();
    if (--busy_ == 0) done_cv_.notify_all();
  }
}

}  // namespace whosaid
