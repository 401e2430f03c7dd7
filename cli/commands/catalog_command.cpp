// `leastpriv catalog [PATTERN]`: the catalog actions a pattern matches (all when none is
// given), one a line; and `leastpriv --version`, which names the embedded catalog.
//
// Tested by: tests/cli/refine_cli_test.cpp (CatalogCli, VersionCli; Row15 for non-ASCII patterns)
#include "cli/commands/commands.h"
#include "cli/inputs.h"
#include "cli/report.h"
#include "engine/match/action_pattern.h"
#include "model/ascii.h"
#include "model/embedded_catalog.h"
#include "model/json_text.h"

#include <iostream>

namespace leastpriv::cli {

int run_catalog(const Words& words) {
  auto arguments = parse_arguments(words, declared_command("catalog"));
  if (!arguments) return report_error(arguments.error());
  auto catalog = load_catalog(*arguments);
  if (!catalog) return report_error(catalog.error());
  const std::string text = arguments->positional().empty() ? "*" : arguments->positional().front();
  // As in a policy: a Kelvin sign or a control character would be lower-cased or shown as
  // something else, so the question would not be the one asked.
  if (!model::is_printable_ascii(text)) {
    return report_error(Error{ErrorKind::kUsage, "pattern " + model::quoted_text(text) +
                                                     " has a non-ASCII or control character (IAM action names are "
                                                     "printable ASCII)"});
  }
  const engine::ActionPattern pattern(text);
  const auto [first, last] = catalog->prefix_range(pattern.literal_prefix());
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = first; i < last; ++i) {
    const auto& action = catalog->actions()[i];
    if (!pattern.matches(action.lower_full)) continue;
    out += action.full;
    out += '\n';
    ++count;
  }
  std::cout << out;
  report_note(std::to_string(count) + " action(s) match `" + pattern.lower() + "` in " + catalog->identity().source);
  return kExitOk;
}

// Reads the embedded layout's identity and counts only: no Catalog is built (start-up time).
int run_version() {
  const model::EmbeddedCatalogLayout& catalog = model::embedded_catalog_layout();
  std::cout << "leastpriv " << LEASTPRIV_VERSION << "\n"
            << "embedded catalog: " << catalog.source << " (" << catalog.date << "), " << catalog.service_count
            << " services, " << catalog.records.size() << " actions\n";
  return kExitOk;
}

}  // namespace leastpriv::cli
