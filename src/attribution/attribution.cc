#include "src/attribution/attribution.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "src/attribution/candidate.h"
#include "src/attribution/clause_rules.h"
#include "src/attribution/colon_quotes.h"
#include "src/attribution/content_bounds.h"
#include "src/attribution/cue_bounds.h"
#include "src/attribution/content_parts.h"
#include "src/attribution/dash_quotes.h"
#include "src/attribution/feature_util.h"
#include "src/attribution/model.h"
#include "src/attribution/nominal_reports.h"
#include "src/attribution/paragraph_quotes.h"
#include "src/attribution/relation_checks.h"
#include "src/attribution/source_span.h"

namespace whosaid {
namespace {

using attribution::AttributionModel;
using attribution::Candidate;
using attribution::ContinueQuotations;
using attribution::CoordinatingWord;
using attribution::DecodeLimits;
using attribution::DocView;
using attribution::EndBeforeConjunction;
using attribution::IsDiscourseMarkerCue;
using attribution::KindOfContent;
using attribution::Overlaps;
using attribution::ShareSubject;
using attribution::SplitAroundGap;
using attribution::TSpan;

// What one Attribute() call needs besides the document; one per thread,
// reused across documents.
struct Scratch {
  DocView view;
  std::vector<TSpan> cues;
  std::vector<float> margins;
  std::vector<attribution::Scored> nbest;
  std::vector<Candidate> cands;
  std::vector<size_t> order;
  std::vector<Candidate*> kept;
  std::vector<std::vector<uint32_t>> buckets;
  std::vector<uint32_t> near;
  std::vector<Candidate> colon;
  std::vector<attribution::ColonQuote> colon_found;
  std::vector<attribution::ColonQuote> dash_found;
  std::vector<Candidate> dash;
  std::vector<Candidate*> misread;
  std::vector<Candidate*> by_cue;
  std::vector<attribution::NominalReport> nominal;
  std::vector<Candidate> nominal_cands;
};

class ModelAttributor : public Attributor {
 public:
  ModelAttributor(std::unique_ptr<AttributionModel> model, bool speech_only)
      : model_(std::move(model)) {
    limits_.speech_cues_only = speech_only;
  }

