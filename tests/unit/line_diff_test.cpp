// Tests of the unified line diff (engine/render/line_diff.h), differential against GNU diff -u.
#include "engine/render/line_diff.h"

#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace leastpriv::engine {
namespace {

std::string gnu_diff(const std::string& before, const std::string& after) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/a", before);
  testing::write_file(dir + "/b", after);
  const std::string command = "diff -u --label a --label b " + dir + "/a " + dir + "/b";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, read);
  ::pclose(pipe);
  return out;
}

TEST(LineDiff, IdenticalTextsGiveNoDiff) { EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "a", "b"), ""); }

// Applies a unified diff to `before`; hunks must match their context exactly.
std::string apply_diff(const std::string& before, const std::string& diff) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < before.size();) {
    const auto end = before.find('\n', start);
    lines.push_back(before.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> out;
  std::size_t next = 0;  // next unread line of before
  std::size_t position = 0;
  while (position < diff.size()) {
    const auto end = diff.find('\n', position);
    const std::string line = diff.substr(position, end - position);
    position = end + 1;
    if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0) continue;
    if (line.rfind("@@", 0) == 0) {
      std::size_t from = std::stoul(line.substr(4));
      const std::size_t count = std::stoul(line.substr(line.find(',') + 1));
      if (count > 0) --from;
      while (next < from) out.push_back(lines[next++]);
      continue;
    }
    if (line[0] == '+') {
      out.push_back(line.substr(1));
    } else {
      EXPECT_EQ(lines.at(next), line.substr(1));
      if (line[0] == ' ') out.push_back(lines[next]);
      ++next;
    }
  }
  while (next < lines.size()) out.push_back(lines[next++]);
  std::string text;
  for (const auto& line : out) text += line + "\n";
  return text;
}

std::size_t changed_lines(const std::string& diff) {
  std::size_t count = 0;
  for (std::size_t position = 0; position < diff.size();) {
    const auto end = diff.find('\n', position);
    const char mark = diff[position];
    const bool header = diff.compare(position, 3, "---") == 0 || diff.compare(position, 3, "+++") == 0;
    if (!header && (mark == '+' || mark == '-')) ++count;
    position = end + 1;
  }
  return count;
}

// Both are shortest edit scripts; ties may be broken differently, so compare what matters:
// the diff turns `before` into `after`, and changes as few lines as GNU diff's.
TEST(LineDiff, AppliesAndIsAsShortAsGnuDiffOnRandomEdits) {
  std::mt19937 random(20261126);
  for (int round = 0; round < 200; ++round) {
    std::string before;
    std::string after;
    const int lines = static_cast<int>(random() % 30);
    for (int i = 0; i < lines; ++i) {
      const std::string line = "line " + std::to_string(random() % 8) + "\n";
      const int fate = static_cast<int>(random() % 6);
      if (fate != 0) before += line;
      if (fate != 1) after += line;
      if (fate == 2) after += "new " + std::to_string(random() % 5) + "\n";
    }
    const std::string ours = unified_diff(before, after, "a", "b");
    EXPECT_EQ(apply_diff(before, ours), after) << "round " << round << "\n" << ours;
    EXPECT_EQ(changed_lines(ours), changed_lines(gnu_diff(before, after))) << "round " << round;
    EXPECT_EQ(ours.empty(), before == after);
  }
}

}  // namespace
}  // namespace leastpriv::engine
