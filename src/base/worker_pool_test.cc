#include "src/base/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

namespace whosaid {
namespace {

TEST(WorkerPoolTest, RunsEveryIndexOnceAcrossManyLoops) {
  WorkerPool pool(3);
  EXPECT_EQ(pool.size(), 3u);
  for (size_t n : {0, 1, 2, 7, 1000, 5, 0, 64}) {
    std::vector<std::atomic<int>> hits(n);
    pool.Start(n, [&hits](size_t i) { hits[i].fetch_add(1); });
    pool.Wait();
    for (size_t i = 0; i < n; ++i)
      EXPECT_EQ(hits[i].load(), 1) << n << " " << i;
  }
}

TEST(WorkerPoolTest, ReusesTheSameThreads) {
  WorkerPool pool(2);
  std::mutex mu;
  std::set<std::thread::id> ids;
  for (int loop = 0; loop < 50; ++loop) {
    pool.Start(16, [&](size_t) {
      std::lock_guard<std::mutex> lock(mu);
      ids.insert(std::this_thread::get_id());
    });
    pool.Wait();
  }
  EXPECT_LE(ids.size(), 2u);  // never a thread per loop
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST(WorkerPoolTest, StartReturnsWhileTheLoopRuns) {
  WorkerPool pool(1);
  std::atomic<bool> release{false}, ran{false};
  pool.Start(1, [&](size_t) {
    while (!release.load()) std::this_thread::yield();
    ran.store(true);
  });
  EXPECT_FALSE(ran.load());  // the owner is free to do other work here
  release.store(true);
  pool.Wait();
  EXPECT_TRUE(ran.load());
}

TEST(WorkerPoolTest, ZeroThreadsMeansOneAndDestructorWaits) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(0);
    EXPECT_EQ(pool.size(), 1u);
    pool.Start(10, [&](size_t) { done.fetch_add(1); });
  }  // no Wait(): the destructor finishes the loop first
  EXPECT_EQ(done.load(), 10);
}

}  // namespace
}  // namespace whosaid
