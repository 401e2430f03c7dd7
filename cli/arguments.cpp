// Command-line arguments; see arguments.h.
#include "cli/arguments.h"

#include "support/number_text.h"

#include <optional>
#include <cmath>
#include <stdexcept>

namespace leastpriv::cli {

namespace {

Error usage(std::string message) { return Error{ErrorKind::kUsage, std::move(message)}; }

std::string listing(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Checks `value` against the flag's choices and number rule; a number is kept in `numbers`.
Status check_value(const Flag& flag, const std::string& value, std::map<std::string, double>& numbers) {
  if (!flag.choices.empty()) {
    for (const auto& choice : flag.choices) {
      if (choice == value) return Ok{};
    }
    return usage("unknown " + flag.name + " `" + value + "` (" + listing(flag.choices) + ")");
  }
  if (flag.numeric) {
    auto number = parse_number(flag.name, value, flag.number);
    if (!number) return number.error();
    numbers[flag.name] = *number;
  }
  return Ok{};
}

}  // namespace

const Flag& Arguments::declared(const std::string& flag, FlagKind kind) const {
  const Flag* found = find_flag(*command_, flag);
  if (found == nullptr || found->kind != kind) {
    throw std::logic_error("`" + command_->name + "` reads " + flag + ", which options.cpp does not declare so");
  }
  return *found;
}

std::optional<std::string> Arguments::value(const std::string& flag) const {
  declared(flag, FlagKind::kValue);
  const auto found = values_.find(flag);
  if (found == values_.end()) return std::nullopt;
  return found->second.front();
}

std::string Arguments::choice(const std::string& flag) const {
  const Flag& declaration = declared(flag, FlagKind::kValue);
  return value(flag).value_or(declaration.choices.empty() ? std::string() : declaration.choices.front());
}

std::optional<double> Arguments::number(const std::string& flag) const {
  declared(flag, FlagKind::kValue);
  const auto found = numbers_.find(flag);
  if (found == numbers_.end()) return std::nullopt;
  return found->second;
}

std::vector<std::string> Arguments::values(const std::string& flag) const {
  declared(flag, FlagKind::kRepeatable);
  const auto found = values_.find(flag);
  return found == values_.end() ? std::vector<std::string>() : found->second;
}

bool Arguments::has(const std::string& flag) const {
  declared(flag, FlagKind::kSwitch);
  return switches_.count(flag) != 0;
}

Result<std::string> Arguments::required(const std::string& flag) const {
  auto found = value(flag);
  if (!found) return usage("missing " + flag);
  return *found;
}

Result<Arguments> parse_arguments(const std::vector<std::string>& words, const Command& command) {
  Arguments arguments(command);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.size() <= 1 || word[0] != '-') {
      if (arguments.positional_.size() >= command.max_positional) {
        return usage("unexpected argument `" + word + "`");
      }
      arguments.positional_.push_back(word);
      continue;
    }
    const Flag* flag = find_flag(command, word);
    if (flag == nullptr) return usage("unknown option `" + word + "`");
    if (flag->kind == FlagKind::kSwitch) {
      arguments.switches_.insert(word);  // a switch repeated means the same: no ambiguity to refuse
      continue;
    }
    if (i + 1 >= words.size()) return usage(word + " needs a value");
    auto& given = arguments.values_[word];
    if (flag->kind == FlagKind::kValue && !given.empty()) {
      return usage(word + " given twice (`" + given.front() + "` and `" + words[i + 1] + "`)");
    }
    given.push_back(words[++i]);
    auto checked = check_value(*flag, given.back(), arguments.numbers_);
    if (!checked) return checked.error();
  }
  for (const auto& flag : command.flags) {
    if (flag.required && arguments.values_.count(flag.name) == 0) return usage("missing " + flag.name);
  }
  if (arguments.positional_.size() < command.min_positional) {
    return usage(command.name + " needs " + command.positional);
  }
  return arguments;
}

Result<double> parse_number(const std::string& flag, const std::string& text, const NumberRule& rule) {
  // A whole number is written as one (`2`, not `2.0`).
  std::optional<double> value;
  if (rule.integer) {
    if (auto whole = support::parse_whole_number(text)) value = static_cast<double>(*whole);
  } else {
    value = support::parse_decimal(text);
  }
  if (!value || !std::isfinite(*value) || !(*value > 0) || *value > rule.max) {
    return usage(flag + " needs " + describe_number_rule(rule) + ", got `" + text + "`");
  }
  return *value;
}

Result<std::vector<std::string>> comma_separated(const std::string& flag, const std::string& value) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = value.find(',', begin);
    std::string item = value.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    const std::size_t first = item.find_first_not_of(' ');
    item = first == std::string::npos ? std::string() : item.substr(first, item.find_last_not_of(' ') - first + 1);
    if (item.empty()) return Error{ErrorKind::kUsage, flag + " `" + value + "`: an empty item (expected ITEM,ITEM,...)"};
    items.push_back(std::move(item));
    if (comma == std::string::npos) return items;
    begin = comma + 1;
  }
}

}  // namespace leastpriv::cli
