// Widget lines: whole lines that a page's media widgets leave in scraped
// text, recognised by the widget's own fixed labels rather than by length or
// lexicon, because their contents (captions, clip titles) read like news and
// can be as long as a paragraph. ClassifyLine checks them before its
// length-gated rules.
// Stateless; safe from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_WIDGET_LINES_H_
#define WHOSAID_SRC_CLEAN_WIDGET_LINES_H_

#include <cstddef>
#include <string_view>

namespace whosaid {
namespace clean_internal {

// True when the line holds a photo gallery's slide counter, "Hide Caption 3
// of 22" (any case of the C of "caption"): the line is the gallery's
// captions, however long.
bool HasGalleryCounter(std::string_view raw);

// True when the line is a video player's playlist: it opens with "JUST
// WATCHED" (after blanks) and holds "Replay More Videos".
bool IsVideoPlaylist(std::string_view raw);

// True when the line is an audio player: it ends (before blanks) with
// "Listen · " and a duration ("Listen · 5:21 5:21", "Listen · 1:02:15"),
// after the clip's title, however long.
bool IsAudioPlayer(std::string_view raw);

// True when the line is a media widget's caption: it opens (after blanks)
// with "Media playback is unsupported on your device", "Media caption ",
// "Image caption " or "Image copyright ".
bool IsMediaCaption(std::string_view raw);

// True when the line is a newsletter sign-up form of at most `max_words`
// words: a form word ("sign up", "newsletter", "inbox", "subscribe",
// "reCAPTCHA") and a different consent or delivery phrase ("you agree",
// "privacy policy", "terms of service", "your inbox", "reCAPTCHA",
// "opt-out"), in any case, and no quotation longer than 60 bytes.
bool IsSignUpForm(std::string_view raw, size_t max_words);

// IsSignUpForm's cheap gate: whether `raw` holds one of the form words'
// usual spellings, byte for byte: "nbox", "ign up", "ign Up", "igning up",
// "ewsletter", "ubscribe", "APTCHA" or "aptcha". One pass over the line.
bool HasFormWordBytes(std::string_view raw);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_WIDGET_LINES_H_
