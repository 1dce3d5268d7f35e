// Source span boundaries the span decoder gets wrong in a regular way, fixed
// by rules on the words of the span: a time adverbial between the speaker
// and the cue ("Senator Hale on Tuesday dismissed", "the Supreme Court this
// month ruled") is not part of the speaker in PolNeAR's convention (train:
// 149 adverbials of time or frequency between a speaker and its cue are
// left out; the 44 that end a speaker end a participle or relative clause
// inside it, "a poll released Monday", "voters going to the polls Tuesday").
// Nor is an adjunct after a comma that opens with a participle or a
// preposition ("Eric Garner, gasping on a sidewalk,"; "Donald Trump, in
// particular,": train leaves 186 out, holds about 26).
// Pure functions; safe from any thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_SOURCE_SPAN_H_
#define WHOSAID_SRC_ATTRIBUTION_SOURCE_SPAN_H_

#include "whosaid/document.h"

namespace whosaid::attribution {

// The last token of the speaker tokens [b, e] of `doc` once an adjunct after
// a comma (see above) and then trailing time
// adverbials ("on Monday", "this week", "earlier Tuesday", "also",
// "recently") and the comma before them are cut off; `e` when there are none
// or when the span holds a verb form or relative word that the adverbial may
// belong to ("a report released Monday", "the groups who wrote on
// Thursday"). Never cuts the whole span.
int TrimSourceEnd(const Document& doc, int b, int e);

// Whether token i of `doc` is a lowercase manner or degree adverb in "-ly"
// ("forcefully"), not a noun or adjective in "-ly" ("rally", "daily").
// PolNeAR train: 7 of 18,360 speakers end in one and none is one, so the
// source decoders never choose a lone one ("Ida Hale, the mayor,
// forcefully told ..." gave the speaker "forcefully"); one that ends a
// longer span is cut by TrimSourceEnd.
bool IsLowerLyAdverb(const Document& doc, int i);

// The first token of a speaker span [b, e] that the decoder started at a
// place or a party-and-state tag after a comma ("Terry Murphy of Newark,
// | Del., who was ...", "Rep. Lucy McBath, | D-Ga., who ran ..."): the
// start of the person named just before the comma (with the title
// attached to the name, or through "of <Place>"), in the same sentence.
// `b` when the span starts otherwise or no such person is there.
int ExtendSourceOverPlaceTag(const Document& doc, int b, int e);

// The first token of a speaker span [b, e] that the decoder started at the
// second item of a list of names ("Christie, | Kasich and Bush said",
// "Reporters Jo Becker, | Matt Apuzzo and Adam Goldman wrote"): the start
// of the list, when every item before the span is a named entity (its
// title attached) after a lone comma and the first one opens the sentence
// or the line (after "The" or "Both" at most), and the span itself holds an
// "and". `b` otherwise ("In Leander, | Texas and ...", "As Phil Zuckerman,
// | professor ...").
int ExtendSourceOverListHead(const Document& doc, int b, int e);

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_SOURCE_SPAN_H_
