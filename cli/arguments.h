// Command-line arguments: `leastpriv COMMAND [--flag VALUE | --switch | POSITIONAL]…`, parsed
// against the command's declaration in options.cpp; the strict number parser every numeric
// flag goes through; and the one reader of comma-separated flag values.
//
// Tested by: tests/cli/usage_cli_test.cpp, tests/cli/refine_cli_test.cpp (through the binary)
//
// IMPLEMENTATION: anything the table does not declare is a usage error (exit 2), so a
// mistyped flag never silently does nothing; a single-valued flag given twice is one too,
// since silently keeping either value would hide a mistake in a script. Choices and number
// rules are checked here, once, so commands read values that are already valid.
#pragma once

#include "cli/options.h"
#include "model/result.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace leastpriv::cli {

class Arguments {
 public:
  explicit Arguments(const Command& command) : command_(&command) {}

  // The value of a kValue flag, when given.
  std::optional<std::string> value(const std::string& flag) const;
  // A choice flag's value, or its default (the first choice) when not given.
  std::string choice(const std::string& flag) const;
  // A numeric flag's value, when given (already checked against its rule).
  std::optional<double> number(const std::string& flag) const;
  // Every value of a kRepeatable flag, in the order given.
  std::vector<std::string> values(const std::string& flag) const;
  // Whether a switch was given.
  bool has(const std::string& flag) const;
  // The value of a flag the command cannot do without (the parser already refused its absence
  // for flags the table marks required).
  Result<std::string> required(const std::string& flag) const;

  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend Result<Arguments> parse_arguments(const std::vector<std::string>& words, const Command& command);
  // INVARIANT: commands read only flags their declaration has; reading another is a bug,
  // reported (as an internal error) rather than silently answered with "not given".
  const Flag& declared(const std::string& flag, FlagKind kind) const;

  const Command* command_;
  std::map<std::string, std::vector<std::string>> values_;
  std::map<std::string, double> numbers_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
};

Result<Arguments> parse_arguments(const std::vector<std::string>& words, const Command& command);

// `text` as the number `flag` needs: the whole text a finite decimal number (no leading
// blanks, no trailing junk, no hex, inf or nan) that `rule` allows; else a usage error naming
// the flag and the text.
Result<double> parse_number(const std::string& flag, const std::string& text, const NumberRule& rule);

// `value` of `flag` as a comma-separated list (`A,B` or `A, B`): each item without the blanks
// around it; an empty item is a usage error naming the flag and the value.
Result<std::vector<std::string>> comma_separated(const std::string& flag, const std::string& value);

}  // namespace leastpriv::cli
