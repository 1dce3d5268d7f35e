// The browse endpoints of the JSON API (doc/web_api.md): /api/stats,
// /api/speakers, /api/speaker, /api/document, /api/cluster and
// /api/claims, with the JSON writers of the records they share (source,
// quote, claim, claim group). See api_internal.h for who owns what and
// which threads may call these.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "web/api.h"
#include "web/api_internal.h"
#include "web/json.h"

namespace whosaid::web {
namespace api_internal {
namespace {

void WriteSource(const PageSource& s, JsonOut* j) {
  j->FieldInt("doc_row", s.doc_row)
      .Field("doc_id", s.doc_id)
      .Field("title", s.title)
      .Field("url", s.url)
      .Field("published", s.published)
      .Field("outlet", s.outlet);
}

void OptionalSpan(JsonOut* j, std::string_view key, int64_t b, int64_t e) {
  j->Key(key);
  if (b < 0 || e < 0) {
    j->Null();
  } else {
    j->BeginArray().Int(b).Int(e).EndArray();
  }
}

void WriteQuote(const PageQuote& q, JsonOut* j) {
  j->FieldInt("id", q.id)
      .Field("content", q.content)
      .Field("cue", q.cue)
      .Field("mention", q.mention)
      .Field("speaker", q.speaker)
      .FieldInt("speaker_id", q.speaker_id)
      .Field("kind", q.kind)
      .FieldInt("cluster", q.cluster)
      .FieldDouble("score", q.score);
  OptionalSpan(j, "content_span", q.content_begin, q.content_end);
  OptionalSpan(j, "cue_span", q.cue_begin, q.cue_end);
  OptionalSpan(j, "speaker_span", q.speaker_begin, q.speaker_end);
}

// The spans of a quote in the document's original input (article page).
void WriteOriginalQuoteSpans(const PageQuote& q, JsonOut* j) {
  OptionalSpan(j, "orig_content_span", q.orig_content_begin,
               q.orig_content_end);
  OptionalSpan(j, "orig_cue_span", q.orig_cue_begin, q.orig_cue_end);
  OptionalSpan(j, "orig_speaker_span", q.orig_speaker_begin,
               q.orig_speaker_end);
}

void WriteClaim(const PageClaim& c, JsonOut* j) {
  j->FieldInt("id", c.id)
      .Field("text", c.text)
      .FieldDouble("value", c.value)
      .FieldDouble("low", c.low)
      .FieldDouble("high", c.high)
      .FieldBool("is_range", c.is_range)
      .Field("unit", c.unit)
      .Field("counted", c.counted)
      .Field("source", c.source)
      .Field("approx", c.approx)
      .Field("change", c.change)
      .Field("group", c.group_key)
      .FieldInt("quote_id", c.quote_id);
  OptionalSpan(j, "span", c.begin, c.end);
}

void WriteClaimRecordGroup(const ClaimGroupPage& g, JsonOut* j) {
  j->BeginObject()
      .Field("key", g.key)
      .Field("counted", g.counted)
      .Field("unit", g.unit)
      .Field("from", g.from)
      .Field("to", g.to)
      .Key("context")
      .BeginArray();
  for (const std::string& e : g.context) j->String(e);
  j->EndArray().Key("claims").BeginArray();
  for (const SourcedClaim& c : g.claims) {
    j->BeginObject();
    WriteClaim(c.claim, j);
    WriteSource(c.source, j);
    j->EndObject();
  }
  j->EndArray().EndObject();
}

}  // namespace

ApiResponse Stats(Connection* conn) {
  auto s = conn->store->Stats();
  if (!s.ok()) return FromStatus(s.status());
  const CorpusStats& c = s.value();
  JsonOut j;
  j.BeginObject()
      .FieldInt("documents", c.documents)
      .FieldInt("duplicates", c.duplicates)
      .FieldInt("outlets", c.outlets)
      .FieldInt("quotes", c.quotes)
      .FieldInt("clusters", c.clusters)
      .FieldInt("multi_outlet_clusters", c.multi_outlet_clusters)
      .FieldInt("speakers", c.speakers)
      .FieldInt("linked_speakers", c.linked_speakers)
      .FieldInt("linked_quotes", c.linked_quotes)
      .FieldInt("claims", c.claims)
      .FieldInt("conflicting_claim_groups", c.conflicting_claim_groups)
      .EndObject();
  return {200, j.Take()};
}

ApiResponse Speakers(const Params& p, const ApiOptions& options,
                     Connection* conn) {
  auto limit = IntParam(p, "limit", 50);
  if (!limit.ok()) return FromStatus(limit.status());
  auto s = conn->store->TopSpeakers(
      std::clamp<size_t>(limit.value(), 1, options.max_speakers));
  if (!s.ok()) return FromStatus(s.status());
  JsonOut j;
  j.BeginObject().Key("speakers").BeginArray();
  for (const SpeakerSummary& sp : s.value()) {
    j.BeginObject()
        .FieldInt("id", sp.id)
        .Field("name", sp.name)
        .FieldInt("quotes", sp.quotes)
        .FieldInt("documents", sp.documents)
        .FieldInt("outlets", sp.outlets)
        .Key("roles")
        .BeginArray();
    for (const auto& r : sp.roles) j.String(r);
    j.EndArray().EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse Speaker(const Params& p, Connection* conn) {
  auto id = IntParam(p, "id", 0);
  if (!id.ok()) return FromStatus(id.status());
  std::string_view name = Param(p, "name");
  if (id.value() == 0 && name.empty()) {
    return Error(400, "give a speaker id or name");
  }
  auto s = conn->reader->Speaker(id.value(), name);
  if (!s.ok()) return FromStatus(s.status());
  const SpeakerPage& sp = s.value();
  JsonOut j;
  j.BeginObject()
      .FieldInt("id", sp.id)
      .Field("name", sp.name)
      .FieldInt("total_quotes", sp.total_quotes)
      .FieldInt("documents", sp.documents)
      .Key("roles")
      .BeginArray();
  for (const auto& r : sp.roles) j.String(r);
  j.EndArray().Key("timeline").BeginArray();
  for (const Count& c : sp.timeline) {
    j.BeginObject().Field("month", c.key).FieldInt("n", c.n).EndObject();
  }
  j.EndArray().Key("outlets").BeginArray();
  for (const Count& c : sp.outlets) {
    j.BeginObject().Field("outlet", c.key).FieldInt("n", c.n).EndObject();
  }
  j.EndArray().Key("quotes").BeginArray();
  for (const SourcedQuote& q : sp.quotes) {
    j.BeginObject();
    WriteQuote(q.quote, &j);
    WriteSource(q.source, &j);
    j.FieldInt("cluster_outlets", q.cluster_outlets).EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse DocumentById(std::string_view rest, const Params& p,
                         Connection* conn) {
  int64_t row = 0;
  if (!rest.empty()) {
    auto [ptr, ec] =
        std::from_chars(rest.data(), rest.data() + rest.size(), row);
    if (ec != std::errc() || ptr != rest.data() + rest.size() || row <= 0) {
      return Error(404, "no such document");
    }
  } else {
    std::string_view ext = Param(p, "id");
    if (ext.empty()) return Error(400, "give a document row or ?id=");
    auto r = conn->reader->DocumentRow(ext);
    if (!r.ok()) return FromStatus(r.status());
    row = r.value();
  }
  auto d = conn->reader->Document(row);
  if (!d.ok()) return FromStatus(d.status());
  const DocumentPage& doc = d.value();
  JsonOut j;
  j.BeginObject();
  WriteSource(doc.source, &j);
  j.Field("author", doc.author).Field("text", doc.text).Key("original");
  if (doc.has_original) {
    j.String(doc.original);
  } else {
    j.Null();
  }
  j.FieldInt("duplicate_of", doc.duplicate_of)
      .Field("duplicate_kind", doc.duplicate_kind)
      .Key("quotes")
      .BeginArray();
  for (const PageQuote& q : doc.quotes) {
    j.BeginObject();
    WriteQuote(q, &j);
    if (doc.has_original) WriteOriginalQuoteSpans(q, &j);
    j.EndObject();
  }
  j.EndArray().Key("claims").BeginArray();
  for (const PageClaim& c : doc.claims) {
    j.BeginObject();
    WriteClaim(c, &j);
    if (doc.has_original)
      OptionalSpan(&j, "orig_span", c.orig_begin, c.orig_end);
    j.EndObject();
  }
  j.EndArray().Key("entities").BeginArray();
  for (const PageEntity& e : doc.entities) {
    j.BeginObject()
        .Field("label", e.label)
        .Field("name", e.name)
        .FieldInt("mentions", e.mentions)
        .EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse Cluster(std::string_view rest, Connection* conn) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  if (rest.empty() || ec != std::errc() || ptr != rest.data() + rest.size() ||
      id <= 0) {
    return Error(404, "no such quote cluster");
  }
  auto c = conn->reader->Cluster(id);
  if (!c.ok()) return FromStatus(c.status());
  JsonOut j;
  j.BeginObject()
      .FieldInt("id", c.value().id)
      .Field("representative", c.value().representative)
      .FieldInt("outlets", c.value().outlets)
      .Key("members")
      .BeginArray();
  for (const SourcedQuote& q : c.value().members) {
    j.BeginObject();
    WriteQuote(q.quote, &j);
    WriteSource(q.source, &j);
    j.EndObject();
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

ApiResponse Claims(const Params& p, const ApiOptions& options,
                   Connection* conn) {
  std::string_view key = Param(p, "key");
  JsonOut j;
  if (!key.empty()) {
    auto g = conn->reader->ClaimGroup(key);
    if (!g.ok()) return FromStatus(g.status());
    j.BeginObject().Key("groups").BeginArray();
    WriteClaimRecordGroup(g.value(), &j);
    j.EndArray().EndObject();
    return {200, j.Take()};
  }
  auto limit = IntParam(p, "limit", 20);
  if (!limit.ok()) return FromStatus(limit.status());
  auto groups = conn->store->CompareClaims(
      std::clamp<size_t>(limit.value(), 1, options.max_claim_groups));
  if (!groups.ok()) return FromStatus(groups.status());
  j.BeginObject().Key("groups").BeginArray();
  for (const ClaimGroup& cg : groups.value()) {
    // The page needs rows and offsets: read the group through the reader.
    auto g = conn->reader->ClaimGroup(cg.key);
    if (!g.ok()) return FromStatus(g.status());
    g.value().context = cg.context;  // every shared entity, not one
    WriteClaimRecordGroup(g.value(), &j);
  }
  j.EndArray().EndObject();
  return {200, j.Take()};
}

}  // namespace api_internal
}  // namespace whosaid::web
