// The catalog; see catalog.h.
#include "model/catalog.h"

#include "model/ascii.h"
#include "model/json_text.h"

#include <algorithm>

namespace leastpriv::model {

namespace {

// AWS service prefixes and action names are letters, digits and `-` (one action,
// `AssociateViaAWSService-EventsAndStates`, has a hyphen); `_` is allowed for safety. Anything
// else means the file is not a catalog (a README given as `--catalog` must not pass).
bool is_valid_name_part(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

constexpr std::string_view kSnapshotHeader = "# leastpriv catalog snapshot";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

struct Catalog::Storage {
  std::string names;  // every action's full name, then every lower-cased full name, back to back
  std::vector<CatalogAction> actions;
};

Result<Catalog> Catalog::from_actions(const std::vector<std::pair<std::string, std::string>>& actions,
                                      CatalogIdentity identity) {
  struct Entry {
    std::string full;
    std::string lower_full;
    std::size_t service_size;
  };
  std::vector<Entry> entries;
  entries.reserve(actions.size());
  for (const auto& [service, name] : actions) {
    if (!is_valid_name_part(service) || !is_valid_name_part(name)) {
      return bad_input(identity.source + ": invalid action " + quoted_text(service + ":" + name) +
                       " (letters, digits, `-` and `_` only)");
    }
    std::string full = service + ":" + name;
    std::string lower_full = to_lower_ascii(full);
    entries.push_back(Entry{std::move(full), std::move(lower_full), service.size()});
  }
  // Ties in lower case are broken by the spelling itself, so that the order the actions came
  // in never changes the result.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.lower_full != b.lower_full ? a.lower_full < b.lower_full : a.full < b.full;
  });
  // Two spellings of one action are one action: keep the first in byte order.
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const Entry& a, const Entry& b) { return a.lower_full == b.lower_full; }),
                entries.end());

  auto storage = std::make_shared<Storage>();
  std::size_t total = 0;
  for (const auto& entry : entries) total += 2 * entry.full.size();
  // INVARIANT: `names` is filled to its reserved size before any view into it is taken, so it
  // never reallocates under the views.
  storage->names.reserve(total);
  for (const auto& entry : entries) storage->names += entry.full;
  for (const auto& entry : entries) storage->names += entry.lower_full;
  const std::string_view names = storage->names;
  storage->actions.reserve(entries.size());
  std::size_t full_offset = 0;
  std::size_t lower_offset = total / 2;
  for (const auto& entry : entries) {
    const std::string_view full = names.substr(full_offset, entry.full.size());
    storage->actions.push_back(CatalogAction{full.substr(0, entry.service_size), full.substr(entry.service_size + 1), full,
                                             names.substr(lower_offset, entry.full.size())});
    full_offset += entry.full.size();
    lower_offset += entry.full.size();
  }

  Catalog catalog;
  catalog.identity_ = std::move(identity);
  catalog.actions_ = storage->actions;
  catalog.storage_ = std::move(storage);
  // Sorted, a service's actions are adjacent (`s3:` sorts before `s3express:`), so count changes.
  std::string_view previous_service;
  for (const auto& action : catalog.actions_) {
    const std::string_view service = action.lower_full.substr(0, action.service.size());
    if (service != previous_service) ++catalog.service_count_;
    previous_service = service;
  }
  return catalog;
}

