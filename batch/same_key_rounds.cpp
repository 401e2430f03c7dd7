// Two rounds by unit key; see same_key_rounds.h.
#include "batch/same_key_rounds.h"

#include "support/parallel_for.h"

#include <set>

namespace leastpriv::batch {

SameKeyRounds same_key_rounds(const std::vector<std::size_t>& order, const std::vector<std::optional<std::string>>& keys) {
  SameKeyRounds rounds;
  std::set<std::string> seen;
  std::set<std::string> repeated;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (keys[k] && !seen.insert(*keys[k]).second) {
      repeated.insert(*keys[k]);
      rounds.later.push_back(order[k]);
    } else {
      rounds.first.push_back(order[k]);
    }
  }
  rounds.outcomes = std::make_unique<RunOutcomes>(std::move(repeated));
  return rounds;
}

void run_in_key_rounds(const std::vector<std::size_t>& order, unsigned threads, const RunConfig& config,
                       const std::function<std::optional<std::string>(std::size_t, const RunConfig&)>& key_of,
                       const std::function<void(std::size_t, const RunConfig&)>& run) {
  if (!config.verify && config.cache_dir.empty()) {
    support::parallel_for(order.size(), threads, [&](std::size_t k) { run(order[k], config); });
    return;
  }
  std::vector<std::optional<std::string>> keys(order.size());
  support::parallel_for(order.size(), threads, [&](std::size_t k) { keys[k] = key_of(order[k], config); });
  const SameKeyRounds rounds = same_key_rounds(order, keys);
  RunConfig keyed = config;
  keyed.run_outcomes = rounds.outcomes.get();
  for (const auto* round : {&rounds.first, &rounds.later}) {
    support::parallel_for(round->size(), threads, [&](std::size_t k) { run((*round)[k], keyed); });
  }
}

}  // namespace leastpriv::batch
