// The command-line table; see options.h. Adding a flag here is all it takes for the parser
// to accept it and for --help and the README block to show it; a command then reads it
// through Arguments (which refuses to read a flag the table does not declare).
#include "cli/options.h"

#include "cli/commands/commands.h"

#include <cstdio>
#include <stdexcept>

namespace leastpriv::cli {

namespace {

// The per-query timeout's ceiling: a day. Far above any run we measured, and low enough that
// the milliseconds Z3 and the solver processes are given cannot overflow.
constexpr NumberRule kSeconds{86400, false};
constexpr NumberRule kProcedureCount{3, true};  // Z3, cvc5, the automaton
constexpr NumberRule kJobs{1024, true};

const std::string kStrategies = "aws (the default), char, exact, fewest, bounded[:N]";

Flag policy_flag(const std::string& help) {
  return {.name = "--policy", .value_name = "P.json", .help = help, .required = true};
}
Flag findings_flag() {
  return {.name = "--findings", .value_name = "F.json", .help = "the unused actions: Access Analyzer findings",
          .required = true};
}
Flag catalog_flag() {
  return {.name = "--catalog", .value_name = "C", .help = "the action catalog (default: the embedded snapshot)"};
}
Flag timeout_flag(const std::string& help) {
  return {.name = "--timeout", .value_name = "S", .help = help, .numeric = true, .number = kSeconds};
}
Flag output_flag() {
  return {.name = "-o", .value_name = "OUT", .help = "write to OUT (atomically) instead of stdout"};
}
Flag switch_flag(const std::string& name, const std::string& help) {
  return {.name = name, .kind = FlagKind::kSwitch, .help = help};
}

Command refine_command() {
  return Command{
    .name = "refine",
    .purpose = "the policy minus the unused actions, proved before it is written",
    .flags = {
        policy_flag("the IAM policy to refine (a document or an AWS CLI wrapper)"),
        findings_flag(),
        catalog_flag(),
        {.name = "--strategy", .value_name = "NAME",
         .help = "how a wildcard that hides unused actions is rewritten: " + kStrategies},
        {.name = "--format", .help = "the policy, a unified diff, or a GetFindingRecommendation response",
         .choices = {"policy", "diff", "recommendation"}},
        {.name = "--policy-id", .value_name = "ID",
         .help = "the policy id a recommendation names (default: the input's, else its file name)"},
        switch_flag("--no-verify", "write the result unproved (stderr says so)"),
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot; stderr says so)"),
        switch_flag("--full-portfolio", "kept for compatibility: Z3, cvc5 and the automaton decide every query by default"),
        {.name = "--certificate", .value_name = "CERT.json",
         .help = "write the proof certificate of the written file (needs -o)"},
        timeout_flag("seconds the whole verification may take: no query or procedure runs past it (default: 60 per query, no overall limit)"),
        output_flag(),
    },
    .run = run_refine};
}

Command verify_command() {
  return Command{
    .name = "verify",
    .purpose = "proves that a result is the original minus the unused actions",
    .flags = {
        {.name = "--original", .value_name = "P.json", .help = "the policy before refinement", .required = true},
        findings_flag(),
        {.name = "--result", .value_name = "R.json",
         .help = "the candidate: a policy or a GetFindingRecommendation response", .required = true},
        catalog_flag(),
        {.name = "--certificate", .value_name = "CERT.json", .help = "write the proof certificate"},
        {.name = "--format", .help = "the summary in words, or the report as JSON (every query's verdicts)",
         .choices = {"text", "json"}},
        timeout_flag("seconds the whole verification may take: no query or procedure runs past it (default: 60 per query, no overall limit)"),
        {.name = "--require-agreement", .value_name = "N",
         .help = "how many procedures must say unsat for a query to be proved (default 1)", .numeric = true,
         .number = kProcedureCount},
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot; stderr says so)"),
        switch_flag("--no-z3", "leave Z3 out of the portfolio"),
        switch_flag("--no-cvc5", "leave cvc5 out of the portfolio"),
        switch_flag("--no-automaton", "leave the exact automaton out of the portfolio"),
        switch_flag("--solvers-for-ground", "kept for compatibility: Z3 and cvc5 decide the ground obligations too by default"),
        {.name = "--strategy", .value_name = "NAME", .help = "the strategy to record in the certificate"},
    },
    .run = run_verify};
}

