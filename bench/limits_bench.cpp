// limits_bench: what leastpriv costs up to its resource limits (README "Resource limits"). For
// each case and size it writes a policy and findings to a temporary folder and runs the
// leastpriv binary on them as a child, measuring wall time and the child's peak resident set
// (getrusage, through support::run_process): `refine --no-verify -o R` (the engine), then
// `verify --fast` and `verify` (full portfolio) of that R.
//
// Usage: build/bench/limits_bench [--leastpriv build/leastpriv] [--cases A,B] [--sizes N,N]
//                                 [--modes refine,fast,full] [--timeout SECONDS]
//   Cases (the size is what varies):
//     statements N  N Allow statements, each with its own Resource (N scopes): `s3:GetObject*`, `s3:List*`
//     pattern L     one Action pattern of L characters (a literal no action matches) beside `s3:Get*`
//     wildcards K   one pattern `*g??…?*` with K wildcards (every service), next to unused names it reaches
//     depth D       a Condition nested D levels deep
//     bytes S       a policy file of S bytes (a Condition value that long)
//   --sizes applies to every case given; without it each case runs its own ladder up to its limit.
//   Prints one line per run: case, size, mode, exit code, seconds, peak MiB.
//
// IMPLEMENTATION: the inputs are generated, not stored; findings mark a fixed set of s3 actions
// unused, so every case has something to remove. A run that exceeds --timeout (default 600 s)
// is killed and reported as `timeout`. The inputs are written piece by piece, never held
// whole: Linux counts the memory of the process a child was spawned from in the child's peak
// (the address space it had until exec), so this process must stay smaller than any run.
#include "support/process.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace leastpriv;
using Clock = std::chrono::steady_clock;

constexpr const char* kFindings = R"([{"serviceNamespace": "s3", "actions": ["GetBucketAcl", "GetBucketPolicy", "GetBucketCORS",
  "GetBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "GetObjectAcl", "ListBucketVersions",
  "GetAccessPointPolicyStatusForObjectLambda"]}])";

std::string statement(const std::string& action_json, const std::string& resource_json, const std::string& extra = "") {
  return R"({"Effect": "Allow", "Action": )" + action_json + R"(, "Resource": )" + resource_json + extra + "}";
}

// Writes a policy of these statements; a statement may hold the marker kFiller, which is
// written as `filler` copies of `v` (in pieces: see the header on the benchmark's own memory).
constexpr const char* kFiller = "@FILLER@";

bool write_policy(const std::string& path, const std::vector<std::string>& statements, std::size_t filler = 0) {
  std::ofstream out(path, std::ios::binary);
  out << R"({"Version": "2012-10-17", "Statement": [)";
  for (std::size_t i = 0; i < statements.size(); ++i) {
    out << (i ? ",\n" : "\n");
    const std::string& text = statements[i];
    const auto marker = text.find(kFiller);
    if (marker == std::string::npos) {
      out << text;
      continue;
    }
    out << text.substr(0, marker);
    const std::string piece(1 << 16, 'v');
    for (std::size_t left = filler; left > 0; left -= std::min(left, piece.size())) out.write(piece.data(), static_cast<std::streamsize>(std::min(left, piece.size())));
    out << text.substr(marker + std::string(kFiller).size());
  }
  out << "\n]}\n";
  return static_cast<bool>(out);
}

// The input of case `name` at `size`, written to `path`.
bool write_case(const std::string& name, std::size_t size, const std::string& path) {
  if (name == "statements") {
    std::ofstream out(path, std::ios::binary);
    out << R"({"Version": "2012-10-17", "Statement": [)";
    for (std::size_t i = 0; i < size; ++i) {
      out << (i ? ",\n" : "\n")
          << statement(R"(["s3:GetObject*", "s3:List*"])", "\"arn:aws:s3:::bucket-" + std::to_string(i) + "/*\"");
    }
    out << "\n]}\n";
    return static_cast<bool>(out);
  }
  if (name == "pattern") {
    const std::string literal = "s3:" + std::string(size > 3 ? size - 3 : 1, 'a');
    return write_policy(path, {statement(R"(["s3:Get*", ")" + literal + "\"]", "\"*\"")});
  }
  if (name == "wildcards") {
    // `*g` then K-2 `?` then `*`, over every service: the glob whose automaton has the most
    // state sets (2^(K-2)), met by the `aws` strategy's safe-node test across the catalog.
    const std::string glob = "*g" + std::string(size > 2 ? size - 2 : 0, '?') + "*";
    return write_policy(path, {statement(R"(["s3:List*", ")" + glob + "\"]", "\"*\"")});
  }
  if (name == "depth") {
    // Statement (2 levels below the root) > Condition > operator > key > D-5 nested arrays.
    std::string value = "\"x\"";
    for (std::size_t i = 5; i < size; ++i) value = "[" + value + "]";
    return write_policy(path, {statement(R"(["s3:Get*"])", "\"*\"", R"(, "Condition": {"StringEquals": {"aws:k": )" + value + "}}")});
  }
  if (name == "bytes") {
    // A statement of unused names only, which refine removes, keeps the result (indented
    // as refine writes it) under the size of the file, so verify can read it back.
    std::string unused = "[";
    for (int i = 0; i < 40; ++i) unused += std::string(i ? ", " : "") + "\"s3:GetBucketPolicy\"";
    unused += "]";
    const std::vector<std::string> statements = {
        statement(unused, "\"*\""),
        statement(R"(["s3:GetObject"])", "\"*\"", std::string(R"(, "Condition": {"StringEquals": {"aws:k": ")") + kFiller + "\"}}")};
    if (!write_policy(path, statements)) return false;
    const auto head = static_cast<std::size_t>(std::filesystem::file_size(path));
    return write_policy(path, statements, size > head ? size - head : 0);
  }
  return false;
}

