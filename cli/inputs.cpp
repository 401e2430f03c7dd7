// Loading the inputs; see inputs.h.
#include "cli/inputs.h"

#include "model/json_text.h"

namespace leastpriv::cli {

Result<CatalogInput> load_catalog_input(const Arguments& arguments, const std::string& flag) {
  const auto path = arguments.value(flag);
  if (!path) {
    auto catalog = model::Catalog::embedded();
    if (!catalog) return catalog.error();
    return CatalogInput{std::move(catalog).value(), std::nullopt};
  }
  auto file = model::read_input_file(*path);
  if (!file) return file.error();
  auto catalog = model::Catalog::from_file_text(file->bytes, file->path);
  if (!catalog) return catalog.error();
  return CatalogInput{std::move(catalog).value(), std::move(file).value()};
}

Result<model::Catalog> load_catalog(const Arguments& arguments, const std::string& flag) {
  auto loaded = load_catalog_input(arguments, flag);
  if (!loaded) return loaded.error();
  return std::move(loaded->catalog);
}

Result<model::VerificationFiles> read_verification_files(const Arguments& arguments) {
  model::VerificationFiles files;
  const std::pair<const char*, model::InputFile*> named[] = {
      {"--original", &files.original}, {"--findings", &files.findings}, {"--result", &files.result}};
  for (const auto& [flag, file] : named) {
    auto read = model::read_input_file(arguments.value(flag).value_or(""));
    if (!read) return read.error();
    *file = std::move(read).value();
  }
  if (auto catalog = arguments.value("--catalog")) {
    auto read = model::read_input_file(*catalog);
    if (!read) return read.error();
    files.catalog_file = std::move(read).value();
  }
  return files;
}

Result<verifier::AccessCheckFiles> read_access_check_files(const Arguments& arguments) {
  verifier::AccessCheckFiles files;
  for (const auto& value : arguments.values("--access-not-granted")) {
    auto actions = comma_separated("--access-not-granted", value);
    if (!actions) return actions.error();
    for (auto& action : *actions) files.access_not_granted.push_back(std::move(action));
  }
  const auto reference = arguments.value("--reference");
  if (!reference && files.access_not_granted.empty()) {
    return Error{ErrorKind::kUsage, "give --reference OLD (no new access) or --access-not-granted ACTIONS, or both"};
  }
  auto candidate = model::read_input_file(arguments.value("--candidate").value_or(""));
  if (!candidate) return candidate.error();
  files.candidate = std::move(candidate).value();
  if (reference) {
    auto read = model::read_input_file(*reference);
    if (!read) return read.error();
    files.reference = std::move(read).value();
  }
  if (auto catalog = arguments.value("--catalog")) {
    auto read = model::read_input_file(*catalog);
    if (!read) return read.error();
    files.catalog_file = std::move(read).value();
  }
  return files;
}

Result<RefineInputs> load_refine_inputs(const Arguments& arguments) {
  auto policy_path = arguments.required("--policy");
  if (!policy_path) return policy_path.error();
  auto findings_path = arguments.required("--findings");
  if (!findings_path) return findings_path.error();
  auto catalog = load_catalog_input(arguments);
  if (!catalog) return catalog.error();
  auto policy_file = model::read_input_file(*policy_path);
  if (!policy_file) return policy_file.error();
  auto original = model::load_policy_text(policy_file->bytes, policy_file->path);
  if (!original) return original.error();
  if (original->detached) {
    return bad_input(*policy_path + ": a recommendation without CREATE_POLICY step is not a policy to refine");
  }
  auto findings_file = model::read_input_file(*findings_path);
  if (!findings_file) return findings_file.error();
  auto findings = model::UnusedFindings::from_text(findings_file->bytes, findings_file->path);
  if (!findings) return findings.error();
  return RefineInputs{std::move(policy_file).value(), std::move(findings_file).value(), std::move(catalog->file),
                      std::move(catalog->catalog),    std::move(original).value(),      std::move(findings).value()};
}

}  // namespace leastpriv::cli
