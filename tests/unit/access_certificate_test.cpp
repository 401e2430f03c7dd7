// Certificates of a policy comparison (verifier/certificate/access_certificate.h): built from a
// proved check, re-checked with z3, cvc5 and z3-wasm (solver sessions) against the same files; refused when the files, the
// list, an obligation's text, the set of obligations or the kind of check do not match.
#include "model/policy_input.h"
#include "verifier/access/no_new_access.h"
#include "verifier/certificate/access_certificate.h"

#include <gtest/gtest.h>

#include <map>

namespace leastpriv::verifier {
namespace {

const char* const kReference = R"({"Version":"2012-10-17","Statement":[
  {"Sid":"Read","Effect":"Allow","Action":["s3:Get*","ec2:Describe*"],"Resource":"*"},
  {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]})";
const char* const kCandidate = R"({"Version":"2012-10-17","Statement":[
  {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject*","Resource":"arn:aws:s3:::bucket/*"},
  {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]})";

model::PolicyDocument parse(const model::InputFile& file) {
  auto loaded = model::load_policy_text(file.bytes, file.path);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return loaded->document;
}

struct Built {
  AccessCheckFiles files;
  model::Json certificate;
};

Built build(std::vector<std::string> listed) {
  Built built;
  built.files.reference = model::InputFile{"old.json", kReference};
  built.files.candidate = model::InputFile{"new.json", kCandidate};
  built.files.access_not_granted = std::move(listed);
  auto catalog = model::Catalog::embedded();
  EXPECT_TRUE(catalog.ok());
  AccessCheckOptions options;
  options.verify.keep_smtlib = true;
  auto result = check_no_new_access(parse(*built.files.reference), parse(built.files.candidate), *catalog, options);
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result->verdict, AccessVerdict::kNoNewAccess);
  if (!built.files.access_not_granted.empty()) {
    auto listed_result = check_access_not_granted(parse(built.files.candidate), built.files.access_not_granted, *catalog, options);
    EXPECT_TRUE(listed_result.ok());
    for (auto& obligation : listed_result->report.obligations) result->report.obligations.push_back(obligation);
  }
  built.certificate = build_access_certificate(*result, *catalog, built.files);
  return built;
}

RecheckReport recheck(const Built& built) {
  RecheckOptions options;
  options.solvers = {RecheckSolver::kZ3, RecheckSolver::kCvc5, RecheckSolver::kZ3Wasm};
  auto report = recheck_access_certificate(built.certificate, "cert.json", built.files, options);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return std::move(report).value();
}

TEST(AccessCertificate, RoundTripRechecksWithAllThreeSolvers) {
  const auto built = build({"iam:*"});
  EXPECT_TRUE(is_access_certificate(built.certificate));
  EXPECT_EQ(built.certificate["check"], "no-new-access+access-not-granted");
  const auto report = recheck(built);
  EXPECT_EQ(recheck_verdict(report), Verdict::kProved) << recheck_to_text(report);
  EXPECT_FALSE(report.verdicts.empty());
  for (const auto& verdict : report.verdicts) EXPECT_EQ(verdict.answer, "unsat") << verdict.obligation_id;
  // Every text once in each of the three solvers, as for a refinement's certificate.
  std::map<std::string, std::size_t> per_solver;
  for (const auto& verdict : report.verdicts) ++per_solver[verdict.solver];
  ASSERT_EQ(per_solver.size(), 3U) << recheck_to_text(report);
  EXPECT_EQ(per_solver["z3"], report.verdicts.size() / 3);
  EXPECT_EQ(per_solver["cvc5"], report.verdicts.size() / 3);
  EXPECT_EQ(per_solver["z3-wasm"], report.verdicts.size() / 3);
}

TEST(AccessCertificate, TamperedTextIsRefusedBeforeSolving) {
  auto built = build({});
  auto& text = built.certificate["obligations"][0]["smtlib"];
  text = text.get<std::string>() + "; changed\n";
  const auto report = recheck(built);
  EXPECT_EQ(recheck_verdict(report), Verdict::kCounterexample);
  EXPECT_FALSE(report.solvers_run);
}

TEST(AccessCertificate, MissingObligationIsRefused) {
  auto built = build({});
  ASSERT_GE(built.certificate["obligations"].size(), 2U);
  built.certificate["obligations"].erase(built.certificate["obligations"].size() - 1);
  EXPECT_EQ(recheck_verdict(recheck(built)), Verdict::kCounterexample);
}

TEST(AccessCertificate, OtherFilesOrListAreRefused) {
  auto other_candidate = build({});
  other_candidate.files.candidate.bytes = kReference;  // the reference as its own candidate: other bytes
  const auto report = recheck(other_candidate);
  EXPECT_EQ(recheck_verdict(report), Verdict::kCounterexample);
  bool names_hash = false;
  for (const auto& problem : report.problems) names_hash = names_hash || problem.find("candidate `new.json` hashes to") == 0;
  EXPECT_TRUE(names_hash) << recheck_to_text(report);

  auto other_list = build({"iam:*"});
  other_list.files.access_not_granted = {"iam:PassRole"};
  EXPECT_EQ(recheck_verdict(recheck(other_list)), Verdict::kCounterexample);

  auto other_check = build({"iam:*"});
  other_check.files.access_not_granted.clear();  // a no-new-access check only
  EXPECT_EQ(recheck_verdict(recheck(other_check)), Verdict::kCounterexample);
}

TEST(AccessCertificate, RecordedVerdictMustBeProved) {
  auto built = build({});
  built.certificate["obligations"][0]["verdict"] = "unknown";
  EXPECT_EQ(recheck_verdict(recheck(built)), Verdict::kCounterexample);
}

}  // namespace
}  // namespace leastpriv::verifier
