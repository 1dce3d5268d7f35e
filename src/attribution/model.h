// AttributionModel: the hashed linear models behind the Attributor and the
// feature code shared by the runtime (attribution.cc) and the trainer
// (tools/train_attribution.cc), so the two cannot drift.
//
// Three models: a BIO cue tagger (3 labels, Viterbi decoding), a content span
// ranker (start + end + pair features, relative to a cue) and a source span
// ranker (same shape, plus a "no source" option). All feature templates are
// hashed into fixed-size weight tables; no training text is stored.
//
// An AttributionModel is read-only after Load()/training; the const member
// functions may be called from many threads at once. DocView holds per-
// document scratch data and belongs to one thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_MODEL_H_
#define WHOSAID_SRC_ATTRIBUTION_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "src/base/huge_pages.h"
#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {
namespace attribution {

inline constexpr int kCueBits = 18;
inline constexpr int kContentBits = 18;
inline constexpr int kSourceBits = 17;
inline constexpr int kCueLabels = 3;         // O, B, I
inline constexpr uint8_t kNoCueKeys = 0xFF;  // CueTokenKeys::nk: none yet

// A cue starts only at a cue-vocabulary word and is at most this long.
inline constexpr int kMaxCueTokens = 10;
// The Viterbi cue tagger (and its training) drops a B or I state whose path
// score falls this far below the token's best state, so that the words
// after a hopeless cue start are not scored. The label scores are in the
// tens: on PolNeAR dev 150 gives the same records as no beam, 80 (retrained
// with it) the same quality at half the extra cost, 60 is 1 point worse.
inline constexpr float kCueBeam = 80.f;
// At most this many cue_left words are prepended to a tagged cue.
inline constexpr int kMaxCueLeftWords = 3;

enum CueLabel : int { kO = 0, kB = 1, kI = 2 };

// A token-range span, inclusive both ends; b < 0 means none.
struct TSpan {
  int b = -1;
  int e = -1;
  bool none() const { return b < 0; }
  bool operator==(const TSpan&) const = default;
};

// A scored token position (candidate boundary).
struct Top {
  float score;
  int pos;
};

// The cue scorer's inputs of one token that do not depend on the previous
// label (see AttributionModel::CueKeysFast): hashed table rows, the
// class-only tables' sum and what the per-label keys need. Plain data.
struct CueTokenKeys {
  uint32_t keys[20];   // table rows (nk used; at most 19 features now)
  uint32_t keys_o[3];  // the rows keyed by the previous label O (np_o used)
  float s[3];
  int32_t rec;  // cue word record, -1: none
  uint64_t w, hm1, stem;
  uint8_t nk, np_o, c0, inq, flags, first, capleft, squote;
};

// Per-token data of one document computed once (hashes, classes, quote
// state). Only token-level, no allocation per token beyond the arrays.
struct DocView {
  const Document* doc = nullptr;
  std::vector<uint64_t> h;      // lowercase word hash
  std::vector<uint8_t> cls;     // token class (see model.cc)
  std::vector<uint8_t> inq;     // 1 when inside a quotation
  std::vector<uint32_t> sent;   // sentence index of each token
  std::vector<uint8_t> sstart;  // first token of a sentence
  std::vector<uint8_t> send;    // last token of a sentence
  std::vector<uint8_t> pstart;  // first token of a paragraph
  std::vector<uint8_t> pend;    // last token of a paragraph
  std::vector<uint32_t> para;   // paragraph index of each token
  // Prefix counts: open/close quotes, commas, the word "that".
  std::vector<int32_t> qo, qc, pc, thatc;
  // Prefix counts of time nouns ("Thursday", "morning") and of words that
  // are neither time nouns nor their modifiers ("on", "last"; numbers and
  // punctuation are neither): see TimeAdverbialContent.
  std::vector<int32_t> timec, nontimec;
  // Index of the next closing (previous opening) double quote; n / -1.
  std::vector<int32_t> next_close, prev_open;
  // Index of the last clause-break mark (comma, dash, semicolon, colon,
  // opening parenthesis) at or before each token; -1 if none.
  std::vector<int32_t> prev_break;
  // Prefix counts of cue-vocabulary words (size n + 1), filled by the
  // model on first use (FillCueCount).
  mutable std::vector<int32_t> cuec;
  // The same for strong cue words (cue_strong), filled with cuec.
  mutable std::vector<int32_t> cuesc;
  // Per-document score caches of the cue-independent feature parts (by
  // 2 * token + side), filled lazily when use_cache (the trainer turns it
  // off because its weights change).
  bool use_cache = true;
  mutable std::vector<float> cache_cs, cache_ce, cache_ss, cache_se;
  // Cue-independent parts of StartCandidate / EndCandidate for each token
  // (bits, see fast_tables.h), filled by the fast content decoder on first use.
  mutable std::vector<uint8_t> cand_bits;
  // Word-set memberships of each token (bits, see fast_tables.h) and its cue
  // record (-1: none), from one hash probe per token (FillWordBits).
  mutable std::vector<uint8_t> wbits;
  mutable std::vector<int32_t> wrec;
  // Scratch of the Viterbi cue tagger (per sentence token: path scores,
  // back pointers and the label scores by previous label).
  mutable std::vector<float> vit_d, vit_sc, vit_be;
  mutable std::vector<int8_t> vit_b;
  mutable std::vector<uint8_t> vit_m;  // previous labels scored (bits)
  // The cue scorer's keys of each sentence token, computed before the
  // Viterbi pass (nk = kNoCueKeys: not computed).
  mutable std::vector<CueTokenKeys> vit_keys;
  // Scratch buffers of the fast decoders (reused across cues: no
  // allocation per candidate).
  // Per window token, +inf until scored (DecodeSourceFast scores the
  // tokens it needs, on first use).
  mutable std::vector<float> src_start, src_end;
  // Per-cue parts of the source boundary scores (see PrepareSource).
  mutable uint64_t src_q8[2] = {}, src_q6[2] = {};
  mutable float src_m8[2][20] = {}, src_m6[2][20] = {};
  mutable std::vector<int> src_blocked;
  mutable std::vector<float> src_pair;  // pair scores by (start, length)
  mutable float src_none_base = 0, src_none_r[4] = {};  // "no source" parts
  // Results of DecodeSourceFast for this cue, keyed by what of the content
  // the source window sees (clipped start, clipped end, placement).
  struct SourceMemo {
    int cb, ce, nr;
    TSpan src;
    float score;
  };
  mutable std::vector<SourceMemo> src_memo;
  void Build(const Document& d);
  size_t size() const { return h.size(); }
};

struct FastTables;

struct Scored {
  float score = 0;
  TSpan span;
};

// A feature index list (fixed capacity, no heap), used for scoring and for
// perceptron updates. Extra features beyond the capacity are dropped.
class Feats {
 public:
  static constexpr int kCapacity = 96;
  void clear() { n_ = 0; }
  void reserve(size_t) {}
  void push_back(uint32_t x) {
    if (n_ < kCapacity) a_[n_++] = x;
  }
  const uint32_t* begin() const { return a_; }
  const uint32_t* end() const { return a_ + n_; }
  int size() const { return n_; }

