// Two rounds by unit key; see same_key_rounds.h.
#include "batch/same_key_rounds.h"

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

}  // namespace leastpriv::batch
