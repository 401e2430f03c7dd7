// `leastpriv batch` end to end (cli/commands/batch_command.cpp, batch/run.h): one output line per
// unit in input order, a bad unit reported in its own line, shards that together hold every unit
// once, --resume after a cut, OUT only when every unit is done, --no-verify, the cache and the
// certificates it keeps, and the plain progress lines a CI log gets.
#include "model/json_text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace leastpriv {
namespace {

using testing::run_leastpriv;

const std::string kCatalog = "tests/data/catalog-small.json";

std::string unit_line(const std::string& id, const std::string& action, const std::string& unused) {
  return R"({"id": ")" + id + R"(", "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ")" +
         action + R"(", "Resource": "*"}]}, "findings": [{"serviceNamespace": "s3", "actions": [")" + unused + R"("]}]})";
}

std::vector<model::Json> output_lines(const std::string& path) {
  std::vector<model::Json> lines;
  std::istringstream in(testing::read_file(path));
  for (std::string line; std::getline(in, line);) {
    auto parsed = model::parse_json_text(line, path);
    EXPECT_TRUE(parsed.ok()) << line;
    if (parsed) lines.push_back(*parsed);
  }
  return lines;
}

std::vector<std::string> ids_of(const std::vector<model::Json>& lines) {
  std::vector<std::string> ids;
  for (const auto& line : lines) ids.push_back(line["id"].get<std::string>());
  return ids;
}

class BatchCli : public testing::TempDirTest {
 protected:
  // Twelve good units: s3:Get* with one unused Get action each (alternating which).
  std::string twelve_units() {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      text += unit_line("role/r" + std::to_string(i), "s3:Get*", i % 2 == 0 ? "GetObject" : "GetBucketPolicy") + "\n";
    }
    return file("in.jsonl", text);
  }

  testing::CommandResult batch(const std::string& in, const std::string& out, std::vector<std::string> extra) {
    std::vector<std::string> arguments{"batch", in, "-o", out, "--catalog", kCatalog};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return run_leastpriv(arguments);
  }

};

