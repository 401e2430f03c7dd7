// Output files; see output_files.h.
#include "cli/output_files.h"

#include "model/input_limits.h"
#include "support/interrupt_cleanup.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

namespace leastpriv::cli {

namespace {

namespace fs = std::filesystem;

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

// Do `a` and `b` name the same file? The same existing file under any names, or, when one
// does not exist yet, the same absolute path once symlinks are resolved.
bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  if (fs::exists(a, error) && fs::exists(b, error)) return fs::equivalent(a, b, error);
  const fs::path left = fs::weakly_canonical(a, error);
  if (error) return a == b;
  const fs::path right = fs::weakly_canonical(b, error);
  if (error) return a == b;
  return left == right;
}

// Where the bytes for `path` end up: a symlink's final target, else the path itself.
std::string final_target(const std::string& path) {
  std::error_code error;
  if (!fs::is_symlink(path, error)) return path;
  const fs::path target = fs::weakly_canonical(path, error);
  return error ? path : target.string();
}

bool is_special_file(const std::string& path) {
  std::error_code error;
  const auto status = fs::status(path, error);
  return !error && fs::exists(status) && !fs::is_regular_file(status);
}

Status write_whole(const std::string& path, const std::string& text, const std::string& named) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
  }
  if (!out) return Error{ErrorKind::kInternal, named + ": cannot write file"};
  return Ok{};
}

// A regular-file output staged as a temporary file beside its target.
struct Staged {
  std::string target;
  std::string temporary;
  int ticket = -1;  // removed by an interruption (support/interrupt_cleanup.h)
};

void remove_staged(const std::vector<Staged>& staged) {
  for (const auto& file : staged) {
    std::remove(file.temporary.c_str());
    support::unregister_temporary(file.ticket);
  }
}

}  // namespace

Status check_output_paths(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (is_stdout(outputs[i].path) || is_special_file(outputs[i].path)) continue;
    for (std::size_t j = i + 1; j < outputs.size(); ++j) {
      if (!is_stdout(outputs[j].path) && same_file(outputs[i].path, outputs[j].path)) {
        return Error{ErrorKind::kUsage, outputs[i].flag + " and " + outputs[j].flag + " name the same file `" +
                                            outputs[i].path + "`: one would overwrite the other"};
      }
    }
    for (const auto& input : inputs) {
      if (!input.path.empty() && same_file(outputs[i].path, input.path)) {
        return Error{ErrorKind::kUsage, outputs[i].flag + " `" + outputs[i].path + "` is the " + input.flag +
                                            " input: writing it would destroy the input"};
      }
    }
  }
  return Ok{};
}

Status check_output_flags(const Arguments& arguments, const std::vector<std::string>& output_flags,
                          const std::vector<std::string>& input_flags) {
  auto named = [&](const std::vector<std::string>& flags) {
    std::vector<NamedPath> paths;
    for (const auto& flag : flags) paths.push_back(NamedPath{flag, arguments.value(flag).value_or("")});
    return paths;
  };
  return check_output_paths(named(output_flags), named(input_flags));
}

Status write_outputs(const std::vector<OutputFile>& files) {
  std::vector<Staged> staged;
  std::vector<const OutputFile*> in_place;
  for (const auto& file : files) {
    if (is_stdout(file.path) || is_special_file(file.path)) {
      in_place.push_back(&file);
      continue;
    }
    const std::string target = final_target(file.path);
    const std::string temporary = target + ".tmp." + std::to_string(::getpid());
    staged.push_back(Staged{target, temporary, support::register_temporary(temporary)});
    if (auto written = write_whole(temporary, file.text, file.path); !written) {
      remove_staged(staged);
      return written;
    }
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    if (std::rename(staged[i].temporary.c_str(), staged[i].target.c_str()) != 0) {
      // The ones renamed already cannot be taken back; the rest are not left behind.
      remove_staged(std::vector<Staged>(staged.begin() + static_cast<long>(i), staged.end()));
      return Error{ErrorKind::kInternal, staged[i].target + ": cannot write file"};
    }
    support::unregister_temporary(staged[i].ticket);
  }
  for (const auto* file : in_place) {
    if (is_stdout(file->path)) {
      std::cout << file->text;
      std::cout.flush();
      if (!std::cout) return Error{ErrorKind::kInternal, "cannot write to standard output"};
      continue;
    }
    if (auto written = write_whole(file->path, file->text, file->path); !written) return written;
  }
  return Ok{};
}

Status check_readable_back(const OutputFile& file, const std::string& what) {
  if (file.text.size() <= model::kMaxInputBytes) return Ok{};
  return Error{ErrorKind::kBadInput, (is_stdout(file.path) ? std::string("stdout") : file.path) + ": the " + what +
                                         " would be " + std::to_string(file.text.size()) + " bytes, more than the limit of " +
                                         std::to_string(model::kMaxInputBytes >> 20) +
                                         " MiB for an input file, so leastpriv could not read it back (README \"Resource "
                                         "limits\"); nothing was written"};
}

}  // namespace leastpriv::cli
