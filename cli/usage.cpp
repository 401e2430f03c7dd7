// Help texts; see usage.h.
//
// IMPLEMENTATION: plain text that reads the same in a terminal and in the README's code block:
// synopses wrapped at kWidth columns under the command name, flag names aligned in one column
// across all commands so the README block reads as one table.
#include "cli/usage.h"

#include <algorithm>

namespace leastpriv::cli {

namespace {

constexpr std::size_t kWidth = 100;
constexpr const char* kExitCodes =
    "exit codes: 0 done/proved, 1 verification failed, 2 bad input or usage, 3 solver unknown or timeout,\n"
    "            4 a result over its IAM size limit (account; written and marked `over`),\n"
    "            130/143 interrupted (SIGINT/SIGTERM; nothing half-written is left)\n";

std::string flag_and_value(const Flag& flag) {
  return flag.kind == FlagKind::kSwitch ? flag.name : flag.name + " " + value_placeholder(flag);
}

// `leastpriv refine --policy P.json … [-o OUT]`, wrapped under the first flag.
std::string synopsis(const Command& command) {
  std::vector<std::string> words;
  if (!command.positional.empty()) words.push_back(command.positional);
  for (const auto& flag : command.flags) {
    words.push_back(flag.required ? flag_and_value(flag) : "[" + flag_and_value(flag) + "]");
  }
  const std::string head = "leastpriv " + command.name + " ";
  const std::string indent(head.size(), ' ');
  std::string text = head;
  std::size_t column = head.size();
  bool first_on_line = true;
  for (const auto& word : words) {
    if (!first_on_line && column + 1 + word.size() > kWidth) {
      text += "\n" + indent;
      column = indent.size();
      first_on_line = true;
    }
    if (!first_on_line) {
      text += " ";
      ++column;
    }
    text += word;
    column += word.size();
    first_on_line = false;
  }
  return text + "\n";
}

// What the table says beyond the help sentence: required, the default choice, the number rule.
std::string flag_notes(const Flag& flag) {
  std::string notes;
  if (flag.required) notes += " (required)";
  if (!flag.choices.empty()) notes += " (default: " + flag.choices.front() + ")";
  if (flag.numeric) notes += " (" + describe_number_rule(flag.number) + ")";
  return notes;
}

// The column where help sentences start: after the longest `--flag VALUE` that fits.
std::size_t help_column() {
  std::size_t widest = 0;
  for (const auto& command : commands()) {
    for (const auto& flag : command.flags) {
      const std::size_t width = flag_and_value(flag).size();
      if (width <= 24) widest = std::max(widest, width);
    }
  }
  return 4 + widest + 2;
}

// `words` appended to `line` (which ends at its own column), wrapped at kWidth; continuation
// lines start at `indent`.
std::string wrapped(std::string line, const std::string& words, std::size_t indent) {
  std::string text;
  bool first_on_line = true;
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    const std::string word = words.substr(start, end - start);
    start = end + 1;
    if (!first_on_line && line.size() + 1 + word.size() > kWidth) {
      text += line + "\n";
      line = std::string(indent, ' ');
      first_on_line = true;
    }
    line += (first_on_line ? "" : " ") + word;
    first_on_line = false;
  }
  return text + line + "\n";
}

std::string command_block(const Command& command) {
  std::string text = synopsis(command) + "  " + command.purpose + "\n";
  const std::size_t column = help_column();
  for (const auto& flag : command.flags) {
    std::string line = "    " + flag_and_value(flag);
    line += line.size() + 2 <= column ? std::string(column - line.size(), ' ') : std::string(2, ' ');
    text += wrapped(line, flag.help + flag_notes(flag), column);
  }
  return text;
}

}  // namespace

std::string full_usage() {
  std::string text = "usage: leastpriv COMMAND [FLAG...]\n\n";
  for (const auto& command : commands()) text += command_block(command) + "\n";
  text += "leastpriv --version\n  the version and the embedded catalog's source and date\n";
  text += "leastpriv COMMAND --help\n  that command's usage, flags and the exit codes\n\n";
  return text + kExitCodes;
}

std::string command_usage(const Command& command) { return "usage:\n" + command_block(command) + "\n" + kExitCodes; }

}  // namespace leastpriv::cli
