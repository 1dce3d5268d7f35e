// The word and phrase lists of the residue rules (residue.cc): page-chrome
// words, link and notice phrases, photo-credit keys. All lower case, matched
// on LineText's normalised text. Internal to src/clean; constant data, safe
// from any thread.
#ifndef WHOSAID_SRC_CLEAN_RESIDUE_WORDS_H_
#define WHOSAID_SRC_CLEAN_RESIDUE_WORDS_H_

#include <string_view>

namespace whosaid::clean_internal {

using sv = std::string_view;

// Words that only page chrome is made of. A line made only of these (plus
// fillers, numbers and punctuation), with at least one "strong" word, is
// chrome: "Share Tweet Post Email", "Advertisement", "Video", "Getty Images".
inline constexpr sv kStrongChrome[] = {
    "advertisement", "advertisements",
    "advertising",   "ad",
    "ads",           "sponsored",
    "share",         "shares",
    "tweet",         "email",
    "e-mail",        "print",
    "comments",      "facebook",
    "twitter",       "whatsapp",
    "linkedin",      "pinterest",
    "reddit",        "tumblr",
    "youtube",       "instagram",
    "telegram",      "flipboard",
    "google+",       "sms",
    "subscribe",     "newsletter",
    "newsletters",   "login",
    "menu",          "close",
    "loading",       "video",
    "videos",        "photo",
    "photos",        "image",
    "images",        "gallery",
    "slideshow",     "enlarge",
    "toggle",        "caption",
    "reblog",        "related",
    "recommended",   "trending",
    "permalink",     "getty",
    "shutterstock",  "afp",
};
inline constexpr sv kWeakChrome[] = {
    "more",  "read",     "continue", "continued", "continues", "reading",
    "story", "stories",  "main",     "below",     "above",     "here",
    "click", "tap",      "up",       "sign",      "in",        "link",
    "links", "top",      "back",     "home",      "follow",    "reply",
    "save",  "download", "app",      "play",      "watch",     "listen",
    "audio", "search",   "of",       "on",        "us",        "to",
    "this",  "the",      "our",      "now",       "for",       "and",
    "with",  "via",      "at",       "your",      "you",       "me",
    "get",   "see",      "all",      "view",      "full",      "also",
    "like",  "copy",     "next",     "prev",      "previous",  "ap",
    "post",  "reuters",  "epa",
};
// Whole lines that are chrome without a strong word.
inline constexpr sv kChromeLines[] = {
    "read more",
    "read more below",
    "story continued below",
    "story continues",
    "story continues below",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "more",
    "see more",
    "more on this",
    "back to top",
    "skip to content",
    "skip to main content",
    "watch",
    "by",
};

struct Prefix {
  sv text;
  unsigned short max_words;
};
// Lines that start with one of these (after leading bullets) and are short.
inline constexpr Prefix kLinkPrefixes[] = {
    {"read more", 25},
    {"related:", 30},
    {"related coverage", 30},
    {"related content", 30},
    {"related stories", 30},
    {"related articles", 30},
    {"related video", 30},
    {"related links", 30},
    {"more:", 30},
    {"see also:", 30},
    {"also read:", 30},
    {"also see:", 30},
    {"recommended:", 30},
    {"must read:", 30},
    {"don't miss:", 30},
    {"watch:", 30},
    {"watch the latest", 20},
    {"watch live", 20},
    {"listen:", 30},
    {"click here", 40},
    {"click for more", 30},
    {"click to ", 30},
    {"tap here", 30},
    {"sign up", 40},
    {"subscribe", 40},
    {"follow us", 30},
    {"like us on", 30},
    {"join us on", 30},
    {"find us on", 30},
    {"connect with us", 30},
    {"image copyright", 60},
    {"image caption", 60},
    {"image source", 30},
    {"image credit", 30},
    {"image:", 30},
    {"images:", 30},
    {"photo credit", 30},
    {"photo:", 30},
    {"photos:", 30},
    {"photograph:", 30},
    {"picture:", 30},
    {"credit:", 20},
    {"image via", 20},
    {"(image via", 20},
    {"featured image", 30},
    {"(photo:", 30},
    {"(photo credit", 30},
    {"enlarge this image", 60},
    {"toggle caption", 60},
    {"slideshow (", 10},
    {"(c) ", 40},
    {"copyright (c)", 40},
    {"copyright 19", 40},
    {"copyright 20", 40},
    {"all rights reserved", 40},
    {"this article is more than", 12},
    {"share this", 20},
    {"read or share this story", 20},
    {"share on ", 20},
    {"posted on ", 12},
    {"posted by ", 12},
    {"posted in ", 15},
    {"filed under", 30},
    {"tagged:", 30},
    {"tags:", 30},
    {"categories:", 30},
    {"you might also like", 15},
    {"you may also like", 15},
    {"headline:", 30},
    {"trending:", 30},
    {"trending now", 30},
    {"advertisement", 12},
    {"story continues", 12},
    {"continue reading", 15},
    {"leave a comment", 15},
    {"loading", 4},
    {"like this:", 15},
    {"share this:", 15},
    {"print this", 10},
    {"email this", 10},
    {"download the", 20},
    {"see more", 15},
    {"more on this", 10},
    {"more stories", 15},
    {"vote now", 6},
    {"thank you for signing up", 30},
    {"thanks for signing up", 30},
    {"see an error", 20},
    {"(screenshot", 20},
    {"screenshot:", 20},
    {"full coverage:", 15},
    {"special coverage:", 15},
    {"contact us", 12},
    {"getty images", 12},
};

// Phrases that make a short line chrome wherever they stand.
inline constexpr sv kLinkPhrases[] = {
    "sign up here",        "click here",       "subscribe now",
    "subscribe today",     "subscribe to our", "reprint permission",
    "all rights reserved", "follow us on",     "like us on facebook",
    "on twitter @",        "on twitter at",    "newsletter sign",
};
// Phrases that also occur in news ("slots to sign up for the gifts"): chrome
// only when they open a sentence or come with a newsletter word.
inline constexpr sv kWeakLinkPhrases[] = {"sign up for", "sign up to",
                                          "subscribe for", "subscribe to",
                                          "in your inbox"};
inline constexpr sv kNewsletterWords[] = {"newsletter", "inbox", "here",
                                          "free",       "email", "e-mail"};

inline constexpr sv kNoticePhrases[] = {
    "commenting policy",
    "comment policy",
    "comments policy",
    "please enable javascript",
    "javascript is disabled",
    "ad blocker",
    "adblock",
    "your browser does not support",
};

inline constexpr sv kCookieCompanions[] = {
    "we use",  "uses cookies",   "use of cookies",
    "accept",  "cookie policy",  "cookie settings",
    "consent", "privacy policy", "by continuing",
};

// Words of kLinkPhrases that gate the phrase search.
inline constexpr sv kLinkTriggers[] = {
    "sign",     "click",  "subscribe", "inbox",   "reprint",
    "reserved", "follow", "like",      "twitter", "newsletter"};

// Keywords inside a final parenthesis that mark a photo credit.
inline constexpr sv kCreditKeys[] = {
    "photo:",        "photos:",        "photo by",     "photo/",
    "ap photo",      "getty",          "shutterstock", "/ap",
    "ap/",           "reuters/",       "/reuters",     "afp/",
    "/afp",          "epa/",           "/epa",         "credit:",
    "illustration:", "illustration;",  "screenshot",   "image via",
    "via youtube",   "photo courtesy", "file photo",   "reuters photo"};

inline constexpr sv kSocialWords[] = {
    "@", "twitter", "facebook", "instagram", "linkedin", "tiktok", "youtube"};

}  // namespace whosaid::clean_internal

#endif  // WHOSAID_SRC_CLEAN_RESIDUE_WORDS_H_