Command check_no_new_access_command() {
  return Command{
    .name = "check-no-new-access",
    .purpose = "proves that a candidate policy allows no request the reference does not (and/or none of the listed actions)",
    .flags = {
        {.name = "--candidate", .value_name = "NEW.json", .help = "the policy proposed (a document or an AWS CLI wrapper)",
         .required = true},
        {.name = "--reference", .value_name = "OLD.json", .help = "the policy it must not exceed"},
        {.name = "--access-not-granted", .kind = FlagKind::kRepeatable, .value_name = "A,B",
         .help = "actions or patterns the candidate must not allow in any scope (comma-separated; may be repeated)"},
        catalog_flag(),
        {.name = "--format", .help = "the verdict and each new access in words, or as JSON", .choices = {"text", "json"}},
        {.name = "--certificate", .value_name = "CERT.json", .help = "write the proof certificate (only when proved)"},
        timeout_flag("seconds the whole check may take: no query or procedure runs past it (default: 60 per query, no overall limit)"),
        {.name = "--require-agreement", .value_name = "N",
         .help = "how many procedures must say unsat for a query to be proved (default 1)", .numeric = true,
         .number = kProcedureCount},
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot)"),
        switch_flag("--no-z3", "leave Z3 out of the portfolio"),
        switch_flag("--no-cvc5", "leave cvc5 out of the portfolio"),
        switch_flag("--no-automaton", "leave the exact automaton out of the portfolio"),
    },
    .run = run_check_no_new_access};
}

Command check_certificate_command() {
  return Command{
    .name = "check-certificate",
    .purpose = "checks a certificate against its inputs: rebuilds every query from the files, then z3 and cvc5 (and z3-wasm on request) re-run each",
    .positional = "CERT.json",
    .min_positional = 1,
    .max_positional = 1,
    .flags = {
        {.name = "--original", .value_name = "P.json", .help = "the policy before refinement (needed, as are the next two)"},
        {.name = "--findings", .value_name = "F.json", .help = "the unused actions: Access Analyzer findings"},
        {.name = "--result", .value_name = "R.json", .help = "the result the certificate is for"},
        {.name = "--reference", .value_name = "OLD.json", .help = "check-no-new-access's reference (for its certificates)"},
        {.name = "--candidate", .value_name = "NEW.json", .help = "check-no-new-access's candidate (for its certificates)"},
        {.name = "--access-not-granted", .kind = FlagKind::kRepeatable, .value_name = "A,B",
         .help = "the list check-no-new-access was given (for its certificates)"},
        catalog_flag(),
        switch_flag("--queries-only", "re-run the certificate's texts alone, bound to no input: says so loudly and never exits 0"),
        timeout_flag("seconds per solver run (default 60)"),
        {.name = "--solvers", .value_name = "LIST",
         .help = "the solvers that must each say unsat to every text: z3, cvc5, z3-wasm, comma-separated (default z3,cvc5)"},
        {.name = "--z3", .value_name = "PATH", .help = "the z3 binary (default: z3 on PATH)"},
        {.name = "--cvc5", .value_name = "PATH", .help = "the cvc5 binary (default: cvc5 on PATH)"},
        {.name = "--node", .value_name = "PATH", .help = "Node.js, which runs z3-wasm (default: node on PATH; needs z3-wasm in --solvers)"},
        {.name = "--z3-wasm", .value_name = "SCRIPT",
         .help = "the z3-wasm script (default: scripts/z3-wasm/z3-wasm.js of this source tree; npm z3-solver from scripts/install-deps.sh)"},
        {.name = "--threads", .value_name = "N", .help = "workers, each with its own process of every solver (default: one per core)",
         .numeric = true, .number = kJobs},
    },
    .run = run_check_certificate};
}

