// The command line is declared once (cli/options.cpp): the README's "Command line" block is
// `leastpriv --help` verbatim, every declared flag is shown in its command's help and accepted
// by the parser, a single-valued flag given twice and an undeclared flag are usage errors
// (exit 2), and the exit codes are chosen in cli/ only (cli/exit_codes.h).
#include "cli/arguments.h"
#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/usage.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

constexpr const char* kBlockStart = "<!-- leastpriv --help: generated, scripts/update-readme-usage.sh -->";

// The text of the code block that follows kBlockStart in the README.
std::string readme_usage_block() {
  const std::string readme = testing::read_file(testing::source_path("README.md"));
  const auto marker = readme.find(kBlockStart);
  if (marker == std::string::npos) return "(no marker)";
  const auto open = readme.find("```\n", marker);
  const auto close = readme.find("\n```\n", open + 4);
  if (open == std::string::npos || close == std::string::npos) return "(no code block after the marker)";
  return readme.substr(open + 4, close + 1 - (open + 4));
}

// A value the parser accepts for `flag`.
std::string valid_value(const cli::Flag& flag) {
  if (!flag.choices.empty()) return flag.choices.back();
  if (flag.numeric) return "1";
  return "x.json";
}

TEST(UsageCli, ReadmeBlockIsTheHelpText) {
  const auto help = run_leastpriv({"--help"});
  ASSERT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.out, cli::full_usage());
  EXPECT_EQ(readme_usage_block(), help.out) << "run scripts/update-readme-usage.sh";
}

TEST(UsageCli, EveryDeclaredFlagIsShownInItsCommandsHelp) {
  ASSERT_FALSE(cli::commands().empty());
  for (const auto& command : cli::commands()) {
    const auto help = run_leastpriv({command.name, "--help"});
    ASSERT_EQ(help.exit_code, 0) << command.name;
    EXPECT_NE(help.out.find("leastpriv " + command.name), std::string::npos);
    for (const auto& flag : command.flags) {
      const std::string shown = flag.kind == cli::FlagKind::kSwitch ? flag.name : flag.name + " " + cli::value_placeholder(flag);
      EXPECT_NE(help.out.find("    " + shown + " "), std::string::npos) << command.name << " " << flag.name;
    }
  }
}

// Every declared flag is accepted by the parser and read back as given.
TEST(UsageCli, EveryDeclaredFlagIsParsedAndReadBack) {
  for (const auto& command : cli::commands()) {
    std::vector<std::string> words;
    for (const auto& flag : command.flags) {
      words.push_back(flag.name);
      if (flag.kind != cli::FlagKind::kSwitch) words.push_back(valid_value(flag));
    }
    for (std::size_t i = 0; i < command.min_positional; ++i) words.push_back("positional.json");
    const auto parsed = cli::parse_arguments(words, command);
    ASSERT_TRUE(parsed) << command.name << ": " << parsed.error().message;
    for (const auto& flag : command.flags) {
      switch (flag.kind) {
        case cli::FlagKind::kSwitch:
          EXPECT_TRUE(parsed->has(flag.name)) << flag.name;
          break;
        case cli::FlagKind::kRepeatable:
          EXPECT_EQ(parsed->values(flag.name), std::vector<std::string>{valid_value(flag)}) << flag.name;
          break;
        case cli::FlagKind::kValue:
          EXPECT_EQ(parsed->value(flag.name), valid_value(flag)) << flag.name;
          if (flag.numeric) {
            EXPECT_EQ(parsed->number(flag.name), 1.0) << flag.name;
          }
          break;
      }
    }
  }
}

