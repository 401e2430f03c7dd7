// Command-line arguments; see arguments.h.
#include "cli/arguments.h"

namespace leastpriv::cli {

std::optional<std::string> Arguments::value(const std::string& flag) const {
  const auto found = values.find(flag);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

Result<std::string> Arguments::required(const std::string& flag) const {
  auto found = value(flag);
  if (!found) return Error{ErrorKind::kUsage, "missing " + flag};
  return *found;
}

Result<Arguments> parse_arguments(const std::vector<std::string>& words, const ArgumentSpec& spec) {
  Arguments arguments;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.size() > 1 && word[0] == '-') {
      if (spec.value_flags.count(word) != 0) {
        if (i + 1 >= words.size()) return Error{ErrorKind::kUsage, word + " needs a value"};
        arguments.values[word] = words[++i];
      } else if (spec.switch_flags.count(word) != 0) {
        arguments.switches.insert(word);
      } else {
        return Error{ErrorKind::kUsage, "unknown option `" + word + "`"};
      }
    } else {
      if (arguments.positional.size() >= spec.max_positional) {
        return Error{ErrorKind::kUsage, "unexpected argument `" + word + "`"};
      }
      arguments.positional.push_back(word);
    }
  }
  return arguments;
}

}  // namespace leastpriv::cli
