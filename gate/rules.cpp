// The gate's rules; see rules.h.
#include "gate/rules.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace leastpriv::gate {

const char* level_name(Level level) {
  switch (level) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kNote: return "note";
  }
  return "error";
}

const std::vector<Rule>& gate_rules() {
  static const std::vector<Rule> rules = {
      {kNewAccess, "new-access", Level::kError, "A policy allows a request its version before does not",
       "The changed policy allows an action (in some resource and condition scope) that the version before the "
       "change did not allow: proved by leastpriv's portfolio (Z3, cvc5 and an exact automaton) over all action "
       "strings, with Deny statements on both sides taken by their meaning. Narrow the statement named, or accept the "
       "new access explicitly (--ignore)."},
      {kOpaqueAction, "opaque-action", Level::kError, "A policy's actions depend on a value not known before deployment",
       "An intrinsic function (Ref, Fn::Sub, Fn::If, Fn::Join, ...) stands where the policy's actions are decided "
       "(a statement, its Effect, Action or NotAction). leastpriv never guesses such a value, so the policy cannot be "
       "checked. Write the actions out; intrinsics in Resource and Condition are fine."},
      {kUnknownValue, "unknown-value", Level::kError, "A policy is known only after apply",
       "The Terraform plan marks the policy as unknown until apply (after_unknown), so it cannot be checked. Make the "
       "policy document known at plan time (e.g. a literal or jsonencode of known values)."},
      {kNewPolicy, "new-policy", Level::kWarning, "A policy with no version before",
       "The policy is new in this change: everything it allows is new access. Review it as a whole."},
      {kUnusedAccess, "unused-access", Level::kWarning, "A policy allows actions that its findings show unused",
       "IAM Access Analyzer's unused-access findings name actions the policy allows and the principal does not use. "
       "leastpriv refined the policy (AWS's own generalization rule) and proved the result allows exactly the "
       "original minus the unused actions; the refined policy is in the result's properties."},
      {kUndecided, "undecided", Level::kNote, "A check could not be decided",
       "A solver timed out, said unknown, or the procedures disagreed; or the version before could not be read. "
       "Never a pass: the gate exits 3 when nothing else blocks."},
  };
  return rules;
}

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

const Rule* find_rule(const std::string& id_or_name) {
  const std::string wanted = lower(id_or_name);
  for (const auto& rule : gate_rules()) {
    if (lower(rule.id) == wanted || rule.name == wanted) return &rule;
  }
  return nullptr;
}

const Rule& rule(const std::string& id) {
  const Rule* found = find_rule(id);
  if (found == nullptr) throw std::logic_error("no gate rule `" + id + "`");
  return *found;
}

}  // namespace leastpriv::gate
