// Checkpointer: copies committed WAL frames of a SQLite file into the
// database file on a thread and connection of its own (PASSIVE
// checkpoints), so the writer never stalls on checkpoint I/O and fsync.
// Owned by the writable file store (src/store/sqlite_store_impl.h), which
// calls Poke() after each commit from its one thread; the checkpointer owns
// its thread and connection, and the destructor stops and closes them.
#ifndef WHOSAID_SRC_STORE_SQLITE_CHECKPOINTER_H_
#define WHOSAID_SRC_STORE_SQLITE_CHECKPOINTER_H_

#include <sqlite3.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace whosaid {
namespace sqlite_internal {

class Checkpointer {
 public:
  static std::unique_ptr<Checkpointer> Start(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db);
      return nullptr;
    }
    // A connection learns that the file is in WAL mode on its first read;
    // until then every checkpoint is a no-op ("not in WAL mode"), which
    // let the WAL grow to the size of the whole corpus during an ingest.
    if (sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr,
                     nullptr, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(db);
      return nullptr;
    }
    return std::unique_ptr<Checkpointer>(new Checkpointer(db));
  }
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    sqlite3_close_v2(db_);
  }
  void Poke() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      poked_ = true;
    }
    cv_.notify_all();
  }

 private:
  explicit Checkpointer(sqlite3* db) : db_(db) {
    thread_ = std::thread([this] { Loop(); });
  }
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return poked_ || stop_; });
      if (stop_) return;
      poked_ = false;
      lock.unlock();
      // Errors (busy, I/O) only delay the copy; the writer's connection
      // checkpoints whatever is left when it closes.
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                nullptr, nullptr);
      lock.lock();
    }
  }

  sqlite3* db_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool poked_ = false, stop_ = false;
  std::thread thread_;
};

}  // namespace sqlite_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_SQLITE_CHECKPOINTER_H_
