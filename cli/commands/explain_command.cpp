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
#include "cli/output_files.h"
#include "cli/report.h"
#include "engine/render/explain.h"
#include "model/findings.h"
#include "model/json_text.h"
#include "model/policy_input.h"
#include "support/interrupt_cleanup.h"
#include "support/process.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace leastpriv::cli {

namespace {

// How long `dot` may take: it draws one trie per changed entry in well under a second; a
// minute means it hangs.
constexpr double kDotDeadlineSeconds = 60;

// Runs `dot -Tsvg` on the DOT text (through temporary files: no shell, no pipes to deadlock).
Result<std::string> render_svg(const std::string& dot_text) {
  std::string directory = (std::filesystem::temp_directory_path() / "leastpriv-explain-XXXXXX").string();
  if (::mkdtemp(directory.data()) == nullptr) return Error{ErrorKind::kInternal, "cannot create a temporary directory"};
  const std::string input = directory + "/explain.dot";
  const std::string output = directory + "/explain.svg";
  const int tickets[] = {support::register_temporary(directory, true), support::register_temporary(input),
                         support::register_temporary(output)};
  {
    std::ofstream out(input, std::ios::binary);
    out << dot_text;
  }
  const support::ProcessResult run = support::run_process({"dot", "-Tsvg", input, "-o", output}, kDotDeadlineSeconds);
  std::ifstream in(output, std::ios::binary);
  std::stringstream svg;
  svg << in.rdbuf();
  std::filesystem::remove_all(directory);
  for (int ticket : tickets) support::unregister_temporary(ticket);
  if (!run.started && run.error.rfind("cannot run", 0) != 0) return Error{ErrorKind::kInternal, run.error};
  if (!run.started) {
    return Error{ErrorKind::kUsage,
                 "--format svg needs graphviz's `dot` on PATH, which was not found; install graphviz, or use "
                 "--format dot and render it elsewhere"};
  }
  if (run.timed_out || run.exit_status != 0 || svg.str().empty()) {
    return Error{ErrorKind::kInternal, "`dot -Tsvg` failed (" +
                                           (run.timed_out ? std::string("no answer in a minute")
                                                          : "exit status " + std::to_string(run.exit_status)) +
                                           ")" + (run.output.empty() ? "" : ": " + run.output)};
  }
  return svg.str();
}

}  // namespace

int run_explain(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("explain"));
  if (!arguments) return report_error(arguments.error());
  if (auto distinct = check_output_flags(*arguments, {"-o"}, {"--policy", "--findings", "--catalog"}); !distinct) {
    return report_error(distinct.error());
  }
  const std::string format = arguments->choice("--format");
  auto strategy = engine::make_strategy(arguments->value("--strategy").value_or("aws"));
  if (!strategy) return report_error(strategy.error());
  auto inputs = load_refine_inputs(*arguments);
  if (!inputs) return report_error(inputs.error());
  const std::string entry = arguments->value("--entry").value_or("");
  const auto explanations = engine::explain_refinement(inputs->original.document, inputs->findings, inputs->catalog,
                                                             **strategy, entry);
  if (!entry.empty() && explanations.empty()) {
    return report_error(Error{ErrorKind::kUsage, "no changed entry `" + entry + "` in " + inputs->policy_file.path +
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
  if (auto written = write_outputs({{"-o", arguments->value("-o").value_or(""), text}}); !written) {
    return report_error(written.error());
  }
  return kExitOk;
}

}  // namespace leastpriv::cli
