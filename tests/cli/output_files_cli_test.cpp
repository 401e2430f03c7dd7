// What refine, verify, compare and explain write (cli/output_files.h), as red-team rows 5, 6
// and 11 of issue 12 found it: -o and --certificate are written together or not at all, an
// output never overwrites an input or the other output, a symlink or device is written
// through, and a verify that proves nothing writes no certificate.
#include "tests/support/test_support.h"
#include "verifier/certificate/sha256.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace leastpriv {
namespace {

namespace fs = std::filesystem;
using testing::run_leastpriv;

const std::string kPolicy = "examples/seed/policy.json";
const std::string kFindings = "examples/seed/findings.json";

class OutputFilesCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  // No file and no temporary is left in the directory besides `expected`.
  void expect_directory_holds(std::size_t expected) const {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      ++count;
      EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();
    }
    EXPECT_EQ(count, expected);
  }
  std::string dir_;
};

TEST_F(OutputFilesCli, Row5_ACertificateThatCannotBeWrittenLeavesNoResultEither) {
  const auto run = run_leastpriv({"refine", "--policy", kPolicy, "--findings", kFindings, "-o", path("out.json"),
                                  "--certificate", path("missing-dir/cert.json")});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("missing-dir/cert.json"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(path("out.json")));
  expect_directory_holds(0);
}

TEST_F(OutputFilesCli, Row5_TheCertificateHashesTheBytesWrittenToO) {
  const auto run = run_leastpriv({"refine", "--policy", kPolicy, "--findings", kFindings, "-o", path("out.json"),
                                  "--certificate", path("cert.json")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto certificate = nlohmann::json::parse(testing::read_file(path("cert.json")));
  EXPECT_EQ(certificate["inputs"]["result"]["sha256"], verifier::sha256_hex(testing::read_file(path("out.json"))));
  EXPECT_EQ(certificate["inputs"]["original"]["sha256"], verifier::sha256_hex(testing::read_file(testing::source_path(kPolicy))));
  expect_directory_holds(2);
}

TEST_F(OutputFilesCli, Row6_AnOutputNamingTheOtherOutputOrAnInputIsRefused) {
  testing::write_file(path("policy.json"), testing::read_file(testing::source_path(kPolicy)));
  const std::string before = testing::read_file(path("policy.json"));
  fs::create_symlink(path("policy.json"), path("alias.json"));
  const std::vector<std::vector<std::string>> refused = {
      {"refine", "--policy", kPolicy, "--findings", kFindings, "-o", path("x.json"), "--certificate", path("x.json")},
      {"refine", "--policy", path("policy.json"), "--findings", kFindings, "-o", path("policy.json")},
      {"refine", "--policy", path("policy.json"), "--findings", kFindings, "-o", path("alias.json")},
      {"refine", "--policy", path("policy.json"), "--findings", kFindings, "-o", path("r.json"), "--certificate",
       path("policy.json")},
      {"verify", "--original", kPolicy, "--findings", kFindings, "--result", path("policy.json"), "--certificate",
       path("policy.json")},
      {"compare", "--policy", path("policy.json"), "--findings", kFindings, "--no-verify", "-o", path("policy.json")},
      {"explain", "--policy", path("policy.json"), "--findings", kFindings, "-o", path("./policy.json")},
  };
  for (const auto& words : refused) {
    const auto run = run_leastpriv(words);
    EXPECT_EQ(run.exit_code, 2) << words.front() << ": " << run.err;
    EXPECT_TRUE(run.err.find("same file") != std::string::npos || run.err.find("input") != std::string::npos) << run.err;
    EXPECT_EQ(testing::read_file(path("policy.json")), before);
  }
  EXPECT_TRUE(fs::is_symlink(path("alias.json")));
  EXPECT_FALSE(fs::exists(path("x.json")));
  EXPECT_FALSE(fs::exists(path("r.json")));
}

TEST_F(OutputFilesCli, Row11_ASymlinkIsWrittenThroughNotReplaced) {
  testing::write_file(path("target.json"), "old");
  fs::create_symlink(path("target.json"), path("link.json"));
  const auto run = run_leastpriv({"refine", "--policy", kPolicy, "--findings", kFindings, "-o", path("link.json")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(path("link.json")));
  EXPECT_NE(testing::read_file(path("target.json")).find("\"Statement\""), std::string::npos);
  expect_directory_holds(2);
}

TEST_F(OutputFilesCli, Row11_ADeviceIsWrittenInPlace) {
  const auto run = run_leastpriv({"refine", "--policy", kPolicy, "--findings", kFindings, "-o", "/dev/stdout"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"Statement\""), std::string::npos) << run.out;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  EXPECT_EQ(run_leastpriv({"refine", "--policy", kPolicy, "--findings", kFindings, "-o", "/dev/null"}).exit_code, 0);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(OutputFilesCli, AVerifyThatProvesNothingWritesNoCertificate) {
  // The original as its own result keeps the unused actions: O2 fails.
  const auto run = run_leastpriv({"verify", "--original", kPolicy, "--findings", kFindings, "--result", kPolicy,
                                  "--certificate", path("cert.json")});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("no certificate written"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(path("cert.json")));
}

}  // namespace
}  // namespace leastpriv
