// Command-line arguments: `leastpriv COMMAND [--flag VALUE | --switch | POSITIONAL]…`.
//
// Tested by: tests/cli/cli_test.py (through the binary)
//
// IMPLEMENTATION: each command declares which flags take a value and which are switches;
// anything else is a usage error (exit 2), so a mistyped flag never silently does nothing.
#pragma once

#include "model/result.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace leastpriv::cli {

struct Arguments {
  std::map<std::string, std::string> values;  // --flag VALUE (last one wins)
  std::set<std::string> switches;             // --switch
  std::vector<std::string> positional;

  std::optional<std::string> value(const std::string& flag) const;
  bool has(const std::string& flag) const { return switches.count(flag) != 0; }
  // The value of a flag the command cannot do without.
  Result<std::string> required(const std::string& flag) const;
};

struct ArgumentSpec {
  std::set<std::string> value_flags;
  std::set<std::string> switch_flags;
  std::size_t max_positional = 0;
};

Result<Arguments> parse_arguments(const std::vector<std::string>& words, const ArgumentSpec& spec);

}  // namespace leastpriv::cli