Command batch_command() {
  return Command{
    .name = "batch",
    .purpose = "every unit of a JSON Lines file refined and proved, one output line per unit, in input order",
    .positional = "IN.jsonl",
    .min_positional = 1,
    .max_positional = 1,
    .flags = {
        {.name = "-o", .value_name = "OUT.jsonl",
         .help = "the output lines (written as OUT.jsonl.partial until every unit is done)", .required = true},
        catalog_flag(),
        {.name = "--strategy", .value_name = "NAME",
         .help = "the strategy of units that name none: " + kStrategies},
        switch_flag("--no-verify", "refine without proving (every line says `unverified`)"),
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot)"),
        timeout_flag("seconds each unit's verification may take (default: 60 per query)"),
        {.name = "--jobs", .value_name = "N", .help = "units run side by side (default: one per core)", .numeric = true,
         .number = kJobs},
        switch_flag("--resume", "keep the whole lines of an interrupted run's OUT.jsonl.partial whose key is the unit's key now, and do the rest"),
        {.name = "--cache", .value_name = "DIR",
         .help = "reuse and store outcomes and certificates by content key (shared by runs and shards)"},
        {.name = "--shard", .value_name = "i/n", .help = "only the units whose id hashes to shard i of n"},
    },
    .run = run_batch};
}

Command account_command() {
  return Command{
    .name = "account",
    .purpose = "every principal of an account with findings: one GetFindingRecommendation-shaped result each, shared policies refined once, each result proved",
    .flags = {
        {.name = "--authorization-details", .value_name = "A.json",
         .help = "the output of `aws iam get-account-authorization-details`", .required = true},
        {.name = "--findings", .value_name = "DIR|F.jsonl",
         .help = "the GetFindingV2 responses (and ListFindingsV2 pages): a folder of JSON files or one JSON Lines file",
         .required = true},
        catalog_flag(),
        {.name = "--strategy", .value_name = "NAME", .help = "how a wildcard that hides unused actions is rewritten: " + kStrategies},
        switch_flag("--per-principal-copies",
                    "give each principal its own refined copy of a shared managed policy instead of refining it once against what all leave unused"),
        switch_flag("--fit", "refine a result over its IAM size limit again with `bounded` at that limit, then split a managed one that still does not fit"),
        switch_flag("--no-verify", "refine without proving (every policy says `unverified`; stderr says so)"),
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot; stderr says so)"),
        timeout_flag("seconds each policy's verification may take (default: 60 per query)"),
        {.name = "--jobs", .value_name = "N", .help = "policies refined side by side (default: one per core)", .numeric = true,
         .number = kJobs},
        {.name = "--cache", .value_name = "DIR",
         .help = "reuse and store outcomes and certificates by content key (the batch cache)"},
        {.name = "-o", .value_name = "OUT.json", .help = "write the report to OUT.json (atomically) instead of stdout"},
    },
    .run = run_account};
}

Command compare_command() {
  return Command{
    .name = "compare",
    .purpose = "every strategy on one input, side by side, each result proved",
    .flags = {
        policy_flag("the IAM policy to refine"),
        findings_flag(),
        catalog_flag(),
        {.name = "--newer-catalog", .value_name = "C2",
         .help = "a later catalog: count the actions it adds that each result would allow"},
        {.name = "--format", .help = "how to print the rows", .choices = {"table", "json", "csv"}},
        {.name = "--strategies", .kind = FlagKind::kRepeatable, .value_name = "A,B",
         .help = "the strategies to run, comma-separated (default: all); may be repeated"},
        switch_flag("--no-verify", "measure the results without proving them"),
        switch_flag("--no-z3", "leave Z3 out of the portfolio"),
        switch_flag("--no-cvc5", "leave cvc5 out of the portfolio"),
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot; stderr says so)"),
        switch_flag("--full-portfolio", "kept for compatibility: Z3, cvc5 and the automaton decide every query by default"),
        timeout_flag("seconds the whole verification may take: no query or procedure runs past it (default: 60 per query, no overall limit)"),
        output_flag(),
    },
    .run = run_compare};
}

