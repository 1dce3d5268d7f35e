#include "src/clean/widget_lines.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <string_view>

namespace whosaid {
namespace clean_internal {
namespace {

TEST(WidgetLinesTest, GalleryCounterNeedsBothNumbers) {
  EXPECT_TRUE(HasGalleryCounter("The pier at dawn. Hide Caption 3 of 22"));
  EXPECT_TRUE(HasGalleryCounter("Volunteers fill sandbags. caption 12 of 40"));
  EXPECT_FALSE(HasGalleryCounter("Hide Caption 3 of the 22 photos"));
  EXPECT_FALSE(HasGalleryCounter("Hide Caption of 22"));
  EXPECT_FALSE(HasGalleryCounter("The caption 3 was wrong"));
  // "aption" must be the end of "caption", not of "adaption".
  EXPECT_FALSE(HasGalleryCounter("An adaption 3 of 5 novels"));
  EXPECT_FALSE(HasGalleryCounter(""));
}

TEST(WidgetLinesTest, VideoPlaylistOpensWithThePlayersLabel) {
  EXPECT_TRUE(IsVideoPlaylist(
      "JUST WATCHED Ferry service resumes Replay More Videos ... MUST WATCH "
      "Ferry service resumes 02:41"));
  EXPECT_TRUE(IsVideoPlaylist("  JUST WATCHED Clip Replay More Videos"));
  // The label must open the line, and the replay link must be there.
  EXPECT_FALSE(
      IsVideoPlaylist("She said she had JUST WATCHED it. Replay More Videos"));
  EXPECT_FALSE(IsVideoPlaylist("JUST WATCHED the council vote live"));
  EXPECT_FALSE(IsVideoPlaylist("Just watched Clip Replay More Videos"));
}

// Regression: an audio player's line ("Politics <title> <title> Listen ·
// 5:21 5:21") stayed in the text, and its title became a speaker's name.
TEST(WidgetLinesTest, AudioPlayerEndsWithListenAndADuration) {
  EXPECT_TRUE(
      IsAudioPlayer("Politics Harbor Vote Nears Harbor Vote Nears Listen "
                    "\xC2\xB7 5:21 5:21"));
  EXPECT_TRUE(IsAudioPlayer("Pier Talks Listen \xC2\xB7 1:02:15  "));
  // A duration must end the line, after the label.
  EXPECT_FALSE(IsAudioPlayer("Listen \xC2\xB7 5:21 5:21 Then she left."));
  EXPECT_FALSE(IsAudioPlayer("She said: Listen \xC2\xB7 now"));
  EXPECT_FALSE(IsAudioPlayer("Listen \xC2\xB7 5:2"));
  EXPECT_FALSE(IsAudioPlayer("Listen to the 5:21 train"));
}

TEST(WidgetLinesTest, MediaCaptionOpensWithTheWidgetsLabel) {
  EXPECT_TRUE(IsMediaCaption(
      "Media playback is unsupported on your device Media caption Harbor "
      "pier reopens"));
  EXPECT_TRUE(IsMediaCaption("Media caption The mayor speaks"));
  EXPECT_TRUE(
      IsMediaCaption("  Image copyright AP Image caption The pier in 1950"));
  // The label must open the line.
  EXPECT_FALSE(IsMediaCaption("The Image caption contest drew 40 entries"));
  EXPECT_FALSE(IsMediaCaption("Media captions were added later, she said"));
}

TEST(WidgetLinesTest, SignUpFormNeedsAFormWordAndAConsentPhrase) {
  EXPECT_TRUE(IsSignUpForm(
      "Get the Harbor Brief delivered to your inbox. By signing up, you "
      "agree to our Privacy Policy",
      120));
  EXPECT_TRUE(IsSignUpForm(
      "Morning Harbor A daily briefing, weekday mornings. Email Sign Up By "
      "signing up you agree to receive email newsletters. You can "
      "unsubscribe at any time. This site is protected by reCAPTCHA.",
      120));
  EXPECT_TRUE(IsSignUpForm("Get our daily newsletter Upgrade your inbox", 120));
  // One of the two alone is prose about newsletters or subscribers.
  EXPECT_FALSE(IsSignUpForm(
      "The paper's newsletter lost 4,000 subscribers after the change.", 120));
  EXPECT_FALSE(IsSignUpForm(
      "Residents who sign up for the program get a discount, she said.", 120));
  EXPECT_FALSE(IsSignUpForm(
      "The company changed its privacy policy, which users must accept.", 120));
  EXPECT_FALSE(
      IsSignUpForm("Bills arrive in your inbox each month, he said.", 120));
  EXPECT_FALSE(IsSignUpForm(
      "When another plea landed in her inbox, she unsubscribed.", 120));
  EXPECT_FALSE(IsSignUpForm(
      "It lets recipients unsubscribe, which is your right under the privacy "
      "policy.",
      120));
  // A long quotation is someone speaking, not a form.
  EXPECT_FALSE(IsSignUpForm(
      "A spokesperson told the paper, \u201cAll users agree to our Terms of "
      "Service when they sign up to use the site.\u201d",
      120));
  // Too long for a form.
  EXPECT_FALSE(IsSignUpForm(
      "Sign up here, you agree to our terms " + std::string(600, 'a'), 5));
}

// HasFormWordBytes against the eight memmem scans it replaced (branch
// speed23): every spelling at every offset of short lines, near misses
// (one byte changed, cut short, split over the line's end) and 200,000
// random lines of the spellings' fragments.
bool MemmemGate(std::string_view raw) {
  for (std::string_view needle :
       {"nbox", "ign up", "ign Up", "igning up", "ewsletter", "ubscribe",
        "APTCHA", "aptcha"}) {
    if (memmem(raw.data(), raw.size(), needle.data(), needle.size()) !=
        nullptr) {
      return true;
    }
  }
  return false;
}

TEST(WidgetLinesTest, FormWordGateFindsWhatMemmemFinds) {
  const std::string_view spellings[] = {"nbox",      "ign up",    "ign Up",
                                        "igning up", "ewsletter", "ubscribe",
                                        "APTCHA",    "aptcha"};
  const std::string filler = "the pier was closed on Monday ";
  int found = 0;
  for (std::string_view sp : spellings) {
    for (size_t before = 0; before <= 12; ++before) {
      for (size_t after = 0; after <= 3; ++after) {
        std::string line = filler.substr(0, before) + std::string(sp) +
                           filler.substr(0, after);
        EXPECT_TRUE(HasFormWordBytes(line)) << line;
        EXPECT_EQ(HasFormWordBytes(line), MemmemGate(line)) << line;
        found += HasFormWordBytes(line);
        // Every byte changed (to one of the spellings' letters or a
        // blank), and the spelling cut short at either end.
        for (size_t k = 0; k < sp.size(); ++k) {
          for (char c : std::string_view("xgwbPp u")) {
            std::string near = line;
            near[before + k] = c;
            EXPECT_EQ(HasFormWordBytes(near), MemmemGate(near)) << near;
          }
          std::string head = line.substr(0, before + k);
          EXPECT_EQ(HasFormWordBytes(head), MemmemGate(head)) << head;
          std::string tail = line.substr(before + k + 1);
          EXPECT_EQ(HasFormWordBytes(tail), MemmemGate(tail)) << tail;
        }
      }
    }
  }
  EXPECT_EQ(found, 8 * 13 * 4);
  EXPECT_FALSE(HasFormWordBytes(""));
  EXPECT_FALSE(HasFormWordBytes("x"));
  EXPECT_FALSE(HasFormWordBytes("Sign-up sheets and a news letter"));
  // Random lines of fragments of the spellings and single letters, so
  // that whole spellings, overlaps and near misses all occur.
  std::mt19937 rng(23);
  const std::string_view letters = "nboxigu Upewslterca PTCHAh";
  int agree_true = 0;
  for (int r = 0; r < 200000; ++r) {
    std::string line;
    const int parts = static_cast<int>(rng() % 6);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 2 == 0) {
        line += letters[rng() % letters.size()];
        continue;
      }
      std::string_view sp = spellings[rng() % 8];
      const size_t b = rng() % sp.size();
      line += sp.substr(b, 1 + rng() % (sp.size() - b));
    }
    const bool want = MemmemGate(line);
    ASSERT_EQ(HasFormWordBytes(line), want) << line;
    agree_true += want;
  }
  // The random lines hold some spellings (else the comparison says little).
  EXPECT_GT(agree_true, 0);
}

}  // namespace
}  // namespace clean_internal
}  // namespace whosaid
