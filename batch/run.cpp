// The batch driver; see run.h.
#include "batch/run.h"

#include "batch/same_key_rounds.h"
#include "model/input_file.h"
#include "model/input_limits.h"
#include "model/json_text.h"
#include "support/interrupt_cleanup.h"
#include "support/parallel_for.h"
#include "verifier/certificate/sha256.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace leastpriv::batch {

namespace {

struct InputLine {
  std::size_t number = 0;  // 1-based
  std::size_t bytes = 0;   // the line's length: what the largest-first order compares
  UnitRead read;
};

std::size_t status_index(UnitStatus status) { return static_cast<std::size_t>(status); }

// The units of the input, in order, each read once; blank lines are skipped. The lines are
// parsed on `threads` threads (parsing is a fifth of a --no-verify run); the ids are then
// checked for duplicates in input order, so the first use of an id wins as before.
Result<std::vector<InputLine>> read_input(const std::string& path, unsigned threads) {
  auto file = model::read_input_file(path, model::kMaxBatchInputBytes);
  if (!file) return file.error();
  std::vector<InputLine> lines;
  std::vector<std::string_view> texts;
  std::size_t start = 0;
  for (std::size_t number = 1; start < file->bytes.size(); ++number) {
    std::size_t end = file->bytes.find('\n', start);
    if (end == std::string::npos) end = file->bytes.size();
    const std::string_view text = std::string_view(file->bytes).substr(start, end - start);
    start = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    lines.push_back(InputLine{number, text.size(), UnitRead{{}, Error{ErrorKind::kInternal, "not read yet"}}});
    texts.push_back(text);
  }
  support::parallel_for(lines.size(), threads, [&](std::size_t i) {
    const std::string where = path + ":" + std::to_string(lines[i].number);
    if (texts[i].size() > model::kMaxInputBytes) {
      lines[i].read = UnitRead{"", Error{ErrorKind::kBadInput, where + ": the line is " + std::to_string(texts[i].size()) +
                                                                   " bytes, more than the limit of " +
                                                                   std::to_string(model::kMaxInputBytes >> 20) +
                                                                   " MiB for one unit (README \"Resource limits\")"}};
    } else {
      lines[i].read = read_unit(texts[i], where);
    }
  });
  std::set<std::string> ids;
  for (auto& line : lines) {
    if (!line.read.id.empty() && !ids.insert(line.read.id).second) {
      line.read.unit = Error{ErrorKind::kBadInput, path + ":" + std::to_string(line.number) + ": /id: the id " +
                                                       model::quoted_text(line.read.id) + " is used twice in the input"};
    }
  }
  return lines;
}

// A whole line of a partial output, as --resume reads it.
struct ResumedLine {
  std::string key;  // empty: the line has none (an error line)
  UnitStatus status = UnitStatus::kError;
  std::string text;
};

// --resume: the whole lines already in `partial` by id (a cut last line and what follows a line
// that does not read are dropped). A partial output that does not exist is nothing to resume;
// one that cannot be read is an error (going on would write its units twice).
Result<std::map<std::string, ResumedLine>> resumed_lines(const std::string& partial) {
  std::map<std::string, ResumedLine> done;
  std::error_code error;
  if (!std::filesystem::exists(partial, error) && !error) return done;
  auto text = model::read_text_file(partial, model::kMaxBatchInputBytes);
  if (!text) return Error{ErrorKind::kBadInput, "--resume: cannot read the partial output: " + text.error().message};
  std::size_t start = 0;
  while (start < text->size()) {
    const std::size_t end = text->find('\n', start);
    if (end == std::string::npos) break;  // cut by an interruption
    std::string line = text->substr(start, end - start);
    start = end + 1;
    auto parsed = model::parse_json_text(line, partial);
    if (!parsed || !parsed->is_object() || !parsed->contains("id") || !(*parsed)["id"].is_string()) break;
    ResumedLine resumed;
    const auto key = parsed->find("key");
    if (key != parsed->end() && key->is_string()) resumed.key = key->get<std::string>();
    const auto status = parsed->find("status");
    if (status != parsed->end() && status->is_string()) {
      resumed.status = unit_status_named(status->get<std::string>()).value_or(UnitStatus::kError);
    }
    resumed.text = std::move(line);
    done.insert_or_assign((*parsed)["id"].get<std::string>(), std::move(resumed));
  }
  return done;
}

// OUT, whole or not at all: the lines in input order to a temporary file beside it (removed if
// the run is interrupted meanwhile), renamed into place.
Status write_in_input_order(const std::vector<std::string>& lines, const std::string& path) {
  const std::string ordered = path + ".ordered";
  const int ticket = support::register_temporary(ordered);
  std::ofstream file(ordered, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) file << line;
  file.close();
  std::error_code error;
  if (file) std::filesystem::rename(ordered, path, error);
  const bool written = file && !error;
  const std::string why = error ? ": " + error.message() : std::string();
  if (!written) std::filesystem::remove(ordered, error);
  support::unregister_temporary(ticket);
  if (!written) return Error{ErrorKind::kBadInput, path + ": cannot write" + why};
  return Ok{};
}

}  // namespace

std::size_t shard_of(const std::string& id, std::size_t count) {
  const std::string digest = verifier::sha256_hex(id);
  return static_cast<std::size_t>(std::stoull(digest.substr(0, 12), nullptr, 16) % count);
}