// The flags each command's code reads by name (`value("--x")`, `has("--x")`, …) are declared
// for that command: Arguments refuses to read an undeclared flag at run time, and this finds
// such a read before any run reaches it. Files shared by several commands (inputs.cpp,
// refine_verification.cpp) may read a flag any command declares.
TEST(UsageCli, EveryFlagTheCodeReadsIsDeclared) {
  const std::regex read(R"re((?:value|has|number|values|required|choice)\("(-[-a-z]*)"\))re");
  std::size_t reads = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::source_path("cli"))) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string name = entry.path().stem().string();
    const std::string text = testing::read_file(entry.path().string());
    const cli::Command* own = nullptr;
    if (name.size() > 8 && name.substr(name.size() - 8) == "_command") {
      std::string command = name.substr(0, name.size() - 8);
      std::replace(command.begin(), command.end(), '_', '-');
      own = cli::find_command(command);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), read), end; it != end; ++it) {
      const std::string flag = (*it)[1];
      ++reads;
      if (own != nullptr) {
        EXPECT_NE(cli::find_flag(*own, flag), nullptr) << name << " reads " << flag << ", which " << own->name << " does not declare";
        continue;
      }
      const bool declared = std::any_of(cli::commands().begin(), cli::commands().end(),
                                        [&](const cli::Command& c) { return cli::find_flag(c, flag) != nullptr; });
      EXPECT_TRUE(declared) << name << " reads " << flag << ", which no command declares";
    }
  }
  EXPECT_GT(reads, 30u);  // the scan found the reads (a pattern that matches nothing checks nothing)
}

TEST(UsageCli, SingleValuedFlagGivenTwiceIsRefused) {
  const auto& refine = cli::declared_command("refine");
  const auto parsed = cli::parse_arguments({"--policy", "a.json", "--policy", "b.json", "--findings", "f.json"}, refine);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().kind, ErrorKind::kUsage);
  EXPECT_NE(parsed.error().message.find("--policy given twice"), std::string::npos) << parsed.error().message;

  const auto run = run_leastpriv({"refine", "--policy", "examples/seed/policy.json", "--findings",
                                  "examples/seed/findings.json", "--strategy", "aws", "--strategy", "char"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--strategy given twice"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(UsageCli, HelpIsAskedByAFlagNotByAFlagsValue) {
  EXPECT_EQ(run_leastpriv({"explain", "--findings", "examples/seed/findings.json", "-h"}).exit_code, 0);
  // `-h` as the value of --entry is an entry pattern, not a request for help.
  const auto entry = run_leastpriv({"explain", "--entry", "-h", "--findings", "examples/seed/findings.json"});
  EXPECT_EQ(entry.exit_code, 2) << entry.out;
  EXPECT_NE(entry.err.find("missing --policy"), std::string::npos) << entry.err;
}

TEST(UsageCli, RepeatableFlagKeepsEveryValueInOrder) {
  const auto parsed = cli::parse_arguments(
      {"--policy", "p", "--findings", "f", "--strategies", "aws,char", "--strategies", "exact"}, cli::declared_command("compare"));
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->values("--strategies"), (std::vector<std::string>{"aws,char", "exact"}));
}

TEST(UsageCli, UndeclaredFlagsMissingValuesAndPositionalsAreUsageErrors) {
  const auto& verify = cli::declared_command("verify");
  const std::vector<std::vector<std::string>> bad = {
      {"--original", "o", "--findings", "f", "--result", "r", "--bogus"},
      {"--original", "o", "--findings", "f", "--result", "r", "--timeout"},
      {"--original", "o", "--findings", "f", "--result", "r", "stray"},
      {"--original", "o", "--findings", "f"},
  };
  for (const auto& words : bad) {
    const auto parsed = cli::parse_arguments(words, verify);
    ASSERT_FALSE(parsed) << words.back();
    EXPECT_EQ(parsed.error().kind, ErrorKind::kUsage);
  }
  EXPECT_FALSE(cli::parse_arguments({}, cli::declared_command("check-certificate")));
  EXPECT_EQ(run_leastpriv({"catalog", "a", "b"}).exit_code, 2);
}

TEST(UsageCli, ChoicesAreCheckedAndDefaultToTheFirst) {
  const auto& explain = cli::declared_command("explain");
  const auto plain = cli::parse_arguments({"--policy", "p", "--findings", "f"}, explain);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->choice("--format"), "text");
  const auto bad = cli::parse_arguments({"--policy", "p", "--findings", "f", "--format", "png"}, explain);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("text, dot, svg"), std::string::npos) << bad.error().message;
}

