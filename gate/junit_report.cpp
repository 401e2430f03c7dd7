// JUnit XML output; see junit_report.h.
#include "gate/junit_report.h"

#include <sstream>

namespace leastpriv::gate {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? '?' : c;
    }
  }
  return out;
}

namespace {

std::string where(const GateFinding& finding) { return finding.location.file + ":" + std::to_string(finding.line); }

}  // namespace

std::string junit_report(const GateReport& report, GateOutcome outcome) {
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::ostringstream cases;
  for (const auto& policy : report.policies) {
    std::string failure_xml;
    std::string out;
    bool failed = false;
    bool errored = false;
    for (const auto& finding : report.findings) {
      if (finding.policy_key != policy.key) continue;
      const std::string text = finding.rule_id + " " + rule(finding.rule_id).name + " at " + where(finding) + ": " + finding.message;
      if (finding.rule_id == kUndecided) {
        failure_xml += "      <error type=\"" + finding.rule_id + "\" message=\"" + xml_escape(finding.message) + "\">" +
                       xml_escape(text) + "</error>\n";
        errored = true;
      } else if (finding.blocking) {
        failure_xml += "      <failure type=\"" + finding.rule_id + "\" message=\"" + xml_escape(finding.message) + "\">" +
                       xml_escape(text) + "</failure>\n";
        failed = true;
      } else {
        out += std::string(level_name(finding.level)) + ": " + text + "\n";
      }
    }
    failures += failed ? 1 : 0;
    errors += (errored && !failed) ? 1 : 0;
    cases << "    <testcase classname=\"" << xml_escape(policy.location.file) << "\" name=\"" << xml_escape(policy.key)
          << "\" file=\"" << xml_escape(policy.location.file) << "\" line=\"" << policy.location.line << "\">\n"
          << failure_xml;
    if (!out.empty()) cases << "      <system-out>" << xml_escape(out) << "</system-out>\n";
    cases << "    </testcase>\n";
  }
  const std::string counts = "tests=\"" + std::to_string(report.policies.size()) + "\" failures=\"" + std::to_string(failures) +
                             "\" errors=\"" + std::to_string(errors) + "\"";
  std::ostringstream xml;
  xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"leastpriv gate\" " << counts << ">\n"
      << "  <testsuite name=\"" << xml_escape(report.file) << "\" " << counts << ">\n"
      << "    <properties>\n"
      << "      <property name=\"outcome\" value=\"" << outcome_name(outcome) << "\"/>\n"
      << "      <property name=\"reference\" value=\"" << xml_escape(report.reference_file) << "\"/>\n"
      << "    </properties>\n"
      << cases.str() << "  </testsuite>\n</testsuites>\n";
  return xml.str();
}

}  // namespace leastpriv::gate
