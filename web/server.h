// The `whosaid serve` HTTP server: serves the embedded pages (web/static)
// and the JSON API (web/api.h) over HTTP/1.1 with cpp-httplib, on a
// thread pool that grows with busy connections (bounded), with request size and
// time limits; slow clients are bounded and shed first under load
// (web/guarded_server.h). Loopback only unless the caller passes another host.
// Ownership: RunServer() owns everything it creates; it returns when
// SIGINT/SIGTERM arrive. Call from the main thread, once.
#ifndef WHOSAID_WEB_SERVER_H_
#define WHOSAID_WEB_SERVER_H_

#include <cstddef>
#include <string>

#include "web/api.h"
#include "whosaid/status.h"

namespace whosaid::web {

struct ServerOptions {
  ApiOptions api;
  std::string host = "127.0.0.1";
  int port = 8080;     // 0: any free port (printed)
  size_t threads = 8;  // worker threads (an idle keep-alive holds one)
  size_t max_body_bytes = 16384;  // request body (GET/HEAD carry none)
  int read_timeout_s = 5;         // per read of a request
  int request_timeout_s = 20;     // a whole request (line, headers, body)
  // Under load (a connection waits for a worker, none can be added), a
  // request still incomplete this long after it was accepted is dropped.
  int busy_grace_ms = 1000;
  int write_timeout_s = 10;  // per write of a response
  int keep_alive_s = 2;      // idle keep-alive connection
  size_t keep_alive_requests = 100;
  // Worker threads grow from `threads` up to this many while all are busy
  // (slow or idle clients each hold one); the corpus connections stay at
  // api.max_connections.
  size_t max_threads = 256;
  // Pending connections the kernel queues (capped by net.core.somaxconn).
  size_t listen_backlog = 1024;
};

// Serves until SIGINT or SIGTERM. Prints "listening on http://HOST:PORT/"
// on stdout once ready. Errors: the corpus cannot be opened (its Status),
// or the address cannot be bound (IOError).
Status RunServer(const ServerOptions& options);

}  // namespace whosaid::web

#endif  // WHOSAID_WEB_SERVER_H_
