#include "src/corpus/store_rows.h"

#include <fmt/format.h>

#include "src/base/utf8.h"
#include "src/corpus/features.h"

namespace whosaid {

std::string ClaimValueKey(const Claim& c) {
  if (c.is_range) return fmt::format("{}-{}", c.low, c.high);
  return fmt::format("{}", c.value);
}

std::string_view SpeakerLabel(const Document& doc, const Attribution& a) {
  if (a.speaker_name.empty()) return {};
  if (a.speaker_group >= 0 &&
      static_cast<size_t>(a.speaker_group) < doc.groups.size()) {
    return EntityLabelName(doc.groups[a.speaker_group].label);
  }
  if (!a.speaker.empty()) {
    for (const Entity& e : doc.entities) {
      if (e.span.begin < a.speaker.end && a.speaker.begin < e.span.end) {
        return EntityLabelName(e.label);
      }
    }
  }
  for (const EntityGroup& g : doc.groups) {
    if (g.canonical == a.speaker_name) return EntityLabelName(g.label);
  }
  return {};
}

StoreRows PrepareStoreRows(const Document& doc) {
  StoreRows rows;
  rows.ready = true;
  if (doc.entities.empty() && doc.quotes.empty() && doc.claims.empty()) {
    return rows;
  }
  CodePointIndex cps(doc.text);
  auto cp = [&](uint32_t byte) {
    return static_cast<int64_t>(cps.ToCodePoint(byte));
  };
  if (!doc.entities.empty()) {
    for (EntityRow& g : AggregateEntities(doc)) {
      rows.entities.push_back({std::move(g.name), g.label, g.mentions,
                               cp(g.first.begin), cp(g.first.end)});
    }
  }
  rows.quotes.reserve(doc.quotes.size());
  for (const Attribution& a : doc.quotes) {
    StoreRows::Quote q;
    q.content = QuoteContent(doc, a);
    q.content_begin = cp(a.content.begin);
    q.content_end = cp(a.content.end);
    if (!a.cue.empty()) {
      q.cue_begin = cp(a.cue.begin);
      q.cue_end = cp(a.cue.end);
    }
    if (!a.speaker.empty()) {
      q.speaker_begin = cp(a.speaker.begin);
      q.speaker_end = cp(a.speaker.end);
    }
    q.speaker_label = SpeakerLabel(doc, a);
    rows.quotes.push_back(std::move(q));
  }
  rows.claims.reserve(doc.claims.size());
  for (const Claim& c : doc.claims) {
    StoreRows::Claim r;
    r.value_key = ClaimValueKey(c);
    const bool in_quote =
        c.attribution >= 0 &&
        static_cast<size_t>(c.attribution) < doc.quotes.size();
    r.source = c.source_name;
    if (r.source.empty() && in_quote) {
      r.source = doc.quotes[c.attribution].speaker_name;
    }
    if (r.source.empty() && !c.source.empty()) r.source = doc.Text(c.source);
    r.span_begin = cp(c.span.begin);
    r.span_end = cp(c.span.end);
    rows.claims.push_back(std::move(r));
  }
  return rows;
}

const StoreRows& RowsFor(const Document& doc, const StoreRows& rows,
                         StoreRows* scratch) {
  if (rows.ready && rows.quotes.size() == doc.quotes.size() &&
      rows.claims.size() == doc.claims.size() &&
      (doc.entities.empty() || !rows.entities.empty())) {
    return rows;
  }
  *scratch = PrepareStoreRows(doc);
  return *scratch;
}

}  // namespace whosaid
