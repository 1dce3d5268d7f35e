// DocumentWriter: the order of one document's steps, what each step is
// given (ids from earlier steps: the document row, a quote's speaker and
// cluster, a claim's quote), stored and duplicate documents, the label
// tally and counts, and that the first failed step ends the document.
#include "src/store/document_writer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/corpus/features.h"

namespace whosaid {
namespace {

// Logs every step with its arguments; ids count up from 100 (documents),
// 200 (speakers), 300 (quotes), 400 (new clusters), 500 (claims). Fails
// the step whose log line starts with `fail`.
class LoggingDocumentWriter : public DocumentWriter {
 public:
  LoggingDocumentWriter() : index_(CorpusOptions()) {}
  Status Write(const IngestRecord& r, WriteCounts* counts) {
    return WriteDocument(r, counts);
  }
  std::vector<std::string> log;
  std::string fail;
  bool stored = false;
  SpeakerLabelTally tally;

 private:
  Status Step(std::string line) {
    const bool failed = !fail.empty() && line.starts_with(fail);
    log.push_back(std::move(line));
    return failed ? Status::IOError(log.back()) : Status::OK();
  }
  Result<int64_t> Id(std::string line, int64_t id) {
    Status s = Step(std::move(line));
    if (!s.ok()) return s;
    return id;
  }
  LinkIndex& link_index() override { return index_; }
  SpeakerLabelTally& label_tally() override { return tally; }
  Result<bool> IsStored(std::string_view id, uint64_t) override {
    Status s = Step(fmt::format("stored? {}", id));
    if (!s.ok()) return s;
    return stored;
  }
  Result<int64_t> OutletId(std::string_view name) override {
    return Id(fmt::format("outlet {}", name), 7);
  }
  Result<int64_t> SpeakerId(std::string_view, std::string_view key) override {
    // As the stores: 0 for an empty key (an unattributed quote).
    return Id(fmt::format("speaker {}", key), key.empty() ? 0 : ++speakers_);
  }
  Result<int64_t> InsertDocument(const IngestRecord& r, int64_t outlet,
                                 int64_t duplicate_of, bool) override {
    return Id(fmt::format("document {} outlet {} dup {}", r.doc.id, outlet,
                          duplicate_of),
              ++documents_);
  }
  Status InsertEntity(int64_t doc_row, const StoreRows::Entity& e) override {
    return Step(fmt::format("entity {} of {}", e.name, doc_row));
  }
  Status InsertSpeakerRole(int64_t speaker, const std::string& role) override {
    return Step(fmt::format("role {} of {}", role, speaker));
  }
  Result<int64_t> InsertQuote(const QuoteWrite& q, int64_t* cluster) override {
    *cluster = q.new_cluster ? ++clusters_ : q.cluster;
    return Id(fmt::format("quote of {} by {} cluster {}", q.doc_row, q.speaker,
                          *cluster),
              ++quotes_);
  }
  Result<int64_t> InsertClaim(const ClaimWrite& c) override {
    return Id(fmt::format("claim of {} in quote {} by {}", c.doc_row, c.quote,
                          c.speaker),
              ++claims_);
  }
  Status InsertClaimContext(std::string_view key, std::string_view entity,
                            int64_t claim_row) override {
    return Step(fmt::format("context {} of {}", entity, claim_row));
  }

