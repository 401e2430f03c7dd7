// The leastpriv commands. Each takes the words after its name and returns the exit code:
// 0 done / proved, 1 verification failed (counterexample printed), 2 bad input or usage,
// 3 solver unknown or timeout (DESIGN §5). Each is named in the command table (cli/options.cpp).
//
// Tested by: tests/cli/refine_cli_test.cpp, tests/cli/verify_cli_test.cpp,
// tests/cli/compare_explain_test.cpp, tests/cli/usage_cli_test.cpp, tests/cli/account_cli_test.cpp,
// tests/cli/gate_cli_test.cpp
#pragma once

#include <string>
#include <vector>

namespace leastpriv::cli {

using Words = std::vector<std::string>;

int run_refine(const Words& words);
int run_verify(const Words& words);
int run_check_certificate(const Words& words);
int run_check_no_new_access(const Words& words);
int run_compare(const Words& words);
int run_explain(const Words& words);
int run_batch(const Words& words);
int run_account(const Words& words);
int run_gate(const Words& words);
int run_catalog(const Words& words);
int run_version();

}  // namespace leastpriv::cli
