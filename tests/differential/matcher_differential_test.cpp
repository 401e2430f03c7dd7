// Exhaustive comparison over a tiny alphabet (as RE2's exhaustive tester does): every
// pattern over {a, B, *, ?, :} up to length 4 against every string over {a, b, :} up to
// length 4 (and upper-case variants) — the engine's matcher must agree with the reference
// matcher in spec/, and its language questions with brute force.
#include "engine/match/action_pattern.h"
#include "spec/reference_matcher.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace leastpriv {
namespace {

TEST(MatcherDifferential, EngineMatcherAgreesWithReferenceOnEveryShortPatternAndString) {
  const auto patterns = testing::all_words("aB*?:", 4);
  const auto strings = testing::all_words("ab:A", 4);
  std::size_t checked = 0;
  for (const auto& pattern : patterns) {
    const engine::ActionPattern compiled(pattern);
    for (const auto& text : strings) {
      const bool expected = spec::reference_matches(pattern, text);
      ASSERT_EQ(compiled.matches(model::to_lower_ascii(text)), expected) << "pattern `" << pattern << "` string `" << text << "`";
      ++checked;
    }
  }
  EXPECT_GT(checked, 100000u);
}

TEST(MatcherDifferential, PrefixLanguageQuestionsAgreeWithBruteForce) {
  // A glob of length n decides membership of p·s by |s| <= n + 1 when it rejects some p·s,
  // since a shortest rejected suffix never needs more than one character per pattern position.
  const auto patterns = testing::all_words("ab*?", 4);
  const auto prefixes = testing::all_words("ab", 3);
  const auto suffixes = testing::all_words("abc", 5);
  for (const auto& pattern : patterns) {
    const engine::ActionPattern compiled(pattern);
    for (const auto& prefix : prefixes) {
      bool all = true;
      bool some = false;
      for (const auto& suffix : suffixes) {
        const bool matched = spec::reference_matches(pattern, prefix + suffix);
        all = all && matched;
        some = some || matched;
      }
      ASSERT_EQ(compiled.includes_all_with_prefix(prefix), all) << "pattern `" << pattern << "` prefix `" << prefix << "`";
      ASSERT_EQ(compiled.matches_some_with_prefix(prefix), some) << "pattern `" << pattern << "` prefix `" << prefix << "`";
    }
  }
}

}  // namespace
}  // namespace leastpriv