  LinkIndex index_;
  int64_t documents_ = 100, speakers_ = 200, quotes_ = 300, clusters_ = 400,
          claims_ = 500;
};

Span At(const std::string& text, std::string_view s) {
  const size_t p = text.find(s);
  EXPECT_NE(p, std::string::npos) << s;
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

// Two quotes (the first by a mayor, typed PERSON, with a role; the second
// unattributed) and a claim inside the first.
IngestRecord Record(std::string id) {
  Document d;
  d.id = std::move(id);
  d.site = "Valley Post";
  d.text =
      "“The new tram line will carry 40,000 tram riders a day once it opens,” "
      "said Mayor Ines Kovar. “Nobody asked the shop owners on the route "
      "what they think about the works.”";
  d.groups.push_back({"Ines Kovar", EntityLabel::kPerson, {"mayor"}, {}});
  Entity e;
  e.span = At(d.text, "Ines Kovar");
  e.label = EntityLabel::kPerson;
  e.group = 0;
  d.entities.push_back(e);
  Attribution a;
  a.content = At(d.text,
                 "The new tram line will carry 40,000 tram riders a day once "
                 "it opens");
  a.cue = At(d.text, "said");
  a.speaker = At(d.text, "Mayor Ines Kovar");
  a.speaker_name = "Ines Kovar";
  a.speaker_group = 0;
  d.quotes.push_back(a);
  Attribution b;
  b.content = At(d.text,
                 "Nobody asked the shop owners on the route what they think "
                 "about the works.");
  d.quotes.push_back(b);
  Claim c;
  c.span = At(d.text, "40,000 tram riders a day");
  c.value = 40000;
  c.counted = At(d.text, "tram riders");
  c.attribution = 0;
  d.claims.push_back(c);
  IngestRecord r;
  r.features = ComputeFeatures(d, d.text, CorpusOptions());
  r.doc = std::move(d);
  return r;
}

TEST(DocumentWriterTest, WritesTheStepsInOrderWithTheIdsOfEarlierSteps) {
  LoggingDocumentWriter w;
  WriteCounts counts;
  IngestRecord r = Record("a");
  ASSERT_TRUE(w.Write(r, &counts).ok());
  std::vector<std::string> want = {
      "stored? a",
      "outlet Valley Post",
      "document a outlet 7 dup 0",
      "entity Ines Kovar of 101",
      "speaker ines kovar",
      "role mayor of 201",
      "quote of 101 by 201 cluster 401",
      "speaker ",
      "quote of 101 by 0 cluster 402",
      "claim of 101 in quote 301 by 201",
  };
  // The claim's key and the entities of its sentence (the mayor).
  ASSERT_FALSE(r.features.claim_keys.at(0).empty());
  ASSERT_FALSE(r.features.claim_contexts.at(0).empty());
  for (const std::string& entity : r.features.claim_contexts[0]) {
    want.push_back(fmt::format("context {} of 501", entity));
  }
  EXPECT_EQ(w.log, want);
  EXPECT_EQ(counts.added, 1u);
  EXPECT_EQ(counts.quotes, 2u);
  EXPECT_EQ(counts.claims, 1u);
  auto tally = w.tally.Take();
  ASSERT_EQ(tally.size(), 1u);
  EXPECT_EQ(tally[0].speaker, 201);
  EXPECT_EQ(tally[0].label, "PERSON");

  // The same text again under another id: a duplicate of row 101, written
  // as a row of its own and nothing else.
  w.log.clear();
  counts = {};
  ASSERT_TRUE(w.Write(Record("b"), &counts).ok());
  EXPECT_EQ(w.log, (std::vector<std::string>{"stored? b", "outlet Valley Post",
                                             "document b outlet 7 dup 101"}));
  EXPECT_EQ(counts.added, 1u);
  EXPECT_EQ(counts.duplicates, 1u);
  EXPECT_EQ(counts.quotes, 0u);
}

TEST(DocumentWriterTest, SkipsAStoredDocument) {
  LoggingDocumentWriter w;
  w.stored = true;
  WriteCounts counts;
  ASSERT_TRUE(w.Write(Record("a"), &counts).ok());
  EXPECT_EQ(w.log, std::vector<std::string>{"stored? a"});
  EXPECT_EQ(counts.skipped, 1u);
  EXPECT_EQ(counts.added, 0u);
}

TEST(DocumentWriterTest, TheFirstFailedStepEndsTheDocument) {
  for (const char* step : {"stored?", "outlet", "document", "entity", "speaker",
                           "role", "quote", "claim"}) {
    LoggingDocumentWriter w;
    w.fail = step;
    WriteCounts counts;
    Status s = w.Write(Record("a"), &counts);
    EXPECT_EQ(s.code(), Status::Code::kIOError) << step;
    ASSERT_FALSE(w.log.empty());
    EXPECT_TRUE(w.log.back().starts_with(step)) << w.log.back();
  }
}

}  // namespace
}  // namespace whosaid
