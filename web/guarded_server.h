// GuardedServer: cpp-httplib's Server with bounded slow clients, used by
// `whosaid serve` (web/server.cc). cpp-httplib 0.11 (Debian's) blocks one
// worker thread per connection and only limits each single read, so a
// client that drips one header byte just inside the read timeout holds its
// worker for as long as it likes; a few hundred of them (slowloris) starve
// everyone. GuardedServer replaces the per-connection loop
// (process_and_close_socket) with one whose socket stream enforces:
//   - request_timeout: a whole request (line, headers, body) must arrive
//     within this time of its first byte being awaited;
//   - under load (a connection is waiting for a worker and the pool is at
//     its maximum): a request not complete `busy_grace` after it was
//     accepted (first request) or awaited (keep-alive) is dropped at its
//     next read that would block, idle keep-alive connections are closed,
//     and responses say "Connection: close". A normal request arrives in
//     one packet and never blocks, so only slow or idle clients are shed.
// Its task queue is an ElasticPool (min..max workers; see below).
//
// Ownership: like httplib::Server. Threads: configure, then listen from one
// thread; stop() from any thread; the handlers run on the pool's workers.
#ifndef WHOSAID_WEB_GUARDED_SERVER_H_
#define WHOSAID_WEB_GUARDED_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid::web {

// cpp-httplib task queue whose worker count follows the open connections:
// `min` threads always, more (up to `max`) while every worker is busy, as a
// slow or idle client holds its worker until it is dropped. Extra workers
// exit after `idle_exit` without work. Connections beyond `max` wait in the
// queue (and make the pool saturated()). Called by the server's accept
// thread (enqueue), its owner (shutdown) and any thread (saturated).
class ElasticPool : public httplib::TaskQueue {
 public:
  using Clock = std::chrono::steady_clock;

  ElasticPool(size_t min, size_t max, std::chrono::milliseconds idle_exit);
  ElasticPool(const ElasticPool&) = delete;
  ElasticPool& operator=(const ElasticPool&) = delete;
  ~ElasticPool() override = default;

  void enqueue(std::function<void()> fn) override;
  // Runs the queued jobs, then joins every worker.
  void shutdown() override;

  // True while a queued job waits and no worker can be added for it.
  bool saturated() const { return saturated_.load(std::memory_order_relaxed); }
  // On a worker: when the job it runs was enqueued (its accept time).
  static Clock::time_point CurrentJobQueuedAt();

 private:
  using Iter = std::list<std::thread>::iterator;
  struct Job {
    std::function<void()> fn;
    Clock::time_point queued;
  };
  void Spawn();            // REQUIRES: mu_ held.
  void Reap();             // REQUIRES: mu_ held.
  void UpdateSaturated();  // REQUIRES: mu_ held.
  void Work(Iter self);

  const size_t min_, max_;
  const std::chrono::milliseconds idle_exit_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  std::list<std::thread> threads_;
  std::vector<Iter> dead_;
  size_t live_ = 0;  // workers not retired
  size_t idle_ = 0;  // workers waiting for a job
  bool stop_ = false;
  std::atomic<bool> saturated_{false};
};

struct GuardOptions {
  std::chrono::milliseconds read_timeout{5000};    // per read
  std::chrono::milliseconds write_timeout{10000};  // per write
  std::chrono::milliseconds keep_alive{2000};      // idle between requests
  size_t keep_alive_requests = 100;
  std::chrono::milliseconds request_timeout{20000};  // whole request
  std::chrono::milliseconds busy_grace{1000};        // under load
  size_t min_threads = 8, max_threads = 256;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const GuardOptions& options);

  // Connections dropped by request_timeout or under load, so far.
  size_t dropped() const { return dropped_.load(); }

 private:
  bool process_and_close_socket(socket_t sock) override;

  const GuardOptions options_;
  std::atomic<ElasticPool*> pool_{nullptr};  // owned by httplib while listening
  std::atomic<size_t> dropped_{0};
};

}  // namespace whosaid::web

#endif  // WHOSAID_WEB_GUARDED_SERVER_H_
