// A unified line diff; see line_diff.h.
#include "engine/render/line_diff.h"

#include <algorithm>
#include <vector>

namespace leastpriv::engine {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

enum class Op { kKeep, kRemove, kAdd };

struct Edit {
  Op op;
  std::size_t before_line;  // index into before (kKeep, kRemove)
  std::size_t after_line;   // index into after (kKeep, kAdd)
};

// Myers' greedy forward search, keeping each round's frontier to trace the path back.
std::vector<Edit> shortest_edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size());
  const long m = static_cast<long>(b.size());
  const long max = n + m;
  const long offset = max + 1;
  std::vector<long> frontier(static_cast<std::size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  long final_d = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(frontier);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])) ? frontier[offset + k + 1]
                                                                                          : frontier[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      final_d = d;
      break;
    }
  }
  // Walk back from (n, m) through the saved frontiers.
  std::vector<Edit> edits;
  long x = n;
  long y = m;
  for (long d = final_d; d > 0; --d) {
    const std::vector<long>& v = trace[static_cast<std::size_t>(d)];
    const long k = x - y;
    const bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
    const long previous_k = down ? k + 1 : k - 1;
    const long previous_x = v[offset + previous_k];
    const long previous_y = previous_x - previous_k;
    while (x > previous_x + (down ? 0 : 1) && y > previous_y + (down ? 1 : 0)) {
      --x;
      --y;
      edits.push_back({Op::kKeep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (down) {
      --y;
      edits.push_back({Op::kAdd, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    } else {
      --x;
      edits.push_back({Op::kRemove, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x;
    --y;
    edits.push_back({Op::kKeep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& before_name,
                         const std::string& after_name) {
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const auto edits = shortest_edit_script(a, b);
  constexpr std::size_t kContext = 3;

  std::string out;
  std::size_t i = 0;
  while (i < edits.size()) {
    // Find the next change, then extend the hunk while changes are within 2*context lines.
    while (i < edits.size() && edits[i].op == Op::kKeep) ++i;
    if (i == edits.size()) break;
    const std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    while (end < edits.size()) {
      if (edits[end].op != Op::kKeep) {
        ++end;
        continue;
      }
      std::size_t run = end;
      while (run < edits.size() && edits[run].op == Op::kKeep) ++run;
      if (run == edits.size() || run - end > 2 * kContext) {
        end = std::min(run, end + kContext);
        break;
      }
      end = run;
    }
    if (out.empty()) out = "--- " + before_name + "\n+++ " + after_name + "\n";
    std::size_t before_start = 0;
    std::size_t after_start = 0;
    std::size_t before_count = 0;
    std::size_t after_count = 0;
    std::string body;
    bool before_set = false;
    bool after_set = false;
    for (std::size_t e = start; e < end; ++e) {
      const Edit& edit = edits[e];
      if (edit.op != Op::kAdd) {
        if (!before_set) before_start = edit.before_line, before_set = true;
        ++before_count;
      }
      if (edit.op != Op::kRemove) {
        if (!after_set) after_start = edit.after_line, after_set = true;
        ++after_count;
      }
      const char mark = edit.op == Op::kKeep ? ' ' : edit.op == Op::kRemove ? '-' : '+';
      body += mark;
      body += edit.op == Op::kAdd ? b[edit.after_line] : a[edit.before_line];
      body += '\n';
    }
    // GNU diff prints an empty range as the line before it.
    const std::size_t shown_before = before_count == 0 ? (start < edits.size() ? edits[start].before_line : a.size()) : before_start + 1;
    const std::size_t shown_after = after_count == 0 ? (start < edits.size() ? edits[start].after_line : b.size()) : after_start + 1;
    out += "@@ -" + std::to_string(shown_before) + "," + std::to_string(before_count) + " +" + std::to_string(shown_after) +
           "," + std::to_string(after_count) + " @@\n" + body;
    i = end;
  }
  return out;
}

}  // namespace leastpriv::engine
