// A gate report as JUnit XML, the format most CI systems (GitLab, Jenkins, Azure Pipelines)
// show as test results: one testsuite per checked file, one testcase per policy (named by its
// key, classname the file); a blocking result is a <failure> (type = rule id), an undecided
// check an <error>, other results go into <system-out>.
//
// Tested by: tests/cli/gate_cli_test.cpp
#pragma once

#include "gate/gate_policy.h"
#include "gate/gate_report.h"

#include <string>

namespace leastpriv::gate {

std::string junit_report(const GateReport& report, GateOutcome outcome);

// Text escaped for XML attribute and element content (& < > " '), control characters other
// than tab and newline replaced by `?` (XML 1.0 cannot carry them).
std::string xml_escape(const std::string& text);

}  // namespace leastpriv::gate