 private:
  uint32_t a_[kCapacity];
  int n_ = 0;
};

struct DecodeLimits {
  int content_sentences_before = 2;
  int content_sentences_after = 3;
  // Neighbouring sentences join the window while a quotation continues
  // across the boundary, or when the cue lies within this many tokens of
  // the sentence edge on that side.
  int content_free_edge = 1000;
  // A quotation that runs on before the cue ("“A. B. C!” Barlow wrote")
  // may take this many sentences more than content_sentences_before, within
  // the cue's paragraph.
  int content_quote_sentences_before = 2;
  // A content in another paragraph than its cue (after it without a colon
  // between, "Cruz continued:"; or before it) is taken only when no n-best
  // content stays in the cue's paragraph. Applied by the Attributor to the
  // n-best contents, not to the window (a narrower window changes the
  // ranker's choice on the rest: "the company announced on Thursday" then
  // took "on Thursday").
  bool content_paragraph_needs_colon = true;
  int content_max_side_tokens = 150;
  int top_k = 8;  // clipped to kMaxTopK (16) by the fast decoders
  // Longest source mention (tokens). A speaker with an appositive or a
  // relative clause ("Peter Morgan, a lawyer for the Sierra Club, who has
  // been ...") often runs past 20 tokens: 30 covers 99.7% of the PolNeAR
  // train speakers (20: 98.3%).
  int source_max_tokens = 30;
  // A lone lowercase adverb in "-ly" is never the speaker ("Ida Hale, the
  // mayor, forcefully told"; IsLowerLyAdverb). The trainer turns it off:
  // the committed model was trained without it, and the trainer decodes
  // sources inside its loop, so the rule changed what it learned
  // (doc/quality.md, "The committed model and the trainer").
  bool source_not_lone_ly_adverb = true;
  int source_window = 30;  // tokens either side of the cue
  float cue_bias = 0;      // added to the cue-start score
  // A sentence without a tagged cue takes its best cue start anyway when
  // the best path with it came within this margin of the best path (0 =
  // off); the Attributor keeps such a rescued cue only when a source is
  // found for it. On PolNeAR dev 12-30 give the same numbers within 0.3
  // points (6: source 0.3 lower, 50: all lower).
  float cue_rescue = 20.0f;
  // A rescued cue is kept only with a content of at least this many tokens.
  int rescue_min_content_tokens = 4;
  // A clause whose subject is a person and which ends in a colon right
  // before a quotation ("Trevor Noah was making jokes about the WHO: “...”")
  // is a relation with the predicate and colon as cue, when no relation
  // found by the model touches it (the Attributor's AddColonQuotations).
  bool colon_quotations = true;
  // Words the quotation needs (“song anthropologist.” names, it reports
  // nothing), and role words allowed before the subject's name.
  int colon_quote_min_words = 4;
  int colon_quote_role_words = 4;
  // A paragraph that is a quotation followed by a dash and a name ("“We
  // will fight.” — Ana Ruiz") is a relation with the dash as cue, when no
  // relation found by the model claims the quotation or the name
  // (dash_quotes.h); the quotation's words and the name's tokens at most.
  bool dash_quotations = true;
  int dash_quote_min_words = 2;
  int dash_quote_name_tokens = 6;
  // Content spans re-ranked jointly with their best source (1 = off).
  int content_nbest = 2;
  // A content never holds its own speaker and cue: when the best joint
  // choice is a content around its cue that opens with the speaker found
  // for it ("the company announced on Thursday"), the Attributor decodes
  // the content again with that speaker excluded (OwnSpeakerOk) and takes
  // the best valid choice; when words precede that speaker in its sentence
  // ("Fares will rise, the operator announced on Friday"), the new content
  // must also start before the cue (see the Attributor). So does a content
  // around its cue whose speaker follows a comma inside it, with no comma
  // after the cue ("The bridge will close in June, city officials
  // confirmed Monday"; not "The museum, he said, would ..."). Around contents
  // that only enclose a speaker ("what he called ...", "“A,” she said,
  // “B.”") stay.
  bool content_excludes_own_speaker = true;
  // When something was said is never what was said: neither content
  // decoder takes a content made only of a time adverbial ("announced | on
  // Thursday", "said | early Monday morning"; TimeAdverbialContent). The
  // trainer turns it off (its reachability check would otherwise change
  // what the committed model learned; doc/quality.md, eleventh session).
  bool content_not_time_adverbial = true;
  // A cue right after "and" / "or" / "but" is the second predicate of a
  // coordination ("said he would order a review and warned against
  // hackers"), never a report inside the first one's content: PolNeAR
  // train has 561 such cues after an earlier relation's content and one
  // inside it. The Attributor then ends the earlier content before the
  // conjunction instead of dropping the later relation.
  bool coordinated_cues = true;
  // "“A,” she said. “B.”": a quotation before its cue that the next
  // sentence takes up again is one content in two parts (see
  // QuotationContinues; PolNeAR train: 1,274 such contents run on, 41 stop).
  bool quotation_continues = true;
  // A quotation that runs on over paragraphs, its closing mark left off at
  // the end of each but the last and each later paragraph opening with a
  // quotation mark (the newswire convention), is one content over at most
  // this many paragraphs after the first (0 = off; see
  // paragraph_quotes.h). PolNeAR train's longest run takes 8.
  int quotation_paragraphs = 20;
  // A paragraph that is one closed quotation with no cue of its own, after
  // a paragraph whose last content is a quotation ("“A,” she said. ¶
  // “B.”"), is that content's next part; so are the following such
  // paragraphs, at most this many in all (0 = off; TakeUpClosedQuotations
  // in paragraph_quotes.h).
  int closed_quotation_paragraphs = 20;
  // The words that quotation needs: a shorter one ("“No,” they shouted.")
  // is a dialogue turn, after which the other side may speak.
  int closed_quotation_min_words = 4;
  // "said at a rally in Ohio that the plan ...": a content after its cue
  // that opens with an adjunct of the reporting verb starts at the
  // complementiser "that" found within this many tokens (0 = off;
  // ComplementiserAfterAdjunct in content_bounds.h).
  int complementiser_after_adjunct_tokens = 20;
  // "He added, “A. B.”": a content after its cue that opens a quotation
  // and stops inside it runs on to the quotation's close in its paragraph
  // (OpenQuotationClose in content_bounds.h).
  bool content_closes_open_quotation = true;
  // "She later said", "He sharply criticized", "he’s been saying": a kept
  // relation's cue starts at the adverb or pronoun clitic right before it
  // (AdjustCueBounds in cue_bounds.h).
  bool cue_takes_adverb_and_clitic = true;
  // "Trump's claim that ...": a reporting noun with a possessor and a
  // "that" clause, which the tagger left untagged, is a relation (cue the
  // noun, source the possessor, content the model's best content that
  // starts at "that"; nominal_reports.h), added last and only where it
  // touches no other relation.
  bool nominal_reports = true;
  // Drop indirect relations whose cue tells of a deed, an intention or a
  // feeling rather than of speech ("pleaded guilty", "declined to comment",
  // "hopes that ..."; ReportsNoSpeech in clause_rules.h). Off by default:
  // PolNeAR annotates such cues as attributions, so the rule lowers its dev
  // scores, while on news it removes mostly false relations (doc/quality.md,
  // indir21). `whosaid extract --speech-only` turns it on.
  bool speech_cues_only = false;
};

// True for a span [s, e] made only of time nouns, their prepositions and
// modifiers, numbers and punctuation, with at least one time noun.
inline bool TimeAdverbialContent(const DocView& v, int s, int e) {
  return v.nontimec[e + 1] == v.nontimec[s] && v.timec[e + 1] > v.timec[s];
}

// Whether the content decoders may return [s, e] for lim.
inline bool ContentAllowed(const DocView& v, const DecodeLimits& lim, int s,
                           int e) {
  return !lim.content_not_time_adverbial || !TimeAdverbialContent(v, s, e);
}

// False for a content span [s, e] around `cue` (starting before it, ending
// after it) that overlaps the `speaker` span, and with `before_cue` for
// every content after the cue; true for every other span and when
// `speaker` is none.
inline bool OwnSpeakerOk(TSpan cue, TSpan speaker, int s, int e,
                         bool before_cue = false) {
  if (speaker.none()) return true;
  if (before_cue && s > cue.e) return false;
  if (s >= cue.b || e <= cue.e) return true;
  return e < speaker.b || s > speaker.e;
}

// A set of word hashes: sorted list (for saving) plus an open-addressing
// table for O(1) lookups.
struct WordSet {
  std::vector<uint64_t> sorted;
  // Read at random per token: 2 MiB pages when large (huge_pages.h).
  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots;
  size_t mask = 0;
  void Build(std::vector<uint64_t> words);
  bool Has(uint64_t w) const { return Find(w) != kNone; }
  // Index of w's slot in `slots`, or kNone.
  static constexpr size_t kNone = ~size_t{0};
  size_t Find(uint64_t w) const {
    if (slots.empty()) return kNone;
    uint64_t k = w | 1;
    for (size_t i = k & mask;; i = (i + 1) & mask) {
      if (slots[i] == k) return i;
      if (slots[i] == 0) return kNone;
    }
  }
};

class AttributionModel {
 public:
  AttributionModel();