TEST(UsageCli, NumbersAreWholeFiniteDecimalsWithinTheRule) {
  const cli::NumberRule seconds{86400, false};
  for (const std::string text : {"60", "0.5", "86400", "1.25"}) {
    const auto parsed = cli::parse_number("--timeout", text, seconds);
    ASSERT_TRUE(parsed) << text;
    EXPECT_DOUBLE_EQ(*parsed, std::stod(text));
  }
  for (const std::string text : {"", "0", "-1", "86401", " 5", "5 ", "5s", "0x10", "inf", "nan", "1e3", "+5"}) {
    const auto parsed = cli::parse_number("--timeout", text, seconds);
    ASSERT_FALSE(parsed) << "`" << text << "`";
    EXPECT_NE(parsed.error().message.find("`" + text + "`"), std::string::npos) << parsed.error().message;
  }
  const cli::NumberRule count{3, true};
  EXPECT_TRUE(cli::parse_number("--require-agreement", "2", count));
  EXPECT_FALSE(cli::parse_number("--require-agreement", "1.5", count));
  EXPECT_FALSE(cli::parse_number("--require-agreement", "2.0", count));  // a whole number is written as one
  EXPECT_FALSE(cli::parse_number("--require-agreement", "4", count));
  EXPECT_EQ(run_leastpriv({"verify", "--original", "o", "--findings", "f", "--result", "r", "--timeout", "1e3"}).exit_code, 2);
}

TEST(UsageCli, CommaSeparatedValuesAreTrimmedAndHaveNoEmptyItem) {
  const auto listed = cli::comma_separated("--solvers", "z3, cvc5 ,z3-wasm");
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  EXPECT_EQ(*listed, (std::vector<std::string>{"z3", "cvc5", "z3-wasm"}));
  for (const char* bad : {"", " ", "z3,", ",z3", "z3,,cvc5", "z3, ,cvc5"}) {
    const auto refused = cli::comma_separated("--solvers", bad);
    ASSERT_FALSE(refused.ok()) << "`" << bad << "` was accepted";
    EXPECT_EQ(refused.error().kind, ErrorKind::kUsage);
    EXPECT_NE(refused.error().message.find("--solvers"), std::string::npos) << refused.error().message;
  }
}

TEST(UsageCli, MissingInputFilesExit2) {
  const std::string seed = "examples/seed/";
  const auto verify = run_leastpriv({"verify", "--original", "/nonexistent/original.json", "--findings",
                                     seed + "findings.json", "--result", seed + "policy.json"});
  EXPECT_EQ(verify.exit_code, 2) << verify.err;
  EXPECT_NE(verify.err.find("/nonexistent/original.json"), std::string::npos) << verify.err;
  const auto result = run_leastpriv({"verify", "--original", seed + "policy.json", "--findings", seed + "findings.json",
                                     "--result", "/nonexistent/result.json"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
}

TEST(ExitCodes, EachLibraryOutcomeHasItsCode) {
  EXPECT_EQ(cli::exit_code_for(ErrorKind::kBadInput), 2);
  EXPECT_EQ(cli::exit_code_for(ErrorKind::kUsage), 2);
  EXPECT_EQ(cli::exit_code_for(ErrorKind::kInternal), 2);
  EXPECT_EQ(cli::exit_code_for(ErrorKind::kSolverUnknown), 3);
  EXPECT_EQ(cli::exit_code_for(verifier::Verdict::kProved), 0);
  EXPECT_EQ(cli::exit_code_for(verifier::Verdict::kCounterexample), 1);
  EXPECT_EQ(cli::exit_code_for(verifier::Verdict::kUnknown), 3);

  verifier::VerificationReport report;
  report.verdict = verifier::Verdict::kProved;
  EXPECT_EQ(cli::exit_code_for(report), 0);
  report.disagreement = true;  // two procedures disagreed: never a pass
  EXPECT_EQ(cli::exit_code_for(report), 3);

  verifier::RecheckReport recheck;
  EXPECT_EQ(cli::exit_code_for(recheck), 3);  // no solver ran: nothing is re-checked
  recheck.solvers_run = true;
  recheck.verdicts.push_back({"O1/s3", "z3", "unsat", 0.1});
  EXPECT_EQ(cli::exit_code_for(recheck), 0);
  recheck.verdicts.push_back({"O1/s3", "cvc5", "timeout", 60});
  EXPECT_EQ(cli::exit_code_for(recheck), 3);
  recheck.verdicts.push_back({"O2/s3", "z3", "sat", 0.1});
  EXPECT_EQ(cli::exit_code_for(recheck), 1);
  recheck.verdicts.resize(1);
  recheck.problems.push_back("original `p.json` hashes to …");
  EXPECT_EQ(cli::exit_code_for(recheck), 1);
}

}  // namespace
}  // namespace leastpriv