Result<BatchSummary> run_batch(const BatchOptions& options) {
  const auto began = std::chrono::steady_clock::now();
  const unsigned threads = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
  auto lines = read_input(options.input_path, threads);
  if (!lines) return lines.error();
  BatchSummary summary;
  summary.input_units = lines->size();

  std::vector<const InputLine*> todo;
  for (const auto& line : *lines) {
    // A line without an id is placed by its line number, so it still lands in one shard.
    const std::string shard_key = line.read.id.empty() ? "line " + std::to_string(line.number) : line.read.id;
    if (shard_of(shard_key, options.shard_count) == options.shard_index) todo.push_back(&line);
  }
  summary.shard_units = todo.size();

  const std::string partial = options.output_path + ".partial";
  // Each unit's output line by its place in `todo`: OUT is written from these, in input order.
  std::vector<std::string> output_lines(todo.size());
  std::vector<std::size_t> remaining;  // indices into todo of the units to do
  if (options.resume) {
    if (!std::filesystem::exists(partial) && std::filesystem::exists(options.output_path)) {
      std::filesystem::copy_file(options.output_path, partial, std::filesystem::copy_options::overwrite_existing);
    }
    auto done = resumed_lines(partial);
    if (!done) return done.error();
    // A line is kept only when it is the outcome the unit would have now: same key (the policy,
    // findings, strategy, catalog, version and verification it was made with) and no error.
    std::vector<char> keep(todo.size(), 0);
    support::parallel_for(todo.size(), threads, [&](std::size_t i) {
      const auto found = done->find(todo[i]->read.id);
      if (todo[i]->read.id.empty() || found == done->end() || found->second.status == UnitStatus::kError) return;
      const auto key = current_unit_key(todo[i]->read, options.config);
      keep[i] = key && *key == found->second.key ? 1 : 0;
    });
    std::string kept;
    for (std::size_t i = 0; i < todo.size(); ++i) {
      if (keep[i] == 0) {
        remaining.push_back(i);
        continue;
      }
      const ResumedLine& line = done->at(todo[i]->read.id);
      output_lines[i] = line.text + "\n";
      kept += output_lines[i];
      ++summary.by_status[status_index(line.status)];
    }
    std::ofstream rewrite(partial, std::ios::binary | std::ios::trunc);
    rewrite << kept;
    rewrite.close();
    if (!rewrite) return Error{ErrorKind::kBadInput, partial + ": cannot rewrite the partial output"};
    summary.resumed = todo.size() - remaining.size();
  } else {
    for (std::size_t i = 0; i < todo.size(); ++i) remaining.push_back(i);
    std::ofstream truncate(partial, std::ios::binary | std::ios::trunc);
    if (!truncate) return Error{ErrorKind::kBadInput, partial + ": cannot write"};
  }
  std::ofstream out(partial, std::ios::binary | std::ios::app);
  if (!out) return Error{ErrorKind::kBadInput, partial + ": cannot write"};
  std::unique_ptr<Progress> progress;
  if (options.progress != nullptr) progress = std::make_unique<Progress>(*options.progress, options.progress_terminal, todo.size());

  // Largest line first: a unit's verification costs roughly with its policy and findings
  // together (the two 150 KB lines of the first 400 units of bench/reports/batch.md's account, a
  // small policy with 438 findings, took 155 s of the 223 s of verification), and the largest
  // started last would leave the other cores idle at the end. Each thread takes the next unit as it finishes one,
  // with no barrier between units; a finished unit's line goes to OUT.partial at once (for
  // --resume, in the order the units finish) and OUT is written in input order at the end.
  std::stable_sort(remaining.begin(), remaining.end(), [&](std::size_t a, std::size_t b) {
    return todo[a]->bytes > todo[b]->bytes;
  });
  // Units with the same key (the same policy and touching findings: principals that share a
  // policy and agree on its findings) are done once when verifying or caching
  // (batch/same_key_rounds.h, run_in_key_rounds below).
  RunConfig config = options.config;
  share_entry_tries(config);
  std::size_t not_proved = summary.count(UnitStatus::kUnknown) + summary.count(UnitStatus::kCounterexample) +
                           summary.count(UnitStatus::kError);
  std::size_t finished = summary.resumed;
  std::mutex finishing;  // guards summary, out, output_lines' writes, progress and the counters
  auto finish_unit = [&](std::size_t i, const RunConfig& keyed) {
    UnitOutcome outcome = process_unit(todo[i]->read, keyed);
    // A bad line is found by its number (it may have no id).
    if (outcome.status == UnitStatus::kError) outcome.line["line"] = todo[i]->number;
    std::string text = model::dump_json(outcome.line, -1) + "\n";
    const std::lock_guard lock(finishing);
    ++summary.by_status[status_index(outcome.status)];
    summary.cache_hits += outcome.cache_hit ? 1 : 0;
    if (outcome.status != UnitStatus::kProved && outcome.status != UnitStatus::kUnverified) ++not_proved;
    out << text << std::flush;
    output_lines[i] = std::move(text);
    ++finished;
    summary.same_as_earlier += outcome.same_as_earlier ? 1 : 0;
    if (progress) progress->update(finished, not_proved);
  };
  run_in_key_rounds(
      remaining, threads, config, [&](std::size_t i, const RunConfig& keyed) { return current_unit_key(todo[i]->read, keyed); },
      finish_unit);
  out.close();
  if (!out) return Error{ErrorKind::kBadInput, partial + ": cannot write"};
  if (auto written = write_in_input_order(output_lines, options.output_path); !written) return written.error();
  std::error_code error;
  std::filesystem::remove(partial, error);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  if (progress) progress->finish(todo.size(), not_proved);
  return summary;
}

}  // namespace leastpriv::batch