  Status Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Cue tagging of sentence `s` (Viterbi). Appends cue token spans and
  // their margins (how much the best path loses without the cue).
  // `bias` is added to the B score (recall/precision trade-off).
  // With `rescue` > 0, a sentence left without a cue gets the best start
  // the tagger turned down when the best path through it came within
  // `rescue` of the best path; its margin (<= 0) marks it as rescued.
  void TagCues(const DocView& v, uint32_t sentence, float bias,
               std::vector<TSpan>* cues, std::vector<float>* margins,
               float rescue = 0) const;
  // The Viterbi cue labels (kO/kB/kI) of tokens [sb, se) of `v` (the
  // lattice of TagCues, without the length cut or the rescue pass).
  void CueLabels(const DocView& v, int sb, int se, float bias,
                 std::vector<int8_t>* labels) const;
  // True if the token may start a cue (speed filter) .
  bool MayStartCue(uint64_t h) const;

  // Adds the three label scores of CueFeats(v, i, prev, ...) to sc[0..2],
  // from tables where the features are class-only. REQUIRES: Finalize().
  void CueScoreFast(const DocView& v, int i, int prev, int sb, int se,
                    float* sc) const;
  // The same for every previous label p in the bit set `prevs` at once,
  // added to sc[p * 3 .. p * 3 + 2] (the Viterbi tagger needs up to
  // three; the features that do not depend on p are read once).
  void CueScoreFastPrevs(const DocView& v, int i, int prevs, int sb, int se,
                         float* sc) const;
  // CueScoreFastPrevs in two steps: the keys of token i (with `prefetch`,
  // its table rows are fetched into the cache for a later CueSumFast),
  // then the sums.
  void CueKeysFast(const DocView& v, int i, int sb, int se, bool prefetch,
                   CueTokenKeys* out) const;
  void CueSumFast(const CueTokenKeys& k, int prevs, float* sc) const;
  // Cue features of token i given the previous label.
  void CueFeats(const DocView& v, int i, int prev, int sb, int se,
                Feats* f) const;

