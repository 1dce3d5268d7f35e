#include "web/guarded_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace whosaid::web {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// A GuardedServer on a free loopback port, answering GET / with "ok".
class Running {
 public:
  explicit Running(const GuardOptions& o) : svr_(o) {
    svr_.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("ok", "text/plain");
    });
    port_ = svr_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { svr_.listen_after_bind(); });
  }
  ~Running() {
    svr_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  size_t dropped() const { return svr_.dropped(); }

 private:
  GuardedServer svr_;
  int port_ = -1;
  std::thread thread_;
};

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends one byte of a never-ending header every `every`; returns how long
// until the server hung up (or `limit`).
double DripUntilClosed(int fd, milliseconds every, milliseconds limit) {
  const std::string head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  const auto t0 = Clock::now();
  for (size_t i = 0; Clock::now() - t0 < limit; ++i) {
    char c = i < head.size() ? head[i] : 'a';
    if (send(fd, &c, 1, MSG_NOSIGNAL) != 1) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(every.count())) > 0) {
      char b;
      if (recv(fd, &b, 1, 0) <= 0) break;
    }
  }
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

TEST(GuardedServerTest, AnswersNormalRequestsWithKeepAlive) {
  GuardOptions o;
  o.min_threads = 2;
  Running svr(o);
  ASSERT_GT(svr.port(), 0);
  httplib::Client cli("127.0.0.1", svr.port());
  for (int i = 0; i < 3; ++i) {
    auto res = cli.Get("/");
    ASSERT_TRUE(res) << i;
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "ok");
  }
  EXPECT_EQ(svr.dropped(), 0u);
}

TEST(GuardedServerTest, DripFeedingClientIsCutAtTheRequestTimeout) {
  GuardOptions o;
  o.read_timeout = milliseconds(2000);  // each byte comes well within it
  o.request_timeout = milliseconds(600);
  Running svr(o);
  int fd = Connect(svr.port());
  ASSERT_GE(fd, 0);
  double secs = DripUntilClosed(fd, milliseconds(50), milliseconds(10000));
  close(fd);
  EXPECT_GE(secs, 0.5);
  EXPECT_LT(secs, 5.0);  // without the guard: the whole 10 s
  EXPECT_EQ(svr.dropped(), 1u);
}

// Regression: a request cut inside its headers got a 400 and the
// connection stayed open, so the still-dripping client started a second
// request with a fresh deadline (2 drops; a slowloris held its worker for
// keep_alive_requests x request_timeout).
TEST(GuardedServerTest, DropInsideTheHeadersClosesTheConnection) {
  GuardOptions o;
  o.read_timeout = milliseconds(2000);
  o.request_timeout = milliseconds(600);
  Running svr(o);
  int fd = Connect(svr.port());
  ASSERT_GE(fd, 0);
  const std::string line = "GET / HTTP/1.1\r\n";  // complete at once
  ASSERT_EQ(send(fd, line.data(), line.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(line.size()));
  const std::string header = "Host: 127.0.0.1\r\nX-Slow: ";
  const auto t0 = Clock::now();
  std::string got;
  for (size_t i = 0; Clock::now() - t0 < milliseconds(6000); ++i) {
    char c = i < header.size() ? header[i] : 'a';
    if (send(fd, &c, 1, MSG_NOSIGNAL) != 1) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) > 0) {
      char b[256];
      ssize_t n = recv(fd, b, sizeof(b), 0);
      if (n <= 0) break;
      got.append(b, static_cast<size_t>(n));
    }
  }
  close(fd);
  EXPECT_EQ(svr.dropped(), 1u) << got;
}

TEST(GuardedServerTest, ShedsSlowClientsWhenEveryWorkerIsHeld) {
  GuardOptions o;
  o.min_threads = 1;
  o.max_threads = 2;
  o.request_timeout = milliseconds(60000);
  o.busy_grace = milliseconds(300);
  Running svr(o);
  // Four slow clients hold both workers and queue two more.
  std::vector<int> fds;
  std::vector<std::thread> drippers;
  for (int i = 0; i < 4; ++i) {
    fds.push_back(Connect(svr.port()));
    ASSERT_GE(fds.back(), 0);
    drippers.emplace_back([fd = fds.back()] {
      DripUntilClosed(fd, milliseconds(50), milliseconds(5000));
    });
  }
  std::this_thread::sleep_for(milliseconds(200));
  const auto t0 = Clock::now();
  httplib::Client cli("127.0.0.1", svr.port());
  cli.set_read_timeout(20, 0);
  auto res = cli.Get("/");
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(secs, 4.0);  // without shedding: ~5 s, until the drippers quit
  for (auto& t : drippers) t.join();
  for (int fd : fds) close(fd);
  EXPECT_GE(svr.dropped(), 2u);
}

}  // namespace
}  // namespace whosaid::web
