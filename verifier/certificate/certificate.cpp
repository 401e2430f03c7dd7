// Building certificates; see certificate.h.
#include "verifier/certificate/certificate.h"

#include "verifier/certificate/sha256.h"
#include "verifier/decide/automaton.h"

namespace leastpriv::verifier {

const char* const kCertificateFormat = "leastpriv-certificate-5";

namespace {

const char* solver_answer(Verdict verdict) {
  switch (verdict) {
    case Verdict::kProved: return "unsat";
    case Verdict::kCounterexample: return "sat";
    case Verdict::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace

model::Json file_entry(const model::InputFile& file) {
  model::Json entry = model::Json::object();
  entry["path"] = file.path;
  entry["sha256"] = sha256_hex(file.bytes);
  entry["bytes"] = file.bytes.size();
  return entry;
}

std::string catalog_hash(const model::Catalog& catalog) {
  Sha256 hash;
  for (const auto& action : catalog.actions()) {
    hash.update(action.full);
    hash.update("\n");
  }
  return digest_hex(hash.finish());
}

model::Json obligation_entry(const ObligationResult& obligation) {
  model::Json entry = model::Json::object();
  entry["id"] = obligation.id;
  entry["obligation"] = obligation_code(obligation.kind);
  entry["name"] = obligation_name(obligation.kind);
  if (obligation.scope_index > 0) {
    entry["scope_index"] = obligation.scope_index;
    entry["scope"] = obligation.scope;
    entry["service"] = obligation.service;
  }
  entry["verdict"] = verdict_name(obligation.verdict);
  entry["agreeing"] = obligation.agreeing;
  if (!obligation.counterexample.empty()) entry["counterexample"] = obligation.counterexample;
  if (!obligation.explanation.empty()) entry["explanation"] = obligation.explanation;
  if (!obligation.reason.empty()) entry["reason"] = obligation.reason;
  model::Json procedures = model::Json::array();
  for (const auto& procedure : obligation.procedures) {
    model::Json p = model::Json::object();
    p["name"] = procedure.procedure;
    p["version"] = procedure.version;
    p["verdict"] = obligation.kind == ObligationKind::kUnchanged ? verdict_name(procedure.verdict)
                                                                       : solver_answer(procedure.verdict);
    p["seconds"] = procedure.seconds;
    if (!procedure.counterexample.empty()) p["model"] = procedure.counterexample;
    if (!procedure.reason.empty()) p["reason"] = procedure.reason;
    procedures.push_back(std::move(p));
  }
  entry["procedures"] = std::move(procedures);
  if (!obligation.smtlib.empty()) {
    entry["expected"] = "unsat";
    entry["smtlib"] = obligation.smtlib;
  }
  return entry;
}

model::Json catalog_entry_of(const model::Catalog& catalog, const std::optional<model::InputFile>& catalog_file) {
  model::Json catalog_entry = model::Json::object();
  catalog_entry["source"] = catalog.identity().source;
  catalog_entry["date"] = catalog.identity().date;
  catalog_entry["actions"] = catalog.actions().size();
  catalog_entry["canonical_sha256"] = catalog_hash(catalog);
  catalog_entry["canonical_text"] = "every action's service:Name in the catalog's order (sorted by lower case), one per line";
  if (catalog_file) catalog_entry["file"] = file_entry(*catalog_file);
  return catalog_entry;
}

model::Json report_to_json(const VerificationReport& report) {
  model::Json json = model::Json::object();
  json["verdict"] = verdict_name(report.verdict);
  json["disagreement"] = report.disagreement;
  model::Json obligations = model::Json::array();
  for (const auto& obligation : report.obligations) obligations.push_back(obligation_entry(obligation));
  json["obligations"] = std::move(obligations);
  json["warnings"] = report.warnings;
  json["seconds"] = report.seconds;
  json["tools"] = model::Json{{"z3", report.z3_version}, {"cvc5", report.cvc5_version}, {"automaton", kAutomatonVersion}};
  return json;
}

model::Json build_certificate(const VerificationReport& report, const model::Catalog& catalog,
                              const CertificateInputs& inputs) {
  model::Json certificate = model::Json::object();
  certificate["format"] = kCertificateFormat;
  certificate["verdict"] = verdict_name(report.verdict);
  certificate["disagreement"] = report.disagreement;
  certificate["inputs"] = model::Json{{"original", file_entry(inputs.files.original)},
                                      {"findings", file_entry(inputs.files.findings)},
                                      {"result", file_entry(inputs.files.result)}};
  certificate["catalog"] = catalog_entry_of(catalog, inputs.files.catalog_file);
  if (!inputs.strategy.empty()) certificate["strategy"] = inputs.strategy;
  certificate["tools"] = model::Json{{"z3", report.z3_version}, {"cvc5", report.cvc5_version}, {"automaton", kAutomatonVersion}};
  certificate["seconds"] = report.seconds;
  certificate["semantics"] =
      "each obligation text is unsat exactly when no counterexample action exists in its scope and service group; "
      "see verifier/encode/obligations.h for the reduction from the policies to these texts";
  model::Json obligations = model::Json::array();
  for (const auto& obligation : report.obligations) obligations.push_back(obligation_entry(obligation));
  certificate["obligations"] = std::move(obligations);
  return certificate;
}

}  // namespace leastpriv::verifier
