// `compare` and `explain` are not built yet (issue 6); they say so and exit 2 rather than
// pretending.
#include "cli/commands.h"
#include "cli/report.h"

namespace leastpriv::cli {

int run_compare(const Words&) { return report_error(Error{ErrorKind::kUsage, "`compare` is not available yet"}); }
int run_explain(const Words&) { return report_error(Error{ErrorKind::kUsage, "`explain` is not available yet"}); }

}  // namespace leastpriv::cli