  // Content decoding for a cue. Returns the best span (or none).
  // With `nbest`, also returns the lim.content_nbest best spans.
  // A non-none `speaker` excludes the contents around the cue that contain
  // it, and with `before_cue` also the contents after the cue
  // (OwnSpeakerOk), from the search.
  TSpan DecodeContent(const DocView& v, TSpan cue, const DecodeLimits& lim,
                      std::vector<Scored>* nbest = nullptr,
                      TSpan speaker = TSpan{}, bool before_cue = false) const;
  // Source decoding given cue and content. Returns none for "no source".
  // With `score`, also returns the winning score.
  TSpan DecodeSource(const DocView& v, TSpan cue, TSpan content,
                     const DecodeLimits& lim, float* score = nullptr) const;

  // Cheap pruning of source boundaries (both decoders score only these):
  // a source starts at a capitalized word, a number or a lowercase word
  // not in src_no_start, and ends at a word not in src_no_end (lowercase),
  // a number, a comma or a closing parenthesis.
  // (Defined inline in feature_util.h.)
  inline bool SourceStartOk(const DocView& v, int i) const;
  inline bool SourceEndOk(const DocView& v, int i) const;

  // True if token i cannot be part of the source of (cue, content).
  bool SourceBlocked(const DocView& v, TSpan cue, TSpan content, int i) const;

