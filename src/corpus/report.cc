#include "src/corpus/report.h"

#include <fmt/format.h>

#include <cmath>

#include "src/output/json_writer.h"

namespace whosaid {
namespace {

void Key(std::string_view k, std::string* out, bool first = false) {
  if (!first) out->push_back(',');
  AppendJsonString(k, out);
  out->push_back(':');
}
void Str(std::string_view k, std::string_view v, std::string* out,
         bool first = false) {
  Key(k, out, first);
  AppendJsonString(v, out);
}
void Num(std::string_view k, double v, std::string* out, bool first = false) {
  Key(k, out, first);
  if (std::isfinite(v)) {
    fmt::format_to(std::back_inserter(*out), "{}", v);
  } else {
    out->append("null");
  }
}
void Int(std::string_view k, int64_t v, std::string* out, bool first = false) {
  Key(k, out, first);
  fmt::format_to(std::back_inserter(*out), "{}", v);
}

// Cuts `s` to at most `width` code points, with an ellipsis; line breaks
// become spaces.
std::string Cell(std::string_view s, size_t width) {
  std::string out;
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (cps == width) {
        // Drop back to make room for the ellipsis.
        while (!out.empty() &&
               (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
          out.pop_back();
        }
        if (!out.empty()) out.pop_back();
        out += "…";
        return out;
      }
      ++cps;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : s[i]);
  }
  return out;
}

size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Left-aligned in `width` code points.
std::string Pad(std::string_view s, size_t width) {
  std::string out = Cell(s, width);
  size_t w = Width(out);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

std::string ClaimValueText(const ClaimRecord& c) {
  std::string v = c.is_range ? fmt::format("{}-{}", c.low, c.high)
                             : fmt::format("{}", c.value);
  if (!c.approx.empty()) v = c.approx + " " + v;
  return v;
}

void WriteSearchJson(const SearchQuery& query,
                     const std::vector<SearchHit>& hits, std::string* out) {
  out->push_back('{');
  Str("query", query.match, out, true);
  Int("count", static_cast<int64_t>(hits.size()), out);
  // How many matches the ranking considered, when it was bounded.
  if (!hits.empty() && hits[0].ranked_among > 0) {
    Int("ranked_among", static_cast<int64_t>(hits[0].ranked_among), out);
  }
  Key("hits", out);
  out->push_back('[');
  for (size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& h = hits[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Str("type", h.target, out, true);
    Str("doc_id", h.doc_id, out);
    Str("title", h.title, out);
    Str("url", h.url, out);
    Str("published", h.published, out);
    Str("outlet", h.outlet, out);
    Str("snippet", h.snippet, out);
    Num("score", h.score, out);
    if (h.target != "document") Str("speaker", h.speaker, out);
    if (h.target == "quote") {
      Str("kind", h.kind, out);
      Int("cluster", h.cluster, out);
    }
    out->push_back('}');
  }
  out->append("]}");
}

void WriteSpeakersJson(const std::vector<SpeakerSummary>& speakers,
                       std::string* out) {
  out->append("{\"speakers\":[");
  for (size_t i = 0; i < speakers.size(); ++i) {
    const SpeakerSummary& s = speakers[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Str("name", s.name, out, true);
    Int("quotes", static_cast<int64_t>(s.quotes), out);
    Int("documents", static_cast<int64_t>(s.documents), out);
    Int("outlets", static_cast<int64_t>(s.outlets), out);
    Key("roles", out);
    out->push_back('[');
    for (size_t r = 0; r < s.roles.size(); ++r) {
      if (r) out->push_back(',');
      AppendJsonString(s.roles[r], out);
    }
    out->append("]}");
  }
  out->append("]}");
}

void WriteQuotesJson(std::string_view speaker,
                     const std::vector<QuoteRecord>& quotes, std::string* out) {
  out->push_back('{');
  Str("speaker", speaker, out, true);
  Int("count", static_cast<int64_t>(quotes.size()), out);
  Key("quotes", out);
  out->push_back('[');
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteRecord& q = quotes[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Str("content", q.content, out, true);
    Str("cue", q.cue, out);
    Str("speaker", q.speaker, out);
    Str("speaker_mention", q.speaker_mention, out);
    Str("kind", q.kind, out);
    Int("start", q.begin, out);
    Int("end", q.end, out);
    Str("doc_id", q.doc_id, out);
    Str("title", q.title, out);
    Str("url", q.url, out);
    Str("published", q.published, out);
    Str("outlet", q.outlet, out);
    Int("cluster", q.cluster, out);
    Int("cluster_outlets", static_cast<int64_t>(q.cluster_outlets), out);
    out->push_back('}');
  }
  out->append("]}");
}

void WriteClaimGroupsJson(const std::vector<ClaimGroup>& groups,
                          std::string* out) {
  out->append("{\"groups\":[");
  for (size_t i = 0; i < groups.size(); ++i) {
    const ClaimGroup& g = groups[i];
    if (i) out->push_back(',');
    out->push_back('{');
    Str("key", g.key, out, true);
    Str("counted", g.counted, out);
    Str("unit", g.unit, out);
    Int("distinct_values", static_cast<int64_t>(g.distinct_values), out);
    Key("context", out);
    out->push_back('[');
    for (size_t k = 0; k < g.context.size(); ++k) {
      if (k) out->push_back(',');
      AppendJsonString(g.context[k], out);
    }
    out->push_back(']');
    Str("from", g.from, out);
    Str("to", g.to, out);
    Key("claims", out);
    out->push_back('[');
    for (size_t j = 0; j < g.claims.size(); ++j) {
      const ClaimRecord& c = g.claims[j];
      if (j) out->push_back(',');
      out->push_back('{');
      Str("text", c.text, out, true);
      if (c.is_range) {
        Num("low", c.low, out);
        Num("high", c.high, out);
      } else {
        Num("value", c.value, out);
      }
      Str("approx", c.approx, out);
      Str("counted", c.counted, out);
      Str("unit", c.unit, out);
      Str("source", c.source, out);
      Str("doc_id", c.doc_id, out);
      Str("title", c.title, out);
      Str("url", c.url, out);
      Str("published", c.published, out);
      Str("outlet", c.outlet, out);
      out->push_back('}');
    }
    out->append("]}");
  }
  out->append("]}");
}

void WriteStatsJson(const CorpusStats& s, std::string* out) {
  out->push_back('{');
  Int("schema_version", s.schema_version, out, true);
  Int("documents", static_cast<int64_t>(s.documents), out);
  Int("duplicates", static_cast<int64_t>(s.duplicates), out);
  Int("exact_duplicates", static_cast<int64_t>(s.exact_duplicates), out);
  Int("near_duplicates", static_cast<int64_t>(s.near_duplicates), out);
  Int("outlets", static_cast<int64_t>(s.outlets), out);
  Int("quotes", static_cast<int64_t>(s.quotes), out);
  Int("clusters", static_cast<int64_t>(s.clusters), out);
  Int("multi_outlet_clusters", static_cast<int64_t>(s.multi_outlet_clusters),
      out);
  Int("speakers", static_cast<int64_t>(s.speakers), out);
  Int("linked_speakers", static_cast<int64_t>(s.linked_speakers), out);
  Int("linked_quotes", static_cast<int64_t>(s.linked_quotes), out);
  Int("entities", static_cast<int64_t>(s.entities), out);
  Int("claims", static_cast<int64_t>(s.claims), out);
  Int("conflicting_claim_groups",
      static_cast<int64_t>(s.conflicting_claim_groups), out);
  out->push_back('}');
}

void WriteSearchTable(const std::vector<SearchHit>& hits, std::string* out) {
  if (hits.empty()) {
    out->append("no matches\n");
    return;
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& h = hits[i];
    std::string who = h.speaker.empty() ? std::string() : h.speaker + ": ";
    fmt::format_to(std::back_inserter(*out), "{:>3}. {} | {} | {}\n", i + 1,
                   h.published.substr(0, 10), Cell(h.outlet, 30),
                   Cell(h.title.empty() ? h.doc_id : h.title, 70));
    fmt::format_to(std::back_inserter(*out), "     {}{}{}\n", who,
                   h.kind.empty() ? "" : "(" + h.kind + ") ",
                   Cell(h.snippet, 200));
  }
}

void WriteSpeakersTable(const std::vector<SpeakerSummary>& speakers,
                        std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{} {:>7} {:>6} {:>7}  {}\n",
                 Pad("speaker", 32), "quotes", "docs", "outlets", "roles");
  for (const SpeakerSummary& s : speakers) {
    fmt::format_to(std::back_inserter(*out), "{} {:>7} {:>6} {:>7}  {}\n",
                   Pad(s.name, 32), s.quotes, s.documents, s.outlets,
                   Cell(Join(s.roles, ", "), 40));
  }
}

void WriteQuotesTable(const std::vector<QuoteRecord>& quotes,
                      std::string* out) {
  if (quotes.empty()) {
    out->append("no quotes\n");
    return;
  }
  for (const QuoteRecord& q : quotes) {
    fmt::format_to(
        std::back_inserter(*out), "{} | {} | {}{}\n", q.published.substr(0, 10),
        Cell(q.outlet, 30), Cell(q.title.empty() ? q.doc_id : q.title, 70),
        q.cluster_outlets > 1
            ? fmt::format(" | also in {} outlets", q.cluster_outlets - 1)
            : std::string());
    fmt::format_to(std::back_inserter(*out), "  ({}{}) {}\n", q.kind,
                   q.cue.empty() ? "" : ", " + q.cue, Cell(q.content, 300));
  }
}

void WriteClaimGroupsTable(const std::vector<ClaimGroup>& groups,
                           std::string* out) {
  if (groups.empty()) {
    out->append("no quantity is reported with different values\n");
    return;
  }
  for (const ClaimGroup& g : groups) {
    std::string context;
    for (const std::string& e : g.context) {
      context += (context.empty() ? "" : ", ") + e;
    }
    std::string dates = g.from.empty()   ? "undated"
                        : g.from == g.to ? g.from
                                         : g.from + " to " + g.to;
    fmt::format_to(std::back_inserter(*out), "{}{} ({} values){}\n",
                   g.counted.empty() ? g.key : g.counted,
                   g.unit.empty() ? "" : " [" + g.unit + "]", g.distinct_values,
                   context.empty() ? std::string()
                                   : " — " + Cell(context, 80) + "; " + dates);
    for (const ClaimRecord& c : g.claims) {
      fmt::format_to(std::back_inserter(*out), "  {} | {} | {} | {}\n",
                     Pad(ClaimValueText(c), 16),
                     Pad(c.source.empty() ? "-" : c.source, 24),
                     Pad(c.outlet, 24),
                     Cell(c.title.empty() ? c.doc_id : c.title, 60));
    }
  }
}

void WriteStatsTable(const CorpusStats& s, std::string* out) {
  auto row = [&](std::string_view name, size_t v) {
    fmt::format_to(std::back_inserter(*out), "{} {:>10}\n", Pad(name, 26), v);
  };
  row("documents", s.documents);
  row("  duplicates", s.duplicates);
  row("    exact", s.exact_duplicates);
  row("    near", s.near_duplicates);
  row("outlets", s.outlets);
  row("quotes", s.quotes);
  row("quote clusters", s.clusters);
  row("  in 2+ outlets", s.multi_outlet_clusters);
  row("speakers", s.speakers);
  row("  linked", s.linked_speakers);
  row("  their quotes", s.linked_quotes);
  row("entities", s.entities);
  row("claims", s.claims);
  row("  conflicting groups", s.conflicting_claim_groups);
}

}  // namespace whosaid