  void Attribute(Document* doc) const override {
    doc->quotes.clear();
    if (doc->tokens.empty() || doc->sentences.empty()) return;
    // Per-thread scratch, reused across documents (Build resets every
    // per-document part; the vectors keep their capacity).
    thread_local Scratch scratch;
    DocView& v = scratch.view;
    v.Build(*doc);
    std::vector<TSpan>& cues = scratch.cues;
    std::vector<float>& margins = scratch.margins;
    cues.clear();
    margins.clear();
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      const Sentence& sent = doc->sentences[s];
      if (sent.token_end <= sent.token_begin ||
          sent.token_end > doc->tokens.size()) {
        continue;
      }
      model_->TagCues(v, s, limits_.cue_bias, &cues, &margins,
                      limits_.cue_rescue);
    }
    std::vector<attribution::Scored>& nbest = scratch.nbest;
    std::vector<Candidate>& cands = scratch.cands;
    cands.clear();
    for (size_t k = 0; k < cues.size(); ++k) {
      Candidate c;
      c.cue = cues[k];
      c.margin = margins[k];
      if (IsDiscourseMarkerCue(*doc, v, c.cue)) continue;
      c.content = model_->DecodeContentFast(v, c.cue, limits_, &nbest);
      if (c.content.none()) continue;
      model_->PrepareSource(v, c.cue, limits_);
      // Joint choice: content score plus the score of its best source. A
      // content in another paragraph is the last resort: the first pass
      // leaves such contents out, the second (only when the first chose
      // nothing) takes every one.
      auto choose = [&] {
        float best = 0;
        c.content = TSpan{};
        c.source = TSpan{};
        for (int pass = 0; pass < 2 && c.content.none(); ++pass) {
          for (const attribution::Scored& n : nbest) {
            if (pass == 0 && limits_.content_paragraph_needs_colon &&
                attribution::LeavesTheParagraph(*doc, v, c.cue, n.span)) {
              continue;
            }
            float ss = 0;
            TSpan src =
                model_->DecodeSourceFast(v, c.cue, n.span, limits_, &ss);
            float total = n.score + ss;
            if (c.content.none() || total > best) {
              best = total;
              c.content = n.span;
              c.source = src;
            }
          }
        }
      };
      choose();
      // A content around its cue that opens with its own speaker ("the
      // company announced on Thursday") holds speaker and cue, not what was
      // said: decode again without the contents that contain that speaker.
      // When a clause ends before the cue in its sentence ("Fares will
      // rise, the operator told investors on Friday") the model's content
      // rightly started before the cue and only overran the speaker: what
      // was said is that clause, and a content after the cue would be the
      // addressee or an adverbial ("investors on Friday"), so the new one
      // must start before the cue too. Without such a break ("Hale on
      // Monday called on the board to ...") the text after the cue is all
      // that is left. (The sentence decides, not the source: a source
      // opening the content often swallows the clause, "Fares will rise,
      // the operator".)
      // The same holds for a speaker after a comma inside such a content
      // ("The bridge will close in June, city officials confirmed Monday"),
      // unless a quotation closes before that comma ("“A,” she said, “B.”").
      if (limits_.content_excludes_own_speaker && !c.content.none() &&
          !c.source.none() && c.content.b < c.cue.b && c.content.e > c.cue.e &&
          c.source.e < c.cue.b &&
          (c.source.b == c.content.b || SpeakerAfterClause(v, c))) {
        const TSpan speaker = c.source;
        const int brk = v.prev_break[c.cue.b - 1];
        const bool before_cue =
            brk > static_cast<int>(doc->sentences[v.sent[c.cue.b]].token_begin);
        model_->DecodeContentFast(v, c.cue, limits_, &nbest, speaker,
                                  before_cue);
        choose();
      }
      if (c.content.none()) continue;
      // "Senator Hale on Tuesday | dismissed": the adverbial is no speaker.
      if (!c.source.none()) {
        c.source.e = attribution::TrimSourceEnd(*doc, c.source.b, c.source.e);
      }
      // A rescued cue (one the tagger turned down: margin <= 0, see
      // DecodeLimits::cue_rescue) is kept only with a speaker and a content
      // of a few tokens: without them it is more often a verb that reports
      // nothing ("reports strong results" in a headline).
      if (c.margin <= 0 &&
          (c.source.none() ||
           c.content.e - c.content.b + 1 < limits_.rescue_min_content_tokens)) {
        continue;
      }
      // A lone colon reports only in the "Speaker: …" form (a headline or a
      // transcript line): its speaker opens the sentence or follows a dash
      // (120 and 12 of the 145 PolNeAR train colon cues with a speaker).
      // Mid-sentence, the phrase before a colon is not its speaker ("…
      // jokes about the “integral” WHO: “It's …”").
      if (c.cue.b == c.cue.e &&
          v.cls[c.cue.b] == attribution::internal::kColon && !c.source.none() &&
          c.source.b > 0 && !v.sstart[c.source.b] &&
          !(c.source.b >= 2 && v.sstart[c.source.b - 1]) &&
          v.cls[c.source.b - 1] != attribution::internal::kDash) {
        continue;
      }
      cands.push_back(c);
    }
    // Candidates by cue position (the tagger's order already), so that the
    // two checks below look only at the candidates within reach and a
    // document with thousands of them stays linear.
    std::stable_sort(cands.begin(), cands.end(),
                     [](const Candidate& a, const Candidate& b) {
                       return a.cue.b < b.cue.b;
                     });
    auto first_at = [&](int tok) {
      return std::partition_point(
                 cands.begin(), cands.end(),
                 [&](const Candidate& x) { return x.cue.b < tok; }) -
             cands.begin();
    };
    // A speaker mention does not contain another relation's tagged cue:
    // "The general claimed that …, stressing that …" gives "stressing" the
    // speaker "The general", not "The general claimed" (which would also
    // block the "claimed" relation in the overlap resolution below). The
    // first such cue cuts it.
    for (Candidate& c : cands) {
      if (c.source.none()) continue;
      for (size_t k = first_at(c.source.b + 1);
           k < cands.size() && cands[k].cue.b <= c.source.e; ++k) {
        const Candidate& o = cands[k];
        if (&o == &c || o.margin <= 0) continue;
        c.source.e = o.cue.b - 1;
        break;
      }
    }
    // A weak report inside the content of a strong one ("the president is
    // expected to announce …, industry executives said"; "Okafor said the
    // city had expected …") yields to it: the outer relation keeps its
    // content whatever the two cue margins. (A content lies within Reach()
    // of its cue.)
    auto strong = [&](TSpan cue) { return Strong(v, cue); };
    const int reach = Reach();
    for (Candidate& c : cands) {
      if (strong(c.cue)) continue;
      for (size_t k = first_at(c.cue.b - reach);
           k < cands.size() && cands[k].cue.b <= c.cue.b + reach; ++k) {
        const Candidate& o = cands[k];
        if (&o == &c || o.margin <= 0 || Overlaps(o.cue, c.cue)) continue;
        if (c.cue.b >= o.content.b && c.cue.e <= o.content.e && strong(o.cue)) {
          c.nested = true;
          break;
        }
      }
    }
    // Univocal: resolve overlaps greedily by cue confidence (outer strong
    // reports first).
    std::vector<size_t>& order = scratch.order;
    order.resize(cands.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (cands[a].nested != cands[b].nested) return cands[b].nested;
      return cands[a].margin > cands[b].margin;
    });
    std::vector<Candidate*>& kept = scratch.kept;
    kept.clear();
    // Kept relations by cue position, in buckets as wide as two relations'
    // spans can reach: a candidate is checked against the three buckets
    // around its cue only (in the order they were kept, as a scan of all
    // would), so a document with thousands of relations stays linear.
    std::vector<std::vector<uint32_t>>& buckets = scratch.buckets;
    const size_t nbuckets = doc->tokens.size() / reach + 1;
    if (buckets.size() < nbuckets) buckets.resize(nbuckets);
    for (size_t b = 0; b < nbuckets; ++b) buckets[b].clear();
    std::vector<uint32_t>& near = scratch.near;
    for (size_t i : order) {
      Candidate& c = cands[i];
      const size_t home = c.cue.b / reach;
      near.clear();
      for (size_t b = home > 0 ? home - 1 : 0; b <= home + 1 && b < nbuckets;
           ++b) {
        near.insert(near.end(), buckets[b].begin(), buckets[b].end());
      }
      std::sort(near.begin(), near.end());
      bool ok = true;
      const int conj =
          limits_.coordinated_cues ? CoordinatingWord(*doc, v, c.cue) : -1;
      for (uint32_t ki : near) {
        Candidate* k = kept[ki];
        // "said he would order a review and | warned against hackers": the
        // kept content after its cue ends before the conjunction.
        if (conj >= 0 && Overlaps(c.cue, k->content) &&
            !Overlaps(c.cue, k->cue) && !Overlaps(c.cue, k->source) &&
            k->content.b > k->cue.e && conj > k->content.b &&
            conj <= k->content.e) {
          const TSpan before = k->content;
          if (EndBeforeConjunction(v, conj, &k->content)) {
            ShareSubject(k->source, before, &c.source);
          }
        }
        if (Overlaps(c.cue, k->cue) || Overlaps(c.cue, k->content) ||
            Overlaps(c.cue, k->source)) {
          ok = false;
          break;
        }
        TSpan other = k->cue;
        if (!k->source.none() && Overlaps(k->source, c.content)) {
          other.b = std::min(other.b, k->source.b);
          other.e = std::max(other.e, k->source.e);
        }
        if (Overlaps(c.content, other) &&
            !attribution::ClipContent(v, &c, other)) {
          ok = false;
          break;
        }
        // The same coordination the other way round: c's content runs
        // into a kept relation whose cue follows a conjunction.
        const int kconj =
            limits_.coordinated_cues ? CoordinatingWord(*doc, v, k->cue) : -1;
        if (kconj >= 0 && c.content.b > c.cue.e && kconj > c.content.b &&
            kconj == c.content.e) {
          const TSpan before = c.content;
          if (EndBeforeConjunction(v, kconj, &c.content)) {
            ShareSubject(c.source, before, &k->source);
          }
        }
      }
      if (ok) {
        buckets[home].push_back(static_cast<uint32_t>(kept.size()));
        kept.push_back(&c);
      }
    }
    std::vector<Candidate>& colon = scratch.colon;
    AddColonQuotations(v, reach, nbuckets, buckets, kept, &scratch.colon_found,
                       &scratch.misread, &colon);
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [](const Candidate* c) { return c->dropped; }),
               kept.end());
    for (Candidate& c : colon) kept.push_back(&c);
    if (limits_.quotation_continues) {
      ContinueQuotations(v, cands, Reach(), &scratch.by_cue, &kept);
    }
    AddDashQuotations(v, kept, &scratch.dash_found, &scratch.dash);
    for (Candidate& c : scratch.dash) kept.push_back(&c);
    // After the dash quotations: a run of paragraphs that ends in a pull
    // quote's attribution stops before it.
    attribution::ContinueOverParagraphs(
        v, cands, reach, limits_.quotation_paragraphs, &scratch.by_cue, &kept);
    attribution::TakeUpClosedQuotations(
        v, cands, reach, limits_.closed_quotation_paragraphs,
        limits_.closed_quotation_min_words, &scratch.by_cue, &kept);
    attribution::AdjustContentBounds(
        *doc, v, cands, reach, limits_.complementiser_after_adjunct_tokens > 0,
        limits_.complementiser_after_adjunct_tokens,
        limits_.content_closes_open_quotation, &scratch.by_cue, &kept);
    attribution::ReconcileSources(*doc, v, reach, &kept);
    if (limits_.speech_cues_only) {
      kept.erase(std::remove_if(kept.begin(), kept.end(),
                                [&](const Candidate* c) {
                                  return attribution::ReportsNoSpeech(
                                      *doc, v, c->cue, c->content, c->source);
                                }),
                 kept.end());
    }
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const Candidate* c) {
                                return attribution::HeadingBeforeColon(*doc,
                                                                       *c);
                              }),
               kept.end());
    if (limits_.nominal_reports) {
      attribution::AddNominalReports(*model_, limits_, v, cues, &kept,
                                     &scratch.nominal, &scratch.nbest,
                                     &scratch.nominal_cands);
    }
    for (Candidate* c : kept) attribution::ExtendSourceStart(*doc, c);
    if (limits_.cue_takes_adverb_and_clitic) {
      attribution::AdjustCueBounds(*doc, v, &kept);
    }
    std::sort(
        kept.begin(), kept.end(), [](const Candidate* a, const Candidate* b) {
          return a->content.b != b->content.b ? a->content.b < b->content.b
                                              : a->cue.b < b->cue.b;
        });
    for (const Candidate* c : kept) doc->quotes.push_back(Build(*doc, v, *c));
  }

 private:
  // A source inside its content, after a comma that no quotation closes
  // before, with no comma after the cue: "The bridge will close in June, |
  // city officials | confirmed Monday". (A comma after the cue makes the
  // report a parenthetical inside what was said, "The museum, he said,
  // would ...": that content rightly surrounds its speaker.)
  static bool SpeakerAfterClause(const DocView& v, const Candidate& c) {
    const int b = c.source.b;
    return b > c.content.b + 1 &&
           v.cls[b - 1] == attribution::internal::kComma &&
           v.cls[b - 2] != attribution::internal::kCloseQuote &&
           v.pc[c.content.e + 1] == v.pc[c.cue.e + 1];
  }

  // Relations for the colon quotations of the document (colon_quotes.h):
  // each one that no kept relation (in `buckets`, by cue position)
  // touches, or only a misreading of the form itself: a weak cue (no strong
  // cue word such as "said") inside the predicate whose content starts
  // there too, whether it runs on over the colon ("jokes about" → "the WHO:
  // “...”") or stops at it ("jokes about" → "the WHO": the topic of the
  // predicate, not what was said), which it replaces (marked `dropped`).
  // Collects them into `out`.
  void AddColonQuotations(const DocView& v, int reach, size_t nbuckets,
                          const std::vector<std::vector<uint32_t>>& buckets,
                          const std::vector<Candidate*>& kept,
                          std::vector<attribution::ColonQuote>* found,
                          std::vector<Candidate*>* misread,
                          std::vector<Candidate>* out) const {
    out->clear();
    if (!limits_.colon_quotations) return;
    attribution::FindColonQuotes(v, *model_, limits_, found);
    for (const attribution::ColonQuote& f : *found) {
      // The spans lie within `reach` of the colon (the cue's last token),
      // so the buckets around it hold every kept relation they can touch.
      const TSpan whole{f.source.b, f.content.e};
      const size_t home = static_cast<size_t>(f.cue.e) / reach;
      bool free = true;
      misread->clear();
      for (size_t bk = home > 0 ? home - 1 : 0;
           free && bk <= home + 1 && bk < nbuckets; ++bk) {
        for (uint32_t ki : buckets[bk]) {
          Candidate* o = kept[ki];
          if (o->dropped ||
              (!Overlaps(whole, o->cue) && !Overlaps(whole, o->content) &&
               !Overlaps(whole, o->source))) {
            continue;
          }
          if (!Strong(v, o->cue) && o->cue.b >= f.cue.b && o->cue.e < f.cue.e &&
              o->content.b > o->cue.e && o->content.b < f.cue.e &&
              (o->source.none() || o->source.b >= f.source.b)) {
            misread->push_back(o);
            continue;
          }
          free = false;
          break;
        }
      }
      if (!free) continue;
      for (Candidate* o : *misread) o->dropped = true;
      Candidate c;
      c.source = f.source;
      c.cue = f.cue;
      c.content = f.content;
      out->push_back(c);
    }
  }

  // Relations for the dash attributions of the document (dash_quotes.h)
  // that no kept relation claims: none may touch the name or the dash, nor
  // have its content overlap the quotation from a cue outside it (reports
  // inside the quotation stay, nested). Collects them into `out`.
  void AddDashQuotations(const DocView& v, const std::vector<Candidate*>& kept,
                         std::vector<attribution::ColonQuote>* found,
                         std::vector<Candidate>* out) const {
    out->clear();
    if (!limits_.dash_quotations) return;
    attribution::FindDashQuotes(v, limits_.dash_quote_min_words,
                                limits_.dash_quote_name_tokens, found);
    for (const attribution::ColonQuote& f : *found) {
      const TSpan tail{f.cue.b, f.source.e};
      bool free = true;
      for (const Candidate* o : kept) {
        const bool inside = o->cue.b >= f.content.b && o->cue.e <= f.content.e;
        if (Overlaps(tail, o->cue) || Overlaps(tail, o->content) ||
            Overlaps(tail, o->source) ||
            (!inside && Overlaps(f.content, o->content))) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      Candidate c;
      c.source = f.source;
      c.cue = f.cue;
      c.content = f.content;
      out->push_back(c);
    }
  }

  // Whether the cue holds a strong cue word ("said"; learned from train).
  bool Strong(const DocView& v, TSpan cue) const {
    for (int i = cue.b; i <= cue.e; ++i) {
      if (model_->cue_strong.Has(v.h[i])) return true;
    }
    return false;
  }

  // How far apart (in tokens) two cues can be with spans of their relations
  // still overlapping: each span lies within the larger of the content and
  // source windows of its cue's ends, and a cue has at most kMaxCueTokens.
  int Reach() const {
    return 2 * std::max({limits_.content_max_side_tokens, limits_.source_window,
                         1}) +
           attribution::kMaxCueTokens + limits_.source_max_tokens;
  }

  static Span Bytes(const Document& d, int b, int e) {
    return Span{d.tokens[b].span.begin, d.tokens[e].span.end};
  }

  Attribution Build(const Document& d, const DocView& v,
                    const Candidate& c) const {
    Attribution a;
    a.content = Bytes(d, c.content.b, c.content.e);
    a.cue = Bytes(d, c.cue.b, c.cue.e);
    if (!c.source.none()) a.speaker = Bytes(d, c.source.b, c.source.e);
    int part1_end = -1, part2_begin = -1;  // tokens, when discontinuous
    if (c.content.b < c.cue.b && c.content.e > c.cue.e) {
      // Discontinuous: the content surrounds its cue (and maybe source).
      int gb = c.cue.b, ge = c.cue.e;
      if (!c.source.none() && c.source.b > c.content.b &&
          c.source.e < c.content.e) {
        gb = std::min(gb, c.source.b);
        ge = std::max(ge, c.source.e);
      }
      SplitAroundGap(d, v, c.content, gb, ge, c.part2, &part1_end,
                     &part2_begin);
      a.parts.push_back(Bytes(d, c.content.b, part1_end));
      a.parts.push_back(Bytes(d, part2_begin, c.content.e));
    }
    a.kind = KindOfContent(d, v, c.content, part1_end, part2_begin);
    a.score = 1.f / (1.f + std::exp(-c.margin));
    return a;
  }

  std::unique_ptr<AttributionModel> model_;
  DecodeLimits limits_;
};

}  // namespace

Result<std::unique_ptr<Attributor>> Attributor::Load(
    const std::string& model_dir, bool speech_cues_only) {
  auto model = std::make_unique<AttributionModel>();
  std::string path = model_dir + "/" + kAttributionModelFile;
  Status st = model->Load(path);
  if (!st.ok()) return st;
  return std::unique_ptr<Attributor>(
      new ModelAttributor(std::move(model), speech_cues_only));
}

}  // namespace whosaid
