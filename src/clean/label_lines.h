// Label lines: whole lines of page chrome recognised by a fixed label that a
// widget prints at a fixed place (a link teaser in parentheses, a share bar
// or a video player's "CLOSE" button glued to a caption, a caption's closing
// "Photograph: <credit>", an author contact line). Their contents read like
// news (headlines, captions), so length and lexicon rules miss them;
// ClassifyLine checks them before its length-gated rules. No rule names a
// site. Stateless; safe from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_LABEL_LINES_H_
#define WHOSAID_SRC_CLEAN_LABEL_LINES_H_

#include <string_view>

namespace whosaid {
namespace clean_internal {

// True when the whole line is a link teaser in parentheses: "( Also on
// <name>: <headline>)" (a name of at most four words) or "(<LABEL>:
// <headline>)" with a media label in capitals (WATCH, VIDEO, PHOTOS, QUIZ,
// POLL, MAP, CHART, GRAPHIC, PODCAST, AUDIO, CARTOONS, TIMELINE, DOCUMENT,
// TRANSCRIPT, SLIDESHOW, INFOGRAPHIC, MORE, SEE RELATED, READ MORE, ...):
// the line opens with "(" and ends with its only ")", at most 40 words.
bool IsBracketedLink(std::string_view raw);

// True when the line opens with a share bar of at least three network names
// separated by single spaces ("Facebook Twitter Pinterest <caption>"): a
// picture's share buttons glued to its caption.
bool IsShareBarCaption(std::string_view raw);

// True when the line opens with a video player's "CLOSE" button glued to the
// clip's description: "CLOSE" then a lower-case letter within the next two
// words ("CLOSE A crowd gathers ..."); a heading in capitals ("CLOSE RACE IN
// OHIO") is kept.
bool IsVideoCloseCaption(std::string_view raw);

// True when the line is an author contact line: it opens with "Write to " or
// "Send tips to " and holds an e-mail address, at most 60 words.
bool IsContactLine(std::string_view raw);

// True when the line (at most 80 words) ends with a caption's credit label,
// "Photograph:", "Photographer:" or "Photo:" (after a blank or at the start),
// followed by a credit of at most eight words without a quotation mark,
// question or exclamation mark ("... on Monday. Photograph: Sam Lee/Example
// Agency").
bool EndsWithCreditLabel(std::string_view raw);

// True when the line is an article's audio player bar: it opens with
// "LISTEN TO ARTICLE " and a duration ("LISTEN TO ARTICLE 3:13 SHARE THIS
// ARTICLE Share Tweet Post Email"), at most 20 words.
bool IsListenToArticleBar(std::string_view raw);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_LABEL_LINES_H_
