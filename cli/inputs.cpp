// Loading the catalog; see inputs.h.
#include "cli/inputs.h"

namespace leastpriv::cli {

Result<engine::Catalog> load_catalog(const Arguments& arguments, const std::string& flag) {
  const auto path = arguments.value(flag);
  if (path) return engine::Catalog::from_file(*path);
  return engine::Catalog::embedded();
}

}  // namespace leastpriv::cli
