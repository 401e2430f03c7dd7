// Splitting queries into one per pattern; see split_queries.h.
#include "verifier/encode/split_queries.h"

namespace leastpriv::verifier {

namespace {

// `task` with its split literal replaced by `language`, named `part`.
QueryTask part_of(const QueryTask& task, int literal, Language language, const std::string& part) {
  QueryTask out = task;
  out.query.literals[static_cast<std::size_t>(literal)].language = std::move(language);
  out.part = part;
  return out;
}

// A part with one pattern of literal service `svc` is asked in `svc:…` only (OBLIGATIONS E3),
// unless the task's group is every other service (then `svc` is not in it and nothing is left).
QueryTask narrowed(QueryTask part, const std::string& glob) {
  const std::string service = literal_service(glob);
  if (service.empty() || part.query.group.other) return part;
  ServiceGroup group;
  group.services = {service};
  const std::string comment = part.query.comment;
  part.query = restrict_to_group(part.query, group);
  part.query.comment = comment;
  return part;
}

}  // namespace

std::vector<QueryTask> split_queries(std::vector<QueryTask> tasks) {
  std::vector<QueryTask> out;
  out.reserve(tasks.size());
  for (auto& task : tasks) {
    const DrawnLiteral split = drawn_literal(task.query);
    const std::size_t patterns = split.rest.globs.size() + split.rest.complements.size();
    if (split.literal < 0 || patterns < 2) {
      out.push_back(std::move(task));
      continue;
    }
    if (!split.words.empty()) {
      Language names;
      names.words = split.words;
      QueryTask ground = part_of(task, split.literal, std::move(names), "names");
      ground.query.comment += "\npart: the names, as constants";
      if (task.kind == ObligationKind::kSoundness || task.kind == ObligationKind::kRemoval) ground.ground = true;
      out.push_back(std::move(ground));
    }
    for (const auto& glob : split.rest.globs) {
      Language one;
      one.globs = {glob};
      QueryTask part = narrowed(part_of(task, split.literal, std::move(one), glob), glob);
      part.ground = false;
      part.query.comment += "\npart: " + glob;
      out.push_back(std::move(part));
    }
    for (std::size_t k = 0; k < split.rest.complements.size(); ++k) {
      Language one;
      one.complements = {split.rest.complements[k]};
      QueryTask part = part_of(task, split.literal, std::move(one), "complement-" + std::to_string(k + 1));
      part.ground = false;
      part.query.comment += "\npart: complement " + std::to_string(k + 1);
      out.push_back(std::move(part));
    }
  }
  return out;
}

}  // namespace leastpriv::verifier
