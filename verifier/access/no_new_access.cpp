// Comparing two policies with the portfolio; see no_new_access.h. (API stub: the body follows.)
#include "verifier/access/no_new_access.h"

namespace leastpriv::verifier {

const char* access_verdict_name(AccessVerdict verdict) {
  switch (verdict) {
    case AccessVerdict::kNoNewAccess: return "no-new-access";
    case AccessVerdict::kNewAccess: return "new-access";
    case AccessVerdict::kUnknown: return "unknown";
  }
  return "unknown";
}

Result<AccessCheckResult> check_no_new_access(const model::PolicyDocument&, const model::PolicyDocument&,
                                              const model::Catalog&, const AccessCheckOptions&) {
  return Error{ErrorKind::kInternal, "check-no-new-access is not implemented yet"};
}

Result<AccessCheckResult> check_access_not_granted(const model::PolicyDocument&, const std::vector<std::string>&,
                                                   const model::Catalog&, const AccessCheckOptions&) {
  return Error{ErrorKind::kInternal, "--access-not-granted is not implemented yet"};
}

std::string access_result_to_text(const AccessCheckResult& result) { return access_verdict_name(result.verdict); }

model::Json access_result_to_json(const AccessCheckResult& result) {
  return model::Json{{"verdict", access_verdict_name(result.verdict)}};
}

}  // namespace leastpriv::verifier
