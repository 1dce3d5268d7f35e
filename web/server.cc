#include "web/server.h"

// Debian's cpp-httplib is a compiled library: its request line and header
// limits are its built-in 8 KiB each; the body limit is set at run time.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "web/assets.h"
#include "web/guarded_server.h"

namespace whosaid::web {
namespace {

constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
}

bool IsLoopbackHost(std::string_view h) {
  return h == "localhost" || h == "::1" || h == "[::1]" ||
         h.substr(0, 4) == "127.";
}

// The Host header without its port.
std::string_view HostName(std::string_view host) {
  if (!host.empty() && host[0] == '[') {
    size_t close = host.find(']');
    return close == std::string_view::npos ? host : host.substr(0, close + 1);
  }
  size_t colon = host.rfind(':');
  return colon == std::string_view::npos ? host : host.substr(0, colon);
}

// Paths the single-page front end handles: all get index.html.
bool IsPagePath(std::string_view p) {
  auto starts = [&](std::string_view s) { return p.substr(0, s.size()) == s; };
  return p == "/" || p == "/search" || p == "/speakers" || p == "/speaker" ||
         p == "/claims" || starts("/article/") || starts("/cluster/");
}

void SendAsset(const Asset& a, httplib::Response& res) {
  res.set_content(reinterpret_cast<const char*>(a.data), a.size,
                  ContentTypeFor(a.name));
  res.set_header("Cache-Control", "no-cache");
}

void SendError(int status, std::string_view message, bool json,
               httplib::Response& res) {
  res.status = status;
  if (json) {
    res.set_content(ErrorJson(message), "application/json");
  } else {
    // Fixed text only: nothing from the request is echoed.
    std::string body =
        "<!doctype html><meta charset=utf-8><title>whosaid</title>"
        "<p>" +
        std::to_string(status) + " ";
    body += status == 404   ? "Not found."
            : status == 400 ? "Bad request."
            : status == 413 ? "Request too large."
            : status == 403 ? "Forbidden host name."
                            : "Something went wrong.";
    body += " <a href=\"/\">whosaid</a></p>";
    res.set_content(body, "text/html; charset=utf-8");
  }
}

}  // namespace

Status RunServer(const ServerOptions& options) {
  ConnectionPool pool(options.api);
  Status s = pool.Warm();
  if (!s.ok()) return s;

  // Signals go to one waiting thread only; block them before any thread
  // starts so the workers inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // Slow and idle clients are bounded by GuardedServer (web/guarded_server.h):
  // per-read and whole-request deadlines, and shed first under load.
  GuardOptions guard;
  guard.min_threads = options.threads ? options.threads : 1;
  guard.max_threads = std::max(guard.min_threads, options.max_threads);
  guard.read_timeout = std::chrono::seconds(options.read_timeout_s);
  guard.write_timeout = std::chrono::seconds(options.write_timeout_s);
  guard.keep_alive = std::chrono::seconds(options.keep_alive_s);
  guard.keep_alive_requests = options.keep_alive_requests;
  guard.request_timeout = std::chrono::seconds(options.request_timeout_s);
  guard.busy_grace = std::chrono::milliseconds(options.busy_grace_ms);
  GuardedServer svr(guard);
  svr.set_payload_max_length(options.max_body_bytes);

  const bool loopback = IsLoopbackHost(options.host);
  svr.set_pre_routing_handler([loopback](const httplib::Request& req,
                                         httplib::Response& res) {
    SecurityHeaders(res);
    // On loopback, only loopback names: a page elsewhere cannot reach
    // the server through a DNS name that points here (rebinding).
    if (loopback && !IsLoopbackHost(HostName(req.get_header_value("Host")))) {
      SendError(403, "wrong host", false, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      SendError(405, "only GET", req.path.rfind("/api/", 0) == 0, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_error_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        SecurityHeaders(res);
        if (res.body.empty()) {
          SendError(res.status, "", req.path.rfind("/api/", 0) == 0, res);
        }
      });
  svr.set_exception_handler([](const httplib::Request& req,
                               httplib::Response& res, std::exception_ptr) {
    fprintf(stderr, "whosaid serve: internal error on a request\n");
    SecurityHeaders(res);
    SendError(500, "internal error", req.path.rfind("/api/", 0) == 0, res);
  });

  const ApiOptions api = options.api;
  // Half as many side threads as workers: a search uses one only when one
  // is idle, so a busy server runs searches on one thread each.
  SideWorkers side(std::max<size_t>(1, options.threads / 2));
  svr.Get(".*", [&pool, &side, api](const httplib::Request& req,
                                    httplib::Response& res) {
    const std::string& path = req.path;
    if (path.rfind("/api/", 0) == 0) {
      Params params;
      for (const auto& [k, v] : req.params) params.emplace(k, v);
      res.set_header("Cache-Control", "no-store");
      auto lease = pool.Acquire();
      if (!lease.ok()) {
        fprintf(stderr, "whosaid serve: %s\n",
                lease.status().ToString().c_str());
        SendError(503, "the corpus could not be opened", true, res);
        return;
      }
      ApiResponse r =
          HandleApi(path, params, api, lease.value().get(), {&pool, &side});
      res.status = r.status;
      res.set_content(r.body, "application/json");
      return;
    }
    if (path.rfind("/static/", 0) == 0) {
      std::string_view name = std::string_view(path).substr(8);
      const Asset* a =
          name.find('/') == std::string_view::npos ? FindAsset(name) : nullptr;
      if (!a) {
        SendError(404, "", false, res);
        return;
      }
      SendAsset(*a, res);
      return;
    }
    if (IsPagePath(path)) {
      const Asset* index = FindAsset("index.html");
      if (index) {
        SendAsset(*index, res);
        return;
      }
    }
    SendError(404, "", false, res);
  });

  // cpp-httplib listens with a backlog of 5 (compiled in): a burst of
  // connections overflows it and the kernel drops their handshakes, so
  // even a fresh client waited for SYN-ACK retransmits (1 s, 3 s, 7 s...).
  // Keep the socket to listen again with a real backlog after bind.
  int listen_fd = -1;
  svr.set_socket_options([&listen_fd](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;
  });
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) port = -1;
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    return Status::IOError("cannot listen on " + options.host + ":" +
                           std::to_string(options.port));
  }
  if (listen_fd >= 0) {
    ::listen(listen_fd, static_cast<int>(options.listen_backlog));
  }
  std::string shown = options.host.find(':') != std::string::npos
                          ? "[" + options.host + "]"
                          : options.host;
  printf("whosaid serve: listening on http://%s:%d/\n", shown.c_str(), port);
  fflush(stdout);

  std::atomic<bool> done{false}, signalled{false};
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    signalled.store(true);
    if (!done.load()) svr.stop();
  });
  svr.listen_after_bind();
  done.store(true);
  // Wakes the watcher when the server stopped on its own.
  if (!signalled.load()) pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  if (svr.dropped() > 0) {
    fprintf(stderr, "whosaid serve: dropped %zu slow connections\n",
            svr.dropped());
  }
  return Status::OK();
}

}  // namespace whosaid::web