TEST_F(BatchCli, EveryUnitGetsItsLineInInputOrderAndABadOneSaysWhy) {
  const std::string in = file("in.jsonl", unit_line("a", "s3:Get*", "GetObject") + "\n\n" +
                                              R"({"id": "b", "policy": {"Statement": 3}, "findings": []})" + "\n" +
                                              unit_line("c", "s3:List*", "ListBucket") + "\n" + "{not json\n");
  const std::string out = dir_ + "/out.jsonl";
  const auto result = batch(in, out, {"--fast"});
  EXPECT_EQ(result.exit_code, 2) << result.err;  // the worst unit is bad input
  const auto lines = output_lines(out);
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_EQ(ids_of(lines), (std::vector<std::string>{"a", "b", "c", ""}));
  EXPECT_EQ(lines[0]["status"], "proved");
  EXPECT_EQ(lines[1]["status"], "error");
  EXPECT_EQ(lines[1]["line"], 3);  // line 2 is blank
  EXPECT_NE(lines[1]["error"].get<std::string>().find(in + ":3 /policy: /Statement"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2]["status"], "proved");
  EXPECT_EQ(lines[3]["status"], "error");
  EXPECT_EQ(lines[3]["line"], 5);
  // The proved result drops the unused action and keeps the other Gets.
  const std::string refined = model::dump_json(lines[0]["policy"], -1);
  EXPECT_EQ(refined.find("GetObject\""), std::string::npos) << refined;
  EXPECT_NE(refined.find("s3:Get"), std::string::npos) << refined;
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

TEST_F(BatchCli, ShardsTogetherHoldEveryUnitOnce) {
  const std::string in = twelve_units();
  const auto whole = batch(in, dir_ + "/all.jsonl", {"--no-verify"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  std::multiset<std::string> from_shards;
  std::size_t nonempty_shards = 0;
  for (int shard = 0; shard < 3; ++shard) {
    const std::string out = dir_ + "/shard" + std::to_string(shard) + ".jsonl";
    const auto result = batch(in, out, {"--no-verify", "--shard", std::to_string(shard) + "/3"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto ids = ids_of(output_lines(out));
    nonempty_shards += ids.empty() ? 0 : 1;
    from_shards.insert(ids.begin(), ids.end());
  }
  const auto all = ids_of(output_lines(dir_ + "/all.jsonl"));
  EXPECT_EQ(from_shards, std::multiset<std::string>(all.begin(), all.end()));
  EXPECT_EQ(all.size(), 12U);
  EXPECT_GE(nonempty_shards, 2U);  // the hash spreads twelve ids
  EXPECT_EQ(batch(in, dir_ + "/x.jsonl", {"--shard", "3/3"}).exit_code, 2);
  EXPECT_EQ(batch(in, dir_ + "/x.jsonl", {"--shard", "1"}).exit_code, 2);
}

TEST_F(BatchCli, ResumeKeepsWholeLinesDropsACutOneAndSkipsDoneIds) {
  const std::string in = twelve_units();
  const std::string out = dir_ + "/out.jsonl";
  ASSERT_EQ(batch(in, dir_ + "/reference.jsonl", {"--no-verify"}).exit_code, 0);
  const std::string reference = testing::read_file(dir_ + "/reference.jsonl");
  // An interrupted run: four whole lines and half of the fifth in OUT.partial, no OUT.
  std::istringstream lines(reference);
  std::string partial;
  std::string line;
  for (int i = 0; i < 4 && std::getline(lines, line); ++i) partial += line + "\n";
  std::getline(lines, line);
  partial += line.substr(0, line.size() / 2);
  // A marker in a kept line shows that line was kept, not made again.
  const std::string marked = partial.substr(0, partial.find("\"key\"")) + "\"resumed\":true," + partial.substr(partial.find("\"key\""));
  file("out.jsonl.partial", marked);
  const auto result = batch(in, out, {"--no-verify", "--resume"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto resumed = output_lines(out);
  EXPECT_EQ(ids_of(resumed), ids_of(output_lines(dir_ + "/reference.jsonl")));
  EXPECT_EQ(resumed[0].value("resumed", false), true);
  EXPECT_EQ(resumed[5].value("resumed", false), false);
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

// A kept line must be the outcome the unit would have now: a line made with another key (the
// unit's policy changed since, or the line was edited) and an error line are made again.
TEST_F(BatchCli, ResumeRedoesLinesWhoseKeyIsNotTheUnitsNowAndErrorLines) {
  const std::string in = twelve_units();
  const std::string out = dir_ + "/out.jsonl";
  ASSERT_EQ(batch(in, dir_ + "/reference.jsonl", {"--no-verify"}).exit_code, 0);
  auto reference = output_lines(dir_ + "/reference.jsonl");
  ASSERT_EQ(reference.size(), 12U);
  std::string partial;
  for (std::size_t i = 0; i < 4; ++i) {
    model::Json line = reference[i];
    line["resumed"] = true;
    if (i == 1) line["key"] = std::string(64, '0');     // another key
    if (i == 3) line = model::Json{{"id", reference[i]["id"]}, {"status", "error"}, {"error", "x"}, {"resumed", true}};
    partial += model::dump_json(line, -1) + "\n";
  }
  file("out.jsonl.partial", partial);
  const auto result = batch(in, out, {"--no-verify", "--resume"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto resumed = output_lines(out);
  ASSERT_EQ(resumed.size(), 12U);
  std::map<std::string, model::Json> by_id;
  for (const auto& line : resumed) by_id[line["id"]] = line;
  EXPECT_EQ(by_id[reference[0]["id"]].value("resumed", false), true);
  EXPECT_EQ(by_id[reference[1]["id"]].value("resumed", false), false);  // redone: its key was not the unit's
  EXPECT_EQ(by_id[reference[1]["id"]]["key"], reference[1]["key"]);
  EXPECT_EQ(by_id[reference[2]["id"]].value("resumed", false), true);
  EXPECT_EQ(by_id[reference[3]["id"]].value("resumed", false), false);  // redone: an error line
  EXPECT_EQ(by_id[reference[3]["id"]]["status"], "unverified");
}

// A partial output that exists but cannot be read: resuming would write its units twice.
TEST_F(BatchCli, ResumeRefusesAPartialOutputItCannotRead) {
  const std::string in = twelve_units();
  const std::string out = dir_ + "/out.jsonl";
  std::filesystem::create_directory(out + ".partial");
  const auto result = batch(in, out, {"--no-verify", "--resume"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--resume: cannot read the partial output"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(BatchCli, OutIsWrittenOnlyWhenEveryUnitIsDone) {
  const std::string in = twelve_units();
  const std::string out = file("out.jsonl", "an earlier run's output\n");
  // An unwritable partial (a directory in its place) fails the run before any unit: OUT stays.
  std::filesystem::create_directory(out + ".partial");
  const auto refused = batch(in, out, {"--no-verify"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find(".partial"), std::string::npos) << refused.err;
  EXPECT_EQ(testing::read_file(out), "an earlier run's output\n");
  std::filesystem::remove(out + ".partial");
  const auto result = batch(in, out, {"--no-verify"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(output_lines(out).size(), 12U);
}

TEST_F(BatchCli, NoVerifySaysUnverifiedOnEveryLine) {
  const std::string in = twelve_units();
  const std::string out = dir_ + "/out.jsonl";
  ASSERT_EQ(batch(in, out, {"--no-verify"}).exit_code, 0);
  for (const auto& line : output_lines(out)) {
    EXPECT_EQ(line["status"], "unverified") << line;
    EXPECT_TRUE(line.contains("policy")) << line;
  }
}

TEST_F(BatchCli, ASecondRunIsAllCachedAndTheCachedCertificateRechecks) {
  const std::string in = twelve_units();
  const std::string cache = dir_ + "/cache";
  const auto first = batch(in, dir_ + "/first.jsonl", {"--fast", "--cache", cache});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto second = batch(in, dir_ + "/second.jsonl", {"--fast", "--cache", cache});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto first_lines = output_lines(dir_ + "/first.jsonl");
  const auto second_lines = output_lines(dir_ + "/second.jsonl");
  ASSERT_EQ(second_lines.size(), 12U);
  for (std::size_t i = 0; i < second_lines.size(); ++i) {
    EXPECT_EQ(second_lines[i]["status"], "proved");
    EXPECT_EQ(second_lines[i].value("cached", false), true) << second_lines[i];
    EXPECT_EQ(second_lines[i]["policy"], first_lines[i]["policy"]);
  }
  // Two distinct policies-with-findings: two entries, each a certificate z3 and cvc5 re-check.
  std::set<std::string> keys;
  for (const auto& line : first_lines) keys.insert(line["key"].get<std::string>());
  EXPECT_EQ(keys.size(), 2U);
  const std::string entry = cache + "/" + first_lines[0]["key"].get<std::string>().substr(0, 2) + "/" +
                            first_lines[0]["key"].get<std::string>();
  const auto check = run_leastpriv({"check-certificate", entry + "/certificate.json", "--original", entry + "/original.json",
                                    "--findings", entry + "/findings.json", "--result", entry + "/result.json", "--catalog",
                                    kCatalog});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

// Two units of one policy with different unused s3 actions: the lambda queries are the same
// question, decided once for the run (verifier/decide/verdict_memo.h); the unit that took them
// from the memo still has a certificate with a verdict for every query that check-certificate
// re-checks with the solvers.
TEST_F(BatchCli, QueriesSharedByUnitsAreDecidedOnceAndEachCertificateRechecks) {
  auto line = [](const std::string& id, const std::string& unused) {
    return R"({"id": ")" + id + R"(", "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": )" +
           R"(["s3:Get*", "lambda:Get*"], "Resource": "*"}]}, "findings": [{"serviceNamespace": "s3", "actions": [")" +
           unused + R"("]}]})";
  };
  const std::string in = file("in.jsonl", line("role/a", "GetObject") + "\n" + line("role/b", "GetBucketPolicy") + "\n");
  const std::string cache = dir_ + "/cache";
  const auto result = batch(in, dir_ + "/out.jsonl", {"--cache", cache, "--jobs", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto memo = result.err.find(" queries from the run's verdict memo");
  ASSERT_NE(memo, std::string::npos) << result.err;
  const std::string counts = result.err.substr(result.err.rfind(", ", memo) + 2, memo - result.err.rfind(", ", memo) - 2);
  EXPECT_NE(counts.substr(0, 2), "0 ") << result.err;  // some queries were taken from the memo
  const auto lines = output_lines(dir_ + "/out.jsonl");
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(ids_of(lines), (std::vector<std::string>{"role/a", "role/b"}));
  for (const auto& unit : lines) {
    ASSERT_EQ(unit["status"], "proved") << unit;
    const std::string key = unit["key"].get<std::string>();
    const std::string entry = cache + "/" + key.substr(0, 2) + "/" + key;
    const auto certificate = model::parse_json_text(testing::read_file(entry + "/certificate.json"), "certificate");
    ASSERT_TRUE(certificate.ok());
    for (const auto& obligation : (*certificate)["obligations"]) {
      if (obligation["obligation"] == "O0") continue;
      EXPECT_EQ(obligation["verdict"], "proved") << obligation["id"];
      EXPECT_EQ(obligation["procedures"].size(), 3U) << obligation["id"];  // automaton, z3, cvc5: from the memo or not
    }
    const auto check = run_leastpriv({"check-certificate", entry + "/certificate.json", "--original", entry + "/original.json",
                                      "--findings", entry + "/findings.json", "--result", entry + "/result.json",
                                      "--catalog", kCatalog});
    EXPECT_EQ(check.exit_code, 0) << unit["id"] << check.out << check.err;
  }
}

// Units with the same key (the same policy and touching findings) are verified once per run,
// without a cache: the others take its outcome under their own ids, in input order.
TEST_F(BatchCli, UnitsWithTheSameKeyAreVerifiedOnce) {
  const std::string in = twelve_units();  // two keys, six units each
  const auto result = batch(in, dir_ + "/out.jsonl", {"--fast"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("0 from the cache, 10 the same as an earlier unit"), std::string::npos) << result.err;
  const auto lines = output_lines(dir_ + "/out.jsonl");
  ASSERT_EQ(lines.size(), 12U);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["id"], "role/r" + std::to_string(i));
    EXPECT_EQ(lines[i]["status"], "proved") << lines[i];
    EXPECT_FALSE(lines[i].contains("cached")) << lines[i];
    EXPECT_EQ(lines[i]["key"], lines[i % 2]["key"]);
    EXPECT_EQ(lines[i]["policy"], lines[i % 2]["policy"]);
  }
  EXPECT_NE(lines[0]["policy"], lines[1]["policy"]);
}

TEST_F(BatchCli, ProgressOnANonTerminalIsPlainLines) {
  const std::string in = twelve_units();
  const auto result = batch(in, dir_ + "/out.jsonl", {"--no-verify"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find('\r'), std::string::npos) << result.err;  // no redrawing in a log
  EXPECT_NE(result.err.find("12/12 (100%)"), std::string::npos) << result.err;
}

TEST_F(BatchCli, AnUnreadableInputIsExit2AndNoOutput) {
  const std::string out = dir_ + "/out.jsonl";
  const auto result = batch(dir_ + "/missing.jsonl", out, {});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("missing.jsonl"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

}  // namespace
}  // namespace leastpriv
