// The command line declared once: every command's flags (name, value, single or repeatable,
// one help sentence), its positionals and its one-line purpose. The parser (arguments.cpp),
// `leastpriv --help`, `leastpriv COMMAND --help` (usage.cpp) and the README's "Command line"
// block (the output of `leastpriv --help`) are all generated from this one table, so a flag a
// command reads is a flag its help shows.
//
// Tested by: tests/cli/usage_cli_test.cpp (README block = `leastpriv --help`; every declared
// flag is parsed and shown; a single-valued flag given twice is refused),
// tests/cli/refine_cli_test.cpp
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace leastpriv::cli {

enum class FlagKind {
  kSwitch,      // `--no-verify`: present or not
  kValue,       // `--policy P.json`: at most once (twice is a usage error)
  kRepeatable,  // `--strategies a,b`: may be given again; every value is kept
};

// A value that must be a number: positive, at most `max`, an integer when `integer`.
struct NumberRule {
  double max = 0;
  bool integer = false;
};

struct Flag {
  std::string name;        // `--policy`, `-o`
  FlagKind kind = FlagKind::kValue;
  std::string value_name;  // `P.json`; generated from `choices` when those are given
  std::string help;        // one sentence, lowercase, no final period
  bool required = false;
  // When not empty, the value must be one of these; the first is the default.
  std::vector<std::string> choices;
  // When set, the value must be a number this rule allows.
  bool numeric = false;
  NumberRule number;
};

struct Command {
  std::string name;        // `refine`
  std::string purpose;     // one sentence for --help
  std::string positional;  // `CERT.json`; empty: the command takes none
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
  std::vector<Flag> flags;
  // Runs the command on the words after its name; returns the exit code (commands/).
  int (*run)(const std::vector<std::string>& words) = nullptr;
};

// Every command, in the order --help lists them; main() dispatches through this table.
const std::vector<Command>& commands();

// The command called `name`, or nullptr.
const Command* find_command(const std::string& name);

// The command a command's own file parses for: `name` must be declared (a bug otherwise).
const Command& declared_command(const std::string& name);

// The flag `name` of `command`, or nullptr.
const Flag* find_flag(const Command& command, const std::string& name);

// How a flag's value is written in usage lines: `P.json`, `policy|diff|recommendation`.
std::string value_placeholder(const Flag& flag);

// What a number rule allows, for help and error messages: `a positive number up to 86400`.
std::string describe_number_rule(const NumberRule& rule);

}  // namespace leastpriv::cli
