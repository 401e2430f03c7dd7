// The batch cache; see cache.h.
#include "batch/cache.h"

#include "model/json_text.h"
#include "model/policy_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <atomic>
#include <filesystem>
#include <system_error>

namespace leastpriv::batch {

namespace fs = std::filesystem;

std::string entry_dir(const std::string& dir, const std::string& key) {
  return (fs::path(dir) / key.substr(0, 2) / key).string();
}

bool is_whole_outcome(const model::Json& outcome, bool verify) {
  if (!outcome.is_object()) return false;
  const auto status = outcome.find("status");
  if (status == outcome.end() || *status != (verify ? "proved" : "unverified")) return false;
  const auto strategy = outcome.find("strategy");
  if (strategy == outcome.end() || !strategy->is_string()) return false;
  const auto warnings = outcome.find("warnings");
  if (warnings == outcome.end() || !warnings->is_array()) return false;
  for (const auto& warning : *warnings) {
    if (!warning.is_string()) return false;
  }
  const auto policy = outcome.find("policy");
  const auto detach = outcome.find("detach");
  if ((policy == outcome.end()) == (detach == outcome.end())) return false;  // exactly one
  if (detach != outcome.end()) return *detach == true;
  return model::parse_policy_document(*policy, "cache", "/policy").ok();
}

std::optional<model::Json> cached_outcome(const std::string& dir, const std::string& key, bool verify) {
  auto text = model::read_text_file(entry_dir(dir, key) + "/outcome.json");
  if (!text) return std::nullopt;
  auto parsed = model::parse_json_text(*text, "cache");
  if (!parsed || !is_whole_outcome(*parsed, verify)) return std::nullopt;
  return std::move(parsed).value();
}

Status write_file_durably(const std::string& path, const std::string& text) {
  const auto failed = [&](const char* what) {
    return Error{ErrorKind::kBadInput, "cannot " + std::string(what) + " `" + path + "`: " + std::strerror(errno)};
  };
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return failed("create");
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      const Error error = failed("write");
      ::close(fd);
      return error;
    }
    done += static_cast<std::size_t>(wrote);
  }
  // A rename is not durable before the data it names is.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const Error error = failed("sync");
    ::close(fd);
    return error;
  }
  if (::close(fd) != 0) return failed("close");
  return Ok{};
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
  Status written = Ok{};
  for (const auto& [name, text] : files) {
    if (written && !text->empty()) written = write_file_durably((staging / name).string(), *text);
  }
  // outcome.json last: it is what marks an entry whole.
  if (written) written = write_file_durably((staging / "outcome.json").string(), outcome);
  if (written) fs::rename(staging, final_dir, error);
  if (!written || error) fs::remove_all(staging, error);  // another run stored it first, or a write failed
  if (!written) return Error{ErrorKind::kBadInput, "--cache: " + written.error().message};
  return Ok{};
}

}  // namespace leastpriv::batch