  // Cheap pruning of content boundaries (the rankers score only these).
  // (Defined inline in feature_util.h.)
  inline bool StartCandidate(const DocView& v, TSpan cue, int s) const;
  inline bool EndCandidate(const DocView& v, TSpan cue, int e) const;

  // Feature builders (also used by the trainer).
  void ContentStartFeats(const DocView& v, TSpan cue, int s, Feats* f) const;
  void ContentEndFeats(const DocView& v, TSpan cue, int e, Feats* f) const;
  void ContentPairFeats(const DocView& v, TSpan cue, int s, int e,
                        Feats* f) const;
  void SourceStartFeats(const DocView& v, TSpan cue, TSpan content, int b,
                        Feats* f) const;
  void SourceEndFeats(const DocView& v, TSpan cue, TSpan content, int e,
                      Feats* f) const;
  void SourcePairFeats(const DocView& v, TSpan cue, TSpan content, int b, int e,
                       Feats* f) const;
  void SourceNoneFeats(const DocView& v, TSpan cue, TSpan content,
                       Feats* f) const;
  // Cue-independent ("Tok", by side) and cue-relative ("Rel") parts.
  void ContentStartTok(const DocView& v, int side, int s, Feats* f) const;
  void ContentStartRel(const DocView& v, TSpan cue, int s, Feats* f) const;
  void ContentEndTok(const DocView& v, int side, int e, Feats* f) const;
  void ContentEndRel(const DocView& v, TSpan cue, int e, Feats* f) const;
  void SourceStartTok(const DocView& v, int side, int b, Feats* f) const;
  void SourceStartRel(const DocView& v, TSpan cue, TSpan ct, int b,
                      Feats* f) const;
  void SourceEndTok(const DocView& v, int side, int e, Feats* f) const;
  void SourceEndRel(const DocView& v, TSpan cue, TSpan ct, int e,
                    Feats* f) const;
  // Score of a "Tok" part (which: 0 content start, 1 content end, 2 source
  // start, 3 source end), cached in `cache` when v.use_cache.
  float Cached(const DocView& v, std::vector<float>& cache, int side, int i,
               int which) const;

