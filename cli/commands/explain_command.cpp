// `leastpriv explain --policy P --findings F [--catalog C] [--entry PATTERN] [--strategy S]
//  [--format text|dot|svg] [-o OUT]`: why each changed entry became what it became, in words
// (text), or the token tries as Graphviz DOT (safe nodes green, unsafe orange, emitted nodes
// bold), or that picture rendered by graphviz's `dot -Tsvg` (a clear error when `dot` is not
// installed).
//
// Tested by: tests/cli/compare_explain_test.cpp
#include "cli/arguments.h"
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/report.h"
#include "engine/render/explain.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace leastpriv::cli {

namespace {

// The first executable `dot` on PATH.
std::string find_dot() {
  const char* path = std::getenv("PATH");
  std::stringstream directories(path != nullptr ? path : "");
  std::string directory;
  while (std::getline(directories, directory, ':')) {
    if (directory.empty()) continue;
    const std::string candidate = directory + "/dot";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Runs `dot -Tsvg` on the DOT text (through temporary files: no shell, no pipes to deadlock).
Result<std::string> render_svg(const std::string& dot_text) {
  const std::string dot = find_dot();
  if (dot.empty()) {
    return Error{ErrorKind::kUsage,
                 "--format svg needs graphviz's `dot` on PATH, which was not found; install graphviz, or use "
                 "--format dot and render it elsewhere"};
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "leastpriv-explain-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return Error{ErrorKind::kInternal, "cannot create a temporary directory"};
  const std::string input = pattern + "/explain.dot";
  const std::string output = pattern + "/explain.svg";
  {
    std::ofstream out(input, std::ios::binary);
    out << dot_text;
  }
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<std::string> argv_text = {dot, "-Tsvg", input, "-o", output};
    std::vector<char*> argv;
    for (auto& word : argv_text) argv.push_back(word.data());
    argv.push_back(nullptr);
    ::execv(dot.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  std::ifstream in(output, std::ios::binary);
  std::stringstream svg;
  svg << in.rdbuf();
  std::filesystem::remove_all(pattern);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || svg.str().empty()) {
    return Error{ErrorKind::kInternal, "`" + dot + " -Tsvg` failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")"};
  }
  return svg.str();
}

}  // namespace

int run_explain(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("explain"));
  if (!arguments) return report_error(arguments.error());
  const std::string format = arguments->choice("--format");
  auto strategy = engine::make_strategy(arguments->value("--strategy").value_or("aws"));
  if (!strategy) return report_error(strategy.error());
  auto inputs = load_refine_inputs(*arguments);
  if (!inputs) return report_error(inputs.error());
  const std::string entry = arguments->value("--entry").value_or("");
  const auto explanations = engine::explain_refinement(inputs->original.document, inputs->findings, inputs->catalog,
                                                             **strategy, entry);
  if (!entry.empty() && explanations.empty()) {
    return report_error(Error{ErrorKind::kUsage, "no changed entry `" + entry + "` in " + inputs->policy_path +
                                                     " (an entry that hides no unused action is kept as it is)"});
  }
  std::string text;
  if (format == "text") {
    text = engine::explanations_to_text(explanations, (*strategy)->name());
  } else {
    text = engine::explanations_to_dot(explanations);
    if (format == "svg") {
      auto svg = render_svg(text);
      if (!svg) return report_error(svg.error());
      text = std::move(svg).value();
    }
  }
  auto written = write_output(arguments->value("-o").value_or(""), text);
  if (!written) return report_error(written.error());
  return kExitOk;
}

}  // namespace leastpriv::cli