Command explain_command() {
  return Command{
    .name = "explain",
    .purpose = "why each changed entry became what it became, in words or as a token trie",
    .flags = {
        policy_flag("the IAM policy to refine"),
        findings_flag(),
        catalog_flag(),
        {.name = "--entry", .value_name = "PATTERN", .help = "only this entry (default: every changed one)"},
        {.name = "--strategy", .value_name = "NAME", .help = "the strategy to explain: " + kStrategies},
        {.name = "--format", .help = "words, Graphviz DOT, or SVG drawn by graphviz's dot",
         .choices = {"text", "dot", "svg"}},
        output_flag(),
    },
    .run = run_explain};
}

Command catalog_command() {
  return Command{
    .name = "catalog",
    .purpose = "the catalog actions a pattern matches (all when none is given), one a line",
    .positional = "[PATTERN]",
    .min_positional = 0,
    .max_positional = 1,
    .flags = {catalog_flag()},
    .run = run_catalog};
}

Command gate_command() {
  return Command{
    .name = "gate",
    .purpose = "a CI gate over a CloudFormation template, a Terraform plan or a policy file: every policy checked for new access against its version before, refined where findings are given; one SARIF, JUnit, JSON or text report",
    .positional = "[FILE]",
    .min_positional = 0,
    .max_positional = 1,
    .flags = {
        {.name = "--before", .value_name = "OLD",
         .help = "the version before the change (template, plan or policy file): each policy must allow nothing it does not "
                 "(default: a plan's own resource_changes before; none for a template)"},
        {.name = "--after", .value_name = "NEW", .help = "the version after the change (instead of FILE)"},
        {.name = "--findings", .kind = FlagKind::kRepeatable, .value_name = "[PRINCIPAL=]F.json",
         .help = "unused-access findings: for the policies of PRINCIPAL (a logical id, address, role name or policy key), "
                 "else for every policy; each such policy is refined and the result proved; may be repeated"},
        catalog_flag(),
        {.name = "--format", .help = "the report: text, SARIF 2.1.0 (GitHub code scanning), JUnit XML or JSON",
         .choices = {"text", "sarif", "junit", "json"}},
        {.name = "--fail-on", .kind = FlagKind::kRepeatable, .value_name = "LEVEL|RULE",
         .help = "what blocks (exit 1): results of this level and above (error, the default; warning; note; none) or of this "
                 "rule (LP001..LP006 or its name); may be repeated"},
        {.name = "--ignore", .kind = FlagKind::kRepeatable, .value_name = "RULE|RESOURCE",
         .help = "drop the results of a rule, or about a resource or policy key; may be repeated"},
        switch_flag("--write-back", "write the proved refined policies into the CloudFormation template itself, in place "
                                    "(only their Action/NotAction lists change)"),
        switch_flag("--fast", "let the verifier's automaton decide alone (Z3 and cvc5 only where it cannot)"),
        timeout_flag("seconds each policy's check may take (default: 60 per query)"),
        {.name = "-o", .value_name = "OUT", .help = "write the report to OUT (atomically) instead of stdout"},
        {.name = "--output", .value_name = "OUT", .help = "the same as -o"},
    },
    .run = run_gate};
}

std::vector<Command> declare_commands() {
  return {refine_command(),  verify_command(),  check_certificate_command(), check_no_new_access_command(), batch_command(),
          account_command(), compare_command(), explain_command(), gate_command(), catalog_command()};
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> all = declare_commands();
  return all;
}

const Command* find_command(const std::string& name) {
  for (const auto& command : commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const Command& declared_command(const std::string& name) {
  const Command* command = find_command(name);
  if (command == nullptr) throw std::logic_error("options.cpp declares no command `" + name + "`");
  return *command;
}

const Flag* find_flag(const Command& command, const std::string& name) {
  for (const auto& flag : command.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

std::string value_placeholder(const Flag& flag) {
  if (flag.choices.empty()) return flag.value_name;
  std::string text;
  for (const auto& choice : flag.choices) text += (text.empty() ? "" : "|") + choice;
  return text;
}

std::string describe_number_rule(const NumberRule& rule) {
  char max[32];
  std::snprintf(max, sizeof max, "%g", rule.max);
  return rule.integer ? std::string("a whole number from 1 to ") + max : std::string("a positive number up to ") + max;
}

}  // namespace leastpriv::cli
