// BatchWriter: the transaction loop of a store's Add(), written once for the
// SQLite and the PostgreSQL store (src/store/sqlite_store_impl.h,
// postgres_store_impl.h), which derive from it and supply the steps: one
// batch of extracted records in one transaction, so the two backends cannot
// drift apart in what a batch does. What each step writes stays the
// backend's. Owns nothing. Called on the store's one thread.
#ifndef WHOSAID_SRC_STORE_BATCH_WRITER_H_
#define WHOSAID_SRC_STORE_BATCH_WRITER_H_

#include <span>

#include "whosaid/corpus.h"
#include "whosaid/status.h"

namespace whosaid {

class BatchWriter {
 public:
  virtual ~BatchWriter() = default;

 protected:
  // BeginBatch(); LoadCaches() when !CachesLoaded(); StartBatch(); every
  // record without an extraction error through AddOne(), in input order;
  // WriteSpeakerLabels() (the batch's label counts: one upsert per
  // (speaker, label), not one per document); CommitBatch(). A failed
  // BeginBatch() is returned as it is (it undoes what it opened itself);
  // the first later error goes through Rollback(), which drops the caches,
  // and is returned. The counts are those AddOne() made.
  Result<WriteCounts> WriteBatch(std::span<const IngestRecord> batch);

 private:
  virtual Status BeginBatch() = 0;
  virtual bool CachesLoaded() const = 0;
  virtual Status LoadCaches() = 0;
  virtual void StartBatch() = 0;
  virtual Status AddOne(const IngestRecord& r, WriteCounts* counts) = 0;
  virtual Status WriteSpeakerLabels() = 0;
  virtual Status CommitBatch() = 0;
  virtual Status Rollback(Status s) = 0;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_BATCH_WRITER_H_
