// Names and texts of the queries; see obligation_texts.h.
#include "verifier/encode/obligation_texts.h"

#include <map>

namespace leastpriv::verifier {

namespace {

std::string service_group_name(const ServiceGroup& group) {
  if (group.other) return "*";
  std::string name;
  for (const auto& service : group.services) name += (name.empty() ? "" : ",") + service;
  return name;
}

}  // namespace

std::vector<ObligationText> obligation_texts(const std::vector<QueryTask>& tasks, bool with_smtlib) {
  std::vector<ObligationText> texts;
  texts.reserve(tasks.size());
  std::map<std::string, int> seen_ids;
  for (const auto& task : tasks) {
    ObligationText text;
    text.service = service_group_name(task.query.group);
    const std::string& service = text.service;
    text.id = std::string(obligation_code(task.kind)) + "/scope-" + std::to_string(task.scope_index) +
              (task.other_scope_index > 0 ? "+" + std::to_string(task.other_scope_index) : "") + "/" +
              (service.size() > 40 ? service.substr(0, service.find(',')) + ",…" : service) +
              (task.part.empty() ? "" : "/" + task.part);
    const int seen = seen_ids[text.id]++;
    if (seen > 0) text.id += "#" + std::to_string(seen + 1);
    if (with_smtlib) text.smtlib = query_to_smtlib(task.query);
    texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace leastpriv::verifier
