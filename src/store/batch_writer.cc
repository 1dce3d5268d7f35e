#include "src/store/batch_writer.h"

namespace whosaid {

Result<WriteCounts> BatchWriter::WriteBatch(
    std::span<const IngestRecord> batch) {
  Status s = BeginBatch();
  if (!s.ok()) return s;
  if (!CachesLoaded()) {
    s = LoadCaches();
    if (!s.ok()) return Rollback(s);
  }
  StartBatch();
  WriteCounts counts;
  for (const IngestRecord& r : batch) {
    if (!r.doc.error.ok()) continue;
    s = AddOne(r, &counts);
    if (!s.ok()) return Rollback(s);
  }
  s = WriteSpeakerLabels();
  if (!s.ok()) return Rollback(s);
  s = CommitBatch();
  if (!s.ok()) return Rollback(s);
  return counts;
}

}  // namespace whosaid