Result<Catalog> Catalog::from_snapshot_text(std::string_view text, const std::string& origin) {
  CatalogIdentity identity{origin, ""};
  std::vector<std::pair<std::string, std::string>> actions;
  actions.reserve(text.size() / 24);  // about one action per 24 bytes of snapshot
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  if (text.substr(0, kSnapshotHeader.size()) != kSnapshotHeader) {
    return bad_input(origin + ": not a catalog: a snapshot starts with `" + std::string(kSnapshotHeader) +
                     "` and a JSON catalog with `{`, got " + quoted_text(text.substr(0, text.find('\n'))));
  }
  int line_number = 0;
  // One pass over the text without stream machinery: start-up time is a product goal.
  for (std::size_t line_start = 0; line_start < text.size();) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      constexpr std::string_view kSource = "# source: ";
      constexpr std::string_view kDate = "# date: ";
      if (line.substr(0, kSource.size()) == kSource) identity.source = std::string(line.substr(kSource.size()));
      if (line.substr(0, kDate.size()) == kDate) identity.date = std::string(line.substr(kDate.size()));
      continue;
    }
    std::string service;
    bool any = false;
    for (std::size_t word_start = 0; word_start < line.size();) {
      std::size_t word_end = line.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = line.size();
      const std::string_view word = line.substr(word_start, word_end - word_start);
      word_start = word_end + 1;
      if (word.empty()) continue;
      if (!is_valid_name_part(word)) {
        return bad_input(origin + ": line " + std::to_string(line_number) + ": " + quoted_text(word) +
                         " is not a service or action name (letters, digits, `-` and `_` only)");
      }
      if (service.empty()) {
        service = std::string(word);
      } else {
        actions.emplace_back(service, std::string(word));
        any = true;
      }
    }
    if (!any) return bad_input(origin + ": line " + std::to_string(line_number) + ": service `" + service + "` lists no action");
  }
  if (actions.empty()) return bad_input(origin + ": the catalog lists no action");
  return from_actions(actions, identity);
}

Result<Catalog> Catalog::from_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return from_file_text(*text, path);
}

Result<Catalog> Catalog::from_file_text(std::string_view text, const std::string& path) {
  std::string_view content = text;
  if (content.substr(0, kUtf8Bom.size()) == kUtf8Bom) content.remove_prefix(kUtf8Bom.size());
  const auto first = content.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || content[first] != '{') return from_snapshot_text(content, path);

  auto parsed = parse_json_text(content, path);
  if (!parsed) return parsed.error();
  std::vector<std::pair<std::string, std::string>> actions;
  for (const auto& [service, names] : parsed->items()) {
    const std::string pointer = "/" + json_pointer_token(service);
    if (!names.is_array()) return error_at(path, pointer, "expected an array of action names, got " + quoted_value(names));
    if (!is_valid_name_part(service)) {
      return error_at(path, pointer, quoted_text(service) + " is not a service name (letters, digits, `-` and `_` only)");
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      const bool valid = names[i].is_string() && is_valid_name_part(names[i].get_ref<const std::string&>());
      if (!valid) {
        return error_at(path, pointer + "/" + std::to_string(i),
                        "expected an action name (letters, digits, `-` and `_`), got " + quoted_value(names[i]));
      }
      actions.emplace_back(service, names[i].get<std::string>());
    }
  }
  if (actions.empty()) return error_at(path, "", "the catalog lists no action");
  return from_actions(actions, CatalogIdentity{path, ""});
}

std::optional<std::size_t> Catalog::find(std::string_view lower_full) const {
  const auto it = std::lower_bound(actions_.begin(), actions_.end(), lower_full,
                                   [](const CatalogAction& a, std::string_view key) { return a.lower_full < key; });
  if (it == actions_.end() || it->lower_full != lower_full) return std::nullopt;
  return static_cast<std::size_t>(it - actions_.begin());
}

std::pair<std::size_t, std::size_t> Catalog::prefix_range(std::string_view lower_prefix) const {
  const auto first = std::lower_bound(actions_.begin(), actions_.end(), lower_prefix,
                                      [](const CatalogAction& a, std::string_view key) { return a.lower_full < key; });
  // Actions with the prefix follow one another; stop at the first without it.
  const auto last = std::partition_point(first, actions_.end(), [&](const CatalogAction& a) {
    return a.lower_full.substr(0, lower_prefix.size()) == lower_prefix;
  });
  return {static_cast<std::size_t>(first - actions_.begin()), static_cast<std::size_t>(last - actions_.begin())};
}

bool Catalog::has_service(std::string_view lower_service) const {
  const auto [first, last] = prefix_range(std::string(lower_service) + ":");
  return first != last;
}

}  // namespace leastpriv::model