// Each case's ladder: up to its limit (model/input_limits.h), a few sizes apart.
const std::map<std::string, std::vector<std::size_t>> kLadders = {
    {"statements", {1250, 2500, 5000, 10000}},
    {"pattern", {64, 128, 256, 512}},
    {"wildcards", {3, 6, 9, 12}},
    {"depth", {32, 64, 128}},
    {"bytes", {2 << 20, 4 << 20, 8 << 20, 16 << 20}},
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

bool write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

struct Run {
  int exit_status = -1;
  bool timed_out = false;
  double seconds = 0;
  long peak_kb = 0;
  std::string output;
};

Run run(const std::vector<std::string>& argv, double timeout) {
  const auto began = Clock::now();
  const auto result = support::run_process(argv, timeout);
  Run out;
  out.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  out.exit_status = result.started ? result.exit_status : -1;
  out.timed_out = result.timed_out;
  out.peak_kb = result.peak_rss_kb;
  out.output = result.started ? result.output : result.error;
  return out;
}

void report(const std::string& name, std::size_t size, const std::string& mode, const Run& r) {
  std::printf("%-10s %9zu  %-6s  exit %-7s %9.2f s  %8.1f MiB\n", name.c_str(), size, mode.c_str(),
              r.timed_out ? "timeout" : std::to_string(r.exit_status).c_str(), r.seconds, static_cast<double>(r.peak_kb) / 1024.0);
  if (!r.timed_out && r.exit_status != 0 && r.exit_status != 3) {
    std::printf("           %s\n", r.output.substr(0, 300).c_str());
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string leastpriv = "build/leastpriv";
  std::vector<std::string> cases = {"statements", "pattern", "wildcards", "depth", "bytes"};
  std::vector<std::string> modes = {"refine", "fast", "full"};
  std::vector<std::size_t> sizes;
  double timeout = 600;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--leastpriv") leastpriv = value;
    else if (flag == "--cases") cases = split(value);
    else if (flag == "--modes") modes = split(value);
    else if (flag == "--timeout") timeout = std::atof(value.c_str());
    else if (flag == "--sizes") {
      for (const auto& size : split(value)) sizes.push_back(static_cast<std::size_t>(std::atoll(size.c_str())));
    } else {
      std::fprintf(stderr, "limits_bench: unknown flag `%s`\n", flag.c_str());
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr, "limits_bench: every flag takes a value\n");
    return 2;
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("limits_bench." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string findings = (dir / "findings.json").string();
  const std::string original = (dir / "policy.json").string();
  const std::string result = (dir / "result.json").string();
  write(findings, kFindings);
  std::printf("%-10s %9s  %-6s  %-12s %11s  %12s\n", "case", "size", "mode", "exit", "wall", "peak RSS");
  for (const auto& name : cases) {
    const auto ladder = kLadders.find(name);
    if (ladder == kLadders.end()) {
      std::fprintf(stderr, "limits_bench: no case `%s`\n", name.c_str());
      return 2;
    }
    for (std::size_t size : sizes.empty() ? ladder->second : sizes) {
      if (!write_case(name, size, original)) {
        std::fprintf(stderr, "limits_bench: cannot write `%s`\n", original.c_str());
        return 2;
      }
      std::filesystem::remove(result);
      for (const auto& mode : modes) {
        if (mode == "refine") {
          report(name, size, mode, run({leastpriv, "refine", "--policy", original, "--findings", findings, "--no-verify", "-o", result}, timeout));
        } else if (mode == "fast" || mode == "full") {
          if (!std::filesystem::exists(result)) continue;  // nothing refined to verify
          std::vector<std::string> command = {leastpriv, "verify", "--original", original, "--findings", findings, "--result", result};
          if (mode == "fast") command.push_back("--fast");
          report(name, size, mode, run(command, timeout));
        } else {
          std::fprintf(stderr, "limits_bench: no mode `%s` (refine, fast, full)\n", mode.c_str());
          return 2;
        }
      }
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}
