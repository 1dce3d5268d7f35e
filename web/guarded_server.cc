#include "web/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace whosaid::web {

using Clock = ElasticPool::Clock;
using std::chrono::milliseconds;

namespace {
thread_local Clock::time_point g_job_queued_at;
}  // namespace

// ---- ElasticPool ------------------------------------------------------------

ElasticPool::ElasticPool(size_t min, size_t max, milliseconds idle_exit)
    : min_(std::max<size_t>(min, 1)),
      max_(std::max(max, std::max<size_t>(min, 1))),
      idle_exit_(idle_exit) {
  std::lock_guard<std::mutex> lock(mu_);
  for (size_t i = 0; i < min_; ++i) Spawn();
}

Clock::time_point ElasticPool::CurrentJobQueuedAt() { return g_job_queued_at; }

void ElasticPool::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mu_);
  jobs_.push_back(Job{std::move(fn), Clock::now()});
  Reap();
  if (jobs_.size() > idle_ && live_ < max_) Spawn();
  UpdateSaturated();
  cv_.notify_one();
}

void ElasticPool::shutdown() {
  std::list<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    Reap();
    threads.swap(threads_);
  }
  cv_.notify_all();
  for (std::thread& t : threads) t.join();
}

void ElasticPool::Spawn() {
  threads_.emplace_back();
  Iter self = std::prev(threads_.end());
  ++live_;
  *self = std::thread([this, self] { Work(self); });
}

// Joins workers that retired (they exit right after listing themselves).
void ElasticPool::Reap() {
  for (Iter it : dead_) {
    it->join();
    threads_.erase(it);
  }
  dead_.clear();
}

void ElasticPool::UpdateSaturated() {
  saturated_.store(live_ >= max_ && jobs_.size() > idle_,
                   std::memory_order_relaxed);
}

void ElasticPool::Work(Iter self) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    UpdateSaturated();
    bool woke =
        cv_.wait_for(lock, idle_exit_, [&] { return stop_ || !jobs_.empty(); });
    --idle_;
    if (jobs_.empty()) {
      UpdateSaturated();
      if (stop_) return;
      if (!woke && live_ > min_) {
        --live_;
        dead_.push_back(self);
        return;
      }
      continue;
    }
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    UpdateSaturated();
    lock.unlock();
    g_job_queued_at = job.queued;
    job.fn();
    job.fn = nullptr;  // release captures outside the lock
    lock.lock();
  }
}

// ---- GuardedServer ----------------------------------------------------------

namespace {

constexpr milliseconds kSlice{100};  // how often a blocked read looks at load

int PollFor(socket_t sock, short events, milliseconds wait) {
  pollfd p{sock, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, static_cast<int>(std::max<int64_t>(wait.count(), 0)));
  } while (r < 0 && errno == EINTR);
  return r;
}

void AddressOf(const sockaddr_storage& addr, std::string& ip, int& port) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof(buf));
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof(buf));
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

// One request's socket stream: buffered reads under the guard's deadlines.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(socket_t sock, const GuardOptions& o, const ElasticPool* pool,
                Clock::time_point started)
      : sock_(sock), o_(o), pool_(pool), started_(started) {}

  // Set when a deadline, not the client, ended a read.
  bool dropped() const { return dropped_; }

  bool is_readable() const override { return pos_ < len_ || WaitReadable(); }
  bool is_writable() const override {
    return PollFor(sock_, POLLOUT, o_.write_timeout) > 0;
  }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == len_) {
      if (!WaitReadable()) return -1;
      ssize_t n;
      do {
        n = ::recv(sock_, buf_, sizeof(buf_), 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      pos_ = 0;
      len_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, len_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      AddressOf(addr, ip, port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      AddressOf(addr, ip, port);
    }
  }
  socket_t socket() const override { return sock_; }

 private:
  // Waits for bytes within the per-read timeout, the request deadline and,
  // under load, the grace; polls in slices to notice load.
  bool WaitReadable() const {
    const auto now0 = Clock::now();
    const auto read_end = now0 + o_.read_timeout;
    const auto request_end = started_ + o_.request_timeout;
    for (;;) {
      const auto now = Clock::now();
      if (now >= request_end ||
          (pool_ && pool_->saturated() && now >= started_ + o_.busy_grace)) {
        // Past its deadline and nothing buffered: shed it.
        if (PollFor(sock_, POLLIN, milliseconds(0)) > 0) return true;
        dropped_ = true;
        return false;
      }
      if (now >= read_end) return false;
      auto end = std::min({read_end, request_end, now + kSlice});
      int r = PollFor(sock_, POLLIN,
                      std::chrono::duration_cast<milliseconds>(end - now) +
                          milliseconds(1));
      if (r != 0) return r > 0;
    }
  }

  const socket_t sock_;
  const GuardOptions& o_;
  const ElasticPool* pool_;
  const Clock::time_point started_;
  mutable bool dropped_ = false;
  char buf_[4096];
  size_t pos_ = 0, len_ = 0;
};

}  // namespace

GuardedServer::GuardedServer(const GuardOptions& options) : options_(options) {
  new_task_queue = [this] {
    auto* pool = new ElasticPool(options_.min_threads, options_.max_threads,
                                 std::chrono::seconds(10));
    pool_.store(pool);
    return pool;
  };
}

// Mirrors cpp-httplib's keep-alive loop (process_server_socket) with a
// GuardedStream per request; the request parsing stays cpp-httplib's.
bool GuardedServer::process_and_close_socket(socket_t sock) {
  const ElasticPool* pool = pool_.load();
  Clock::time_point started = ElasticPool::CurrentJobQueuedAt();
  if (started == Clock::time_point()) started = Clock::now();
  bool ret = false;
  bool first = true;
  for (size_t count = std::max<size_t>(options_.keep_alive_requests, 1);
       count > 0 && svr_sock_.load() != INVALID_SOCKET; --count) {
    if (!first) {
      // Between requests: wait for the next one while not under load.
      const auto end = Clock::now() + options_.keep_alive;
      int r = 0;
      while (r == 0 && Clock::now() < end && !(pool && pool->saturated()) &&
             svr_sock_.load() != INVALID_SOCKET) {
        r = PollFor(sock, POLLIN, kSlice);
      }
      if (r <= 0) break;
      started = Clock::now();
    }
    first = false;
    GuardedStream strm(sock, options_, pool, started);
    bool close_connection = count == 1 || (pool && pool->saturated());
    bool connection_closed = false;
    ret = process_request(strm, close_connection, connection_closed, nullptr);
    // A dropped request ends the connection: cpp-httplib answers a request
    // cut inside its headers with a 400 and would keep the connection
    // alive, so a drip-feeding client got a fresh deadline per request.
    if (strm.dropped()) {
      dropped_.fetch_add(1);
      break;
    }
    if (!ret || connection_closed || close_connection) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace whosaid::web
