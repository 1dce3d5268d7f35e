#include "web/api.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <optional>
#include <thread>
#include <utility>

#include "web/api_internal.h"
#include "web/json.h"

namespace whosaid::web {
namespace api_internal {

ApiResponse Error(int status, std::string_view message) {
  return {status, ErrorJson(message)};
}

ApiResponse FromStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return Error(400, s.message());
    case Status::Code::kNotFound:
      return Error(404, s.message());
    case Status::Code::kLimitExceeded:
      return Error(503, "the query took too long; try a narrower one");
    default:
      // The detail may name the file: log it, never send it.
      fprintf(stderr, "whosaid serve: %s\n", s.ToString().c_str());
      return Error(500, "the corpus could not be read");
  }
}

std::string_view Param(const Params& p, std::string_view key) {
  auto it = p.find(key);
  return it == p.end() ? std::string_view() : std::string_view(it->second);
}

// Parses a non-negative integer parameter; `def` when absent.
Result<int64_t> IntParam(const Params& p, std::string_view key, int64_t def) {
  std::string_view v = Param(p, key);
  if (v.empty()) return def;
  int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < 0) {
    return Status::InvalidArgument(
        fmt::format("parameter '{}' must be a non-negative integer", key));
  }
  return out;
}

}  // namespace api_internal

using api_internal::Claims;
using api_internal::Cluster;
using api_internal::DocumentById;
using api_internal::Error;
using api_internal::Facets;
using api_internal::Search;
using api_internal::Speaker;
using api_internal::Speakers;
using api_internal::Stats;

std::string ErrorJson(std::string_view message) {
  JsonOut j;
  j.BeginObject().Field("error", message).EndObject();
  return j.Take();
}

Status ConnectionPool::Warm() {
  auto c = OpenOne();
  if (!c.ok()) return c.status();
  std::lock_guard<std::mutex> lock(mu_);
  ++open_;
  idle_.push_back(std::move(c.value()));
  return Status::OK();
}

Result<std::unique_ptr<Connection>> ConnectionPool::OpenOne() {
  auto conn = std::make_unique<Connection>();
  StoreOptions so;
  so.path = options_.db;
  so.read_only = true;
  auto store = OpenCorpusStore(so);
  if (!store.ok()) return store.status();
  conn->store = std::move(store.value());
  PageReaderOptions po;
  po.path = options_.db;
  po.max_query_ms = options_.max_query_ms;
  auto reader = PageReader::Open(po);
  if (!reader.ok()) return reader.status();
  conn->reader = std::move(reader.value());
  return conn;
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock,
           [&] { return !idle_.empty() || open_ < options_.max_connections; });
  return TakeOrOpen(lock);
}

std::optional<ConnectionPool::Lease> ConnectionPool::TryAcquire() {
  std::unique_lock<std::mutex> lock(mu_);
  if (idle_.empty() && open_ >= options_.max_connections) return std::nullopt;
  auto lease = TakeOrOpen(lock);
  if (!lease.ok()) return std::nullopt;
  return std::move(lease.value());
}

Result<ConnectionPool::Lease> ConnectionPool::TakeOrOpen(
    std::unique_lock<std::mutex>& lock) {
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_;
  lock.unlock();  // opening reads the schema: do not hold up other requests
  auto c = OpenOne();
  if (!c.ok()) {
    lock.lock();
    --open_;
    cv_.notify_one();
    return c.status();
  }
  return Lease(this, std::move(c.value()));
}

SideWorkers::SideWorkers(size_t threads) {
  for (size_t i = 0; i < threads; ++i)
    threads_.emplace_back([this] { Loop(); });
}

SideWorkers::~SideWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::optional<std::future<void>> SideWorkers::TryRun(
    std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mu_);
  // Each queued task needs a worker of its own: never queue behind one.
  if (idle_ <= queue_.size() || stop_) return std::nullopt;
  std::packaged_task<void()> t(std::move(task));
  std::future<void> done = t.get_future();
  queue_.push_back(std::move(t));
  cv_.notify_one();
  return done;
}

void SideWorkers::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping, nothing left
    std::packaged_task<void()> t = std::move(queue_.back());
    queue_.pop_back();
    lock.unlock();
    t();
    lock.lock();
  }
}

void ConnectionPool::Release(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(c));
  cv_.notify_one();
}

ApiResponse HandleApi(std::string_view path, const Params& params,
                      const ApiOptions& options, Connection* conn,
                      SearchHelpers helpers) {
  constexpr std::string_view kApi = "/api/";
  if (path.substr(0, kApi.size()) != kApi) return Error(404, "not found");
  std::string_view rest = path.substr(kApi.size());
  auto starts = [&](std::string_view prefix) {
    return rest.substr(0, prefix.size()) == prefix;
  };
  if (rest == "search") return Search(params, options, conn, helpers);
  if (rest == "facets") return Facets(params, options, conn);
  if (rest == "stats") return Stats(conn);
  if (rest == "speakers") return Speakers(params, options, conn);
  if (rest == "speaker") return Speaker(params, conn);
  if (rest == "claims") return Claims(params, options, conn);
  if (rest == "document") return DocumentById({}, params, conn);
  if (starts("document/")) return DocumentById(rest.substr(9), params, conn);
  if (starts("cluster/")) return Cluster(rest.substr(8), conn);
  return Error(404, "no such API endpoint");
}

}  // namespace whosaid::web
