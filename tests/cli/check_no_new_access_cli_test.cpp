// check-no-new-access through the binary: exit 0 for a narrowing, 1 with the action, the
// candidate statement (index, Sid, pointer) and its scope for a widening or a dropped Deny, the
// same as JSON with --format json, --access-not-granted alone and with --reference, bad input
// (exit 2, the file named, no certificate written), and a certificate that check-certificate
// re-checks against the same files and refuses against other ones.
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

class CheckNoNewAccessCli : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    reference_ = file("old.json", R"({"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"},
      {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]})");
    narrow_ = file("narrow.json", R"({"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"},
      {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]})");
    wide_ = file("wide.json", R"({"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"},
      {"Sid":"Write","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::bucket/*"},
      {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]})");
    no_deny_ = file("no-deny.json", R"({"Version":"2012-10-17","Statement":[
      {"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]})");
  }
  std::string reference_, narrow_, wide_, no_deny_;
};

TEST_F(CheckNoNewAccessCli, NarrowingPassesWithExitZero) {
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", narrow_});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("verdict: no-new-access"), std::string::npos) << run.out;
}

TEST_F(CheckNoNewAccessCli, WideningFailsNamingActionStatementAndScope) {
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", wide_});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("new access: `s3:putobject` is allowed by candidate statement 2 (Sid `Write`) at /Statement/1"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("Resource \"arn:aws:s3:::bucket/*\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("verdict: new-access"), std::string::npos) << run.out;
}

TEST_F(CheckNoNewAccessCli, DroppedDenyFailsAsJson) {
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", no_deny_, "--format", "json"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  auto json = model::parse_json_text(run.out, "stdout");
  ASSERT_TRUE(json.ok()) << run.out;
  EXPECT_EQ((*json)["verdict"], "new-access");
  ASSERT_FALSE((*json)["new_access"].empty());
  const auto& access = (*json)["new_access"][0];
  EXPECT_EQ(access["action"], "s3:getobject");
  EXPECT_EQ(access["statement_index"], 0);
  EXPECT_EQ(access["statement_pointer"], "/Statement/0");
  EXPECT_EQ(access["sid"], "Read");
  EXPECT_NE(access["explanation"].get<std::string>().find("NoSecrets"), std::string::npos);
  EXPECT_FALSE((*json)["obligations"].empty());
}

TEST_F(CheckNoNewAccessCli, AccessNotGrantedAloneAndWithAReference) {
  const auto denied = run_leastpriv({"check-no-new-access", "--candidate", narrow_, "--access-not-granted",
                                     "s3:PutObject,iam:*", "--format", "json"});
  EXPECT_EQ(denied.exit_code, 0) << denied.out << denied.err;
  const auto granted = run_leastpriv({"check-no-new-access", "--candidate", wide_, "--access-not-granted", "s3:Put*"});
  EXPECT_EQ(granted.exit_code, 1) << granted.out << granted.err;
  EXPECT_NE(granted.out.find("`s3:putobject`"), std::string::npos) << granted.out;
  const auto both = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", narrow_,
                                   "--access-not-granted", "s3:GetObject"});
  EXPECT_EQ(both.exit_code, 1) << both.out << both.err;  // narrow is no new access, but grants s3:GetObject
  EXPECT_NE(both.out.find("listed in --access-not-granted"), std::string::npos) << both.out;
}

TEST_F(CheckNoNewAccessCli, BadInputExitsTwoNamingTheFileAndWritesNoCertificate) {
  const std::string broken = file("broken.json", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]})");
  const std::string certificate = dir_ + "/cert.json";
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", broken,
                                  "--certificate", certificate});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("broken.json"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(certificate));
  const auto neither = run_leastpriv({"check-no-new-access", "--candidate", narrow_});
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("--reference"), std::string::npos) << neither.err;
  const auto empty_item = run_leastpriv({"check-no-new-access", "--candidate", narrow_, "--access-not-granted", "s3:Get*,"});
  EXPECT_EQ(empty_item.exit_code, 2);
  const auto missing = run_leastpriv({"check-no-new-access", "--reference", dir_ + "/absent.json", "--candidate", narrow_});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("absent.json"), std::string::npos) << missing.err;
}

TEST_F(CheckNoNewAccessCli, CertificateRechecksAgainstItsFilesOnly) {
  const std::string certificate = dir_ + "/cert.json";
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", narrow_,
                                  "--certificate", certificate});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto rechecked = run_leastpriv({"check-certificate", certificate, "--reference", reference_, "--candidate", narrow_});
  EXPECT_EQ(rechecked.exit_code, 0) << rechecked.out << rechecked.err;
  EXPECT_NE(rechecked.out.find("certificate re-checked"), std::string::npos) << rechecked.out;
  // Against another candidate: a hash mismatch and other texts, refused before any solver runs.
  const auto other = run_leastpriv({"check-certificate", certificate, "--reference", reference_, "--candidate", wide_});
  EXPECT_EQ(other.exit_code, 1) << other.out << other.err;
  EXPECT_NE(other.out.find("candidate `"), std::string::npos) << other.out;
  // A widening writes none.
  const std::string none = dir_ + "/none.json";
  const auto failed = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", wide_,
                                     "--certificate", none});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(none));
}

TEST_F(CheckNoNewAccessCli, DenyOnlyCandidateHasACertificateWithNoQueries) {
  const std::string deny_only = file("deny-only.json", R"({"Version":"2012-10-17","Statement":[
    {"Effect":"Deny","Action":"*","Resource":"*"}]})");
  const std::string certificate = dir_ + "/cert.json";
  const auto run = run_leastpriv({"check-no-new-access", "--reference", reference_, "--candidate", deny_only,
                                  "--certificate", certificate});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto rechecked = run_leastpriv({"check-certificate", certificate, "--reference", reference_, "--candidate", deny_only});
  EXPECT_EQ(rechecked.exit_code, 0) << rechecked.out << rechecked.err;
  // The same empty certificate does not pass for a candidate that allows something.
  const auto other = run_leastpriv({"check-certificate", certificate, "--reference", reference_, "--candidate", narrow_});
  EXPECT_EQ(other.exit_code, 1) << other.out << other.err;
  EXPECT_NE(other.out.find("is missing"), std::string::npos) << other.out;
}

}  // namespace
}  // namespace leastpriv
