// Placeholder while the verifier is being built; removed when verify_command.cpp lands.
#include "cli/commands.h"
#include "cli/report.h"

namespace leastpriv::cli {

int run_verify(const Words&) { return report_error(Error{ErrorKind::kUsage, "`verify` is not available yet"}); }
int run_check_certificate(const Words&) {
  return report_error(Error{ErrorKind::kUsage, "`check-certificate` is not available yet"});
}

}  // namespace leastpriv::cli
