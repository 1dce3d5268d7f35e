// The batch loop shared by `whosaid extract` and `whosaid ingest`: while
// the workers of a persistent WorkerPool process batch k, the calling thread
// reads batch k + 1; then batch k is handed on, in input order. At most two
// batches are in memory (plus whatever `consume` keeps). Called from one
// thread (the command's main thread); `work` runs on the pool's workers.
#ifndef WHOSAID_TOOLS_BATCH_LOOP_H_
#define WHOSAID_TOOLS_BATCH_LOOP_H_

#include <cstddef>
#include <memory>
#include <utility>

#include "src/base/worker_pool.h"

namespace whosaid::cli {

// read(Batch*) fills a fresh batch and returns its item count (0: the end);
// work(Batch*, i) processes item i (on a worker; items of one batch run in
// parallel); consume(std::unique_ptr<Batch>) takes a finished batch and
// returns false to stop early.
template <typename Batch, typename Read, typename Work, typename Consume>
void RunBatchLoop(WorkerPool* pool, Read read, Work work, Consume consume) {
  auto cur = std::make_unique<Batch>();
  size_t n = read(cur.get());
  while (n > 0) {
    Batch* b = cur.get();
    pool->Start(n, [&work, b](size_t i) { work(b, i); });
    auto next = std::make_unique<Batch>();
    size_t next_n = read(next.get());
    pool->Wait();
    if (!consume(std::move(cur))) break;
    cur = std::move(next);
    n = next_n;
  }
}

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_BATCH_LOOP_H_
