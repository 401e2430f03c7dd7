// Certificates of a policy comparison; see access_certificate.h.
#include "verifier/certificate/access_certificate.h"

#include "model/policy_input.h"
#include "verifier/access/access_queries.h"
#include "verifier/certificate/certificate.h"
#include "verifier/certificate/recheck_parts.h"
#include "verifier/decide/automaton.h"

namespace leastpriv::verifier {

namespace {

constexpr const char* kNoNewAccess = "no-new-access";
constexpr const char* kAccessNotGranted = "access-not-granted";
constexpr const char* kBoth = "no-new-access+access-not-granted";

// The queries a comparison makes of these files, in the order check-no-new-access asks them:
// N1/N2 when there is a reference, then N3 when actions are listed. TRUSTED: the texts a
// certificate must have.
Result<std::vector<QueryTask>> comparison_tasks(const model::PolicyDocument* reference,
                                                const model::PolicyDocument& candidate,
                                                const std::vector<std::string>& listed, const model::Catalog& catalog) {
  std::vector<QueryTask> tasks;
  if (reference != nullptr) {
    auto queries = build_no_new_access_queries(*reference, candidate, catalog);
    if (!queries) return queries.error();
    tasks = std::move(queries->tasks);
  }
  if (!listed.empty()) {
    auto queries = build_not_granted_queries(candidate, listed, catalog);
    if (!queries) return queries.error();
    for (auto& task : queries->tasks) tasks.push_back(std::move(task));
  }
  return tasks;
}

Result<model::PolicyDocument> parse_policy(const model::InputFile& file) {
  auto loaded = model::load_policy_text(file.bytes, file.path);
  if (!loaded) return loaded.error();
  return model::candidate_document(*loaded);
}

}  // namespace

std::string access_check_name(const AccessCheckFiles& files) {
  if (files.reference && !files.access_not_granted.empty()) return kBoth;
  return files.reference ? kNoNewAccess : kAccessNotGranted;
}

bool is_access_certificate(const model::Json& certificate) {
  return certificate.is_object() && certificate.contains("check");
}

model::Json build_access_certificate(const AccessCheckResult& result, const model::Catalog& catalog,
                                     const AccessCheckFiles& files) {
  model::Json certificate = model::Json::object();
  certificate["format"] = kCertificateFormat;
  certificate["check"] = access_check_name(files);
  certificate["verdict"] = verdict_name(result.report.verdict);
  certificate["disagreement"] = result.report.disagreement;
  model::Json inputs = model::Json::object();
  if (files.reference) inputs["reference"] = file_entry(*files.reference);
  inputs["candidate"] = file_entry(files.candidate);
  certificate["inputs"] = std::move(inputs);
  if (!files.access_not_granted.empty()) certificate["access_not_granted"] = files.access_not_granted;
  certificate["catalog"] = catalog_entry_of(catalog, files.catalog_file);
  certificate["tools"] = model::Json{{"z3", result.report.z3_version},
                                     {"cvc5", result.report.cvc5_version},
                                     {"automaton", kAutomatonVersion}};
  certificate["seconds"] = result.report.seconds;
  certificate["semantics"] =
      "each obligation text is unsat exactly when no counterexample action exists for its least request (its atoms) "
      "and service group; see verifier/access/access_queries.h for the reduction from the two policies to these texts";
  model::Json obligations = model::Json::array();
  for (const auto& obligation : result.report.obligations) obligations.push_back(obligation_entry(obligation));
  certificate["obligations"] = std::move(obligations);
  return certificate;
}

Result<RecheckReport> recheck_access_certificate(const model::Json& certificate, const std::string& file,
                                                 const std::optional<AccessCheckFiles>& files,
                                                 const RecheckOptions& options) {
  if (!files) return recheck_bound(certificate, file, nullptr, options);
  const CertificateBinding binding = [&](const std::vector<RecordedObligation>& recorded,
                                         std::vector<std::string>& problems) -> Result<std::vector<ObligationText>> {
    const std::string check = certificate["check"].is_string() ? certificate["check"].get<std::string>() : "";
    if (check != access_check_name(*files)) {
      problems.push_back("the certificate is for `" + check + "`, the inputs given are for `" + access_check_name(*files) +
                         "`");
    }
    if (files->reference) check_input_hash(certificate, "reference", *files->reference, problems);
    check_input_hash(certificate, "candidate", files->candidate, problems);
    const model::Json recorded_list = certificate.contains("access_not_granted") ? certificate["access_not_granted"]
                                                                                  : model::Json::array();
    if (recorded_list != model::Json(files->access_not_granted)) {
      problems.push_back("the certificate's --access-not-granted list is " + model::dump_json(recorded_list) +
                         ", not the one given");
    }
    auto catalog = files->catalog_file
                       ? model::Catalog::from_file_text(files->catalog_file->bytes, files->catalog_file->path)
                       : model::Catalog::embedded();
    if (!catalog) return catalog.error();
    check_catalog_hash(certificate, catalog_hash(*catalog), problems);
    check_catalog_file(certificate, files->catalog_file, problems);
    std::optional<model::PolicyDocument> reference;
    if (files->reference) {
      auto parsed = parse_policy(*files->reference);
      if (!parsed) return parsed.error();
      reference = std::move(parsed).value();
    }
    auto candidate = parse_policy(files->candidate);
    if (!candidate) return candidate.error();
    auto tasks = comparison_tasks(reference ? &*reference : nullptr, *candidate, files->access_not_granted, *catalog);
    if (!tasks) return tasks.error();
    auto texts = obligation_texts(*tasks);
    compare_obligations(recorded, texts, false, problems);
    return texts;
  };
  return recheck_bound(certificate, file, &binding, options);
}

}  // namespace leastpriv::verifier
