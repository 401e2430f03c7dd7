// The batch cache; see cache.h.
#include "batch/cache.h"

#include "model/json_text.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace leastpriv::batch {

namespace fs = std::filesystem;

std::string entry_dir(const std::string& dir, const std::string& key) {
  return (fs::path(dir) / key.substr(0, 2) / key).string();
}

std::optional<model::Json> cached_outcome(const std::string& dir, const std::string& key) {
  auto text = model::read_text_file(entry_dir(dir, key) + "/outcome.json");
  if (!text) return std::nullopt;
  auto parsed = model::parse_json_text(*text, "cache");
  if (!parsed || !parsed->is_object()) return std::nullopt;
  return std::move(parsed).value();
}

Status store_outcome(const std::string& dir, const std::string& key, const CacheEntry& entry) {
  static std::atomic<unsigned> serial{0};
  const fs::path final_dir = entry_dir(dir, key);
  std::error_code error;
  fs::create_directories(final_dir.parent_path(), error);
  if (error) return Error{ErrorKind::kBadInput, "--cache: cannot create `" + final_dir.parent_path().string() + "`: " + error.message()};
  if (fs::exists(final_dir / "outcome.json")) return Ok{};
  const fs::path staging = final_dir.parent_path() / ("." + key + ".tmp." + std::to_string(::getpid()) + "." +
                                                      std::to_string(serial++));
  fs::create_directory(staging, error);
  if (error) return Error{ErrorKind::kBadInput, "--cache: cannot create `" + staging.string() + "`: " + error.message()};
  const std::pair<const char*, const std::string*> files[] = {{"original.json", &entry.original},
                                                              {"findings.json", &entry.findings},
                                                              {"result.json", &entry.result},
                                                              {"certificate.json", &entry.certificate}};
  const std::string outcome = model::dump_json(entry.outcome) + "\n";
  bool written = true;
  for (const auto& [name, text] : files) {
    if (text->empty()) continue;
    std::ofstream out(staging / name, std::ios::binary);
    out << *text;
    written = written && static_cast<bool>(out);
  }
  {
    // outcome.json last: it is what marks an entry whole.
    std::ofstream out(staging / "outcome.json", std::ios::binary);
    out << outcome;
    written = written && static_cast<bool>(out);
  }
  if (written) fs::rename(staging, final_dir, error);
  if (!written || error) fs::remove_all(staging, error);  // another run stored it first, or a write failed
  if (!written) return Error{ErrorKind::kBadInput, "--cache: cannot write in `" + staging.string() + "`"};
  return Ok{};
}

}  // namespace leastpriv::batch
