// Loading the inputs and shared options; see inputs.h.
#include "cli/inputs.h"

#include <cstdlib>

namespace leastpriv::cli {

Result<model::Catalog> load_catalog(const Arguments& arguments, const std::string& flag) {
  const auto path = arguments.value(flag);
  if (path) return model::Catalog::from_file(*path);
  return model::Catalog::embedded();
}

Result<RefineInputs> load_refine_inputs(const Arguments& arguments) {
  auto policy_path = arguments.required("--policy");
  if (!policy_path) return policy_path.error();
  auto findings_path = arguments.required("--findings");
  if (!findings_path) return findings_path.error();
  auto catalog = load_catalog(arguments);
  if (!catalog) return catalog.error();
  auto original = model::load_policy_file(*policy_path);
  if (!original) return original.error();
  if (original->detached) {
    return bad_input(*policy_path + ": a recommendation without CREATE_POLICY step is not a policy to refine");
  }
  auto findings = model::UnusedFindings::from_file(*findings_path);
  if (!findings) return findings.error();
  return RefineInputs{*policy_path, *findings_path, std::move(catalog).value(), std::move(original).value(),
                      std::move(findings).value()};
}

Result<std::string> format_choice(const Arguments& arguments, const std::vector<std::string>& allowed) {
  const std::string format = arguments.value("--format").value_or(allowed.front());
  std::string listing;
  for (const auto& name : allowed) {
    if (name == format) return format;
    listing += (listing.empty() ? "" : ", ") + name;
  }
  return Error{ErrorKind::kUsage, "unknown --format `" + format + "` (" + listing + ")"};
}

Result<std::optional<double>> timeout_choice(const Arguments& arguments) {
  const auto timeout = arguments.value("--timeout");
  if (!timeout) return std::optional<double>();
  char* end = nullptr;
  const double seconds = std::strtod(timeout->c_str(), &end);
  if (end == timeout->c_str() || *end != '\0' || !(seconds > 0)) {
    return Error{ErrorKind::kUsage, "--timeout needs a positive number of seconds, got `" + *timeout + "`"};
  }
  return std::optional<double>(seconds);
}

}  // namespace leastpriv::cli