  // Window of candidate content tokens for a cue: [lo, hi] inclusive.
  void ContentWindow(const DocView& v, TSpan cue, const DecodeLimits& lim,
                     int* lo, int* hi) const;

  float Score(const std::vector<float>& w, const Feats& f) const {
    float s = 0;
    for (uint32_t x : f) s += w[x];
    return s;
  }

  // Builds the precomputed score tables of the fast decoders from the
  // weights (Load() calls it; call it again after changing weights).
  void Finalize();
  // Same results as DecodeContent / DecodeSource (up to float rounding),
  // from precomputed tables and per-cue hash prefixes instead of hashing
  // every feature of every candidate. REQUIRES: Finalize().
  TSpan DecodeContentFast(const DocView& v, TSpan cue, const DecodeLimits& lim,
                          std::vector<Scored>* nbest, TSpan speaker = TSpan{},
                          bool before_cue = false) const;
  // Scores the cue-only parts of the source boundaries once per cue (into
  // v's scratch); DecodeSourceFast then decodes for one content.
  // Score of a "Tok" part from the tables (as Cached computes it).
  float TokFast(const DocView& v, int side, int i, int which) const;
  // Fills v.wbits and v.wrec. REQUIRES: Finalize().
  void FillWordBits(const DocView& v) const;
  // Fills v.cuec and v.cuesc from cue_vocab and cue_strong (or v.wbits
  // when filled).
  void FillCueCount(const DocView& v) const;
  // Fills v.cand_bits (the per-token parts of the candidate filters).
  void FillCandBits(const DocView& v) const;
  void PrepareSource(const DocView& v, TSpan cue,
                     const DecodeLimits& lim) const;
  TSpan DecodeSourceFast(const DocView& v, TSpan cue, TSpan content,
                         const DecodeLimits& lim, float* score) const;

  // Weights (public for the trainer).
  // Copies the learned word sets below (cue_vocab .. cue_strong), not the
  // weights: a model to be given other weights (the trainer's averaged
  // snapshot, a test's unfinalized reference) decodes with the same lists.
  void CopyWordSetsFrom(const AttributionModel& other);

  std::vector<float> cue_w;      // [feature * 3 + label]
  std::vector<float> content_w;  // scalar
  std::vector<float> source_w;   // scalar
  WordSet cue_vocab;             // words that may start a cue
  WordSet start_prev;            // words often right before a content start
  WordSet end_next;              // words often right after a content end
  // Frequent lowercase words that (almost) never start (end) a source
  // mention in training (see SourceStartOk / SourceEndOk).
  WordSet src_no_start;
  WordSet src_no_end;
  // Words that right before a gold cue are almost always part of it
  // (auxiliaries and adverbs: "has", "is", "also"); TagCues extends a
  // tagged cue over them (at most kMaxCueLeftWords).
  WordSet cue_left;
  // Words that start a gold cue in a large share of their training
  // occurrences ("said", "told", "according"): a content that runs over
  // one is likely to swallow a second report, one that stops before a
  // weak cue word ("expected", "led") need not.
  WordSet cue_strong;

 private:
  // The cue tagger's label scores of token i, added to sc: from the fast
  // tables once Finalize() ran, else from CueFeats (f is scratch). The
  // Prevs form scores every previous label p in the bit set `prevs` into
  // sc[p * 3 ..], as CueScoreFastPrevs does.
  void CueScore(const DocView& v, int i, int prev, int sb, int se, Feats* f,
                float* sc) const;
  void CueScorePrevs(const DocView& v, int i, int prevs, int sb, int se,
                     Feats* f, float* sc) const;

  std::shared_ptr<const FastTables> fast_;  // set by Finalize()
};

uint64_t HashWord(std::string_view s);

namespace internal {

// Words of a time adverbial (DocView::timec / nontimec): a closed list of
// time nouns (with the month and weekday names), and of their prepositions
// and modifiers.
enum class TimeWord : uint8_t { kNone, kNoun, kModifier };

// The list's class of the word whose HashWord is `h`; kNone when unlisted.
// Read-only after its first call; any thread.
TimeWord TimeWordOf(uint64_t h);

}  // namespace internal

}  // namespace attribution
}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_MODEL_H_
