// Helpers the tests share; see test_support.h.
#include "tests/support/test_support.h"

#include "model/json_text.h"
#include "model/policy_input.h"
#include "engine/strategies/strategy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace leastpriv::testing {

std::string source_path(const std::string& relative) { return std::string(LEASTPRIV_SOURCE_DIR) + "/" + relative; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "leastpriv-test-XXXXXX").string();
  char* made = ::mkdtemp(pattern.data());
  return made != nullptr ? std::string(made) : std::string();
}

void TempDirTest::SetUp() { dir_ = make_temp_dir(); }

void TempDirTest::TearDown() { std::filesystem::remove_all(dir_); }

std::string TempDirTest::file(const std::string& name, const std::string& text) const {
  const std::string path = dir_ + "/" + name;
  write_file(path, text);
  return path;
}

model::InputFile source_input(const std::string& relative) {
  auto file = model::read_input_file(source_path(relative));
  EXPECT_TRUE(file.ok()) << relative;
  return file.ok() ? *file : model::InputFile{};
}

model::VerificationFiles fault_files(const std::string& fault) {
  const std::string dir = "proofs/faults/" + fault + "/";
  return model::VerificationFiles{source_input(dir + "original.json"), source_input(dir + "findings.json"),
                                  source_input(dir + "result.json"), source_input("tests/data/catalog-small.json")};
}

CommandResult run_leastpriv(const std::vector<std::string>& arguments) {
  const std::string dir = make_temp_dir();
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const pid_t child = ::fork();
  if (child == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    // Relative paths in tests are relative to the source tree, as in the README.
    if (::chdir(LEASTPRIV_SOURCE_DIR) != 0) ::_exit(126);
    std::vector<char*> argv;
    std::string binary = LEASTPRIV_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (auto& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

namespace {

// A zombie has ended; only its parent's wait is pending (an orphan's new parent may reap late).
bool is_zombie(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto after_name = line.rfind(')');
  return after_name != std::string::npos && after_name + 2 < line.size() && line[after_name + 2] == 'Z';
}

}  // namespace

bool process_gone(int pid) {
  for (int attempt = 0; attempt < 300; ++attempt) {
    if (::kill(pid, 0) != 0 || is_zombie(pid)) return true;
    ::usleep(10000);
  }
  return false;
}

std::vector<std::string> all_words(const std::string& alphabet, std::size_t max_length) {
  std::vector<std::string> words{""};
  std::vector<std::string> frontier{""};
  for (std::size_t length = 1; length <= max_length; ++length) {
    std::vector<std::string> next;
    for (const auto& word : frontier) {
      for (char c : alphabet) next.push_back(word + c);
    }
    words.insert(words.end(), next.begin(), next.end());
    frontier = std::move(next);
  }
  return words;
}

model::Catalog catalog_of(const std::vector<std::string>& full_names) {
  std::vector<std::pair<std::string, std::string>> actions;
  for (const auto& full : full_names) {
    const auto colon = full.find(':');
    actions.emplace_back(full.substr(0, colon), full.substr(colon + 1));
  }
  auto catalog = model::Catalog::from_actions(actions, model::CatalogIdentity{"test catalog", ""});
  EXPECT_TRUE(catalog.ok()) << (catalog.ok() ? "" : catalog.error().message);
  return catalog.ok() ? std::move(catalog).value() : model::Catalog();
}

const model::Catalog& small_hand_catalog() {
  static const model::Catalog catalog = catalog_of({
      "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetBucketAcl",
      "s3:GetBucketPolicy", "s3:GetBucketCORS", "s3:GetJobTagging", "s3:ListBucket", "s3:ListAllMyBuckets",
      "s3:PutObject", "s3express:CreateSession", "ec2:DescribeInstances", "ec2:DescribeVpcs", "ec2:RunInstances",
  });
  return catalog;
}

std::vector<std::string> strategies_under_test() {
  std::vector<std::string> names = engine::strategy_names();
  names.push_back("bounded:1");
  names.push_back("bounded:160");
  return names;
}

model::PolicyDocument policy_of(const std::string& json_text) {
  auto loaded = model::load_policy_text(json_text, "test-policy.json");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
  return loaded.ok() ? std::move(loaded).value().document : model::PolicyDocument();
}

model::UnusedFindings findings_of(const std::string& json_text) {
  auto findings = model::UnusedFindings::from_text(json_text, "test-findings.json");
  EXPECT_TRUE(findings.ok()) << (findings.ok() ? "" : findings.error().message);
  return findings.ok() ? std::move(findings).value() : model::UnusedFindings();
}

}  // namespace leastpriv::testing
