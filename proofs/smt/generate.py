#!/usr/bin/env python3
"""Writes the generated lemmas of proofs/smt/ (the hand-written ones are edited by hand).

    python3 proofs/smt/generate.py            # rewrite the generated files
    python3 proofs/smt/generate.py --check    # exit 1 if a generated file is out of date

Generated here, because they are long or derived from data:
  07, 08  the bounded-length agreement of the glob encoding with the reference semantics
          (spec/reference_matcher.cpp, unrolled into Boolean constraints);
  09-11   O1, O2, O3 for the seed example (examples/seed) and the result the `aws` strategy
          gives for it with the embedded catalog (spec/catalog/aws-catalog.txt);
  21      the prefix-tree (trie) encoding of a word set equals the plain union;
  sat/06-10  the DESIGN §4 faults at solver level (each must be `sat`).

IMPLEMENTATION: no dependency beyond the standard library; reads the catalog snapshot and the
seed JSON from the repository, so a catalog change shows up as a `--check` failure rather
than as a silently stale lemma. Every glob is encoded exactly as DESIGN §4 says (literal runs
→ str.to_re, `?` → re.allchar, `*` → re.all), independently of verifier/encode/query.cpp.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOG = os.path.join(ROOT, "spec", "catalog", "aws-catalog.txt")
SEED_POLICY = os.path.join(ROOT, "examples", "seed", "policy.json")
SEED_FINDINGS = os.path.join(ROOT, "examples", "seed", "findings.json")

# The result `leastpriv refine --policy examples/seed/policy.json --findings
# examples/seed/findings.json` printed with the embedded catalog 0.21.202609261
# (engine/strategies/aws_strategy.cpp), statement by statement. Pinned here on purpose: the lemmas
# are about this text, and a change to the strategy's output must be a visible diff.
SEED_RESULT = [
    ["lambda:Invoke*"],
    [
        "s3:GetAccess*",
        "s3:GetAccountPublicAccessBlock",
        "s3:GetBucketAbac",
        "s3:GetBucketMetadataTableConfiguration",
        "s3:GetDataAccess",
        "s3:GetJobTagging",
        "s3:GetMulti*",
        "s3:GetObject*",
        "s3:GetStorage*",
        "s3:List*",
    ],
]


# --- SMT-LIB text -------------------------------------------------------------------------

def lit(text):
    """SMT-LIB string literal; anything outside [a-z0-9:._-] as \\u{XX}."""
    out = []
    for c in text:
        if c.islower() and c.isascii() or c.isdigit() or c in ":._-":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return '"' + "".join(out) + '"'


def glob_regex(pattern):
    """DESIGN §4 encoding of a lower-cased glob."""
    parts = []
    run = ""
    for c in pattern:
        if c in "*?":
            if run:
                parts.append("(str.to_re %s)" % lit(run))
                run = ""
            parts.append("re.all" if c == "*" else "re.allchar")
        else:
            run += c
    if run or not parts:
        parts.append("(str.to_re %s)" % lit(run))
    return parts[0] if len(parts) == 1 else "(re.++ %s)" % " ".join(parts)


def union(regexes):
    if not regexes:
        return "re.none"
    return regexes[0] if len(regexes) == 1 else "(re.union %s)" % " ".join(regexes)


def globs_regex(patterns):
    return union([glob_regex(p.lower()) for p in patterns])


def words_union(words):
    return union(["(str.to_re %s)" % lit(w) for w in sorted(set(words))])


def words_trie(words):
    """A set of words as a prefix tree: shared prefixes are written once."""
    words = sorted(set(words))

    def build(group, depth):
        # group: words sharing text[:depth]; returns the regex of their suffixes from depth.
        alternatives = []
        if any(len(w) == depth for w in group):
            alternatives.append('(str.to_re "")')
        rest = [w for w in group if len(w) > depth]
        by_char = {}
        for w in rest:
            by_char.setdefault(w[depth], []).append(w)
        for c in sorted(by_char):
            sub = by_char[c]
            # Extend the edge label while every word continues with the same character.
            end = depth + 1
            while all(len(w) > end for w in sub) and len({w[end] for w in sub}) == 1:
                end += 1
            label = "(str.to_re %s)" % lit(sub[0][depth:end])
            if all(len(w) == end for w in sub):
                alternatives.append(label)
            else:
                alternatives.append("(re.++ %s %s)" % (label, build(sub, end)))
        return union(alternatives)

    return build(words, 0)


def comment_block(lines):
    return "".join("; " + line + "\n" if line else ";\n" for line in lines)


# --- data ---------------------------------------------------------------------------------

def read_catalog():
    source = ""
    actions = []
    with open(CATALOG, encoding="ascii") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# source:"):
                source = line[len("# source:"):].strip()
            if not line or line.startswith("#"):
                continue
            service, *names = line.split(" ")
            actions.extend("%s:%s" % (service, name) for name in names)
    return source, actions


# An Allow+NotAction statement and findings with a wholly unused service, and the NotAction
# list `leastpriv refine` (strategy `aws`, the dual walk of engine/strategies/strategy.cpp) printed for
# them with the embedded catalog 0.21.202609261. Pinned for the same reason as SEED_RESULT.
NOT_ACTION_ORIGINAL = ["iam:*"]
NOT_ACTION_UNUSED_ACTIONS = [
    "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketPolicy", "s3:GetBucketPolicyStatus",
    "s3:PutBucketPolicy", "s3:GetObjectTorrent", "s3:GetObjectVersionTorrent", "lambda:AddPermission",
]
NOT_ACTION_UNUSED_SERVICES = ["ec2"]
NOT_ACTION_RESULT = [
    "iam:*", "ec2:*", "lambda:AddPermission", "s3:GetBucketAcl", "s3:GetBucketCORS",
    "s3:GetBucketPolicy*", "s3:GetObjectTorrent", "s3:GetObjectVersionTorrent", "s3:PutBucketPolicy",
]


def reference_matches(pattern, action):
    """spec/reference_matcher.cpp, transcribed (lower-case both, `*` any run, `?` one)."""
    pattern, action = pattern.lower(), action.lower()
    if not pattern:
        return not action
    if pattern[0] == "*":
        return any(reference_matches(pattern[1:], action[k:]) for k in range(len(action) + 1))
    if not action:
        return False
    if pattern[0] != "?" and pattern[0] != action[0]:
        return False
    return reference_matches(pattern[1:], action[1:])


def seed():
    with open(SEED_POLICY) as f:
        policy = json.load(f)
    with open(SEED_FINDINGS) as f:
        findings = json.load(f)
    statements = [s["Action"] if isinstance(s["Action"], list) else [s["Action"]] for s in policy["Statement"]]
    unused = []
    for entry in findings:
        for name in entry["actions"]:
            unused.append(("%s:%s" % (entry["serviceNamespace"], name)).lower())
    return statements, sorted(set(unused))


# --- bounded encoding lemmas (07, 08, 22-24) ----------------------------------------------

def reference_constraints(name, pattern, bound, char=lambda j: "(str.at x %d)" % j):
    """Boolean definitions m_i_j ⇔ reference_matches(pattern[i:], x[j:]) for |x| ≤ bound.

    The recursion of spec/reference_matcher.cpp `matches_from`, unrolled: `*` tries every
    end k (j ≤ k ≤ |x|), `?` takes one character, a literal character must equal x[j]
    (char(j): the SMT-LIB term for that character)."""
    x = "x"
    defs = []
    n = len(pattern)

    def m(i, j):
        return "m_%s_%d_%d" % (name, i, j)

    for i in range(n, -1, -1):
        for j in range(bound, -1, -1):
            if i == n:
                body = "(= (str.len %s) %d)" % (x, j)
            elif pattern[i] == "*":
                body = "(or %s)" % " ".join(
                    "(and (<= %d (str.len %s)) %s)" % (k, x, m(i + 1, k)) for k in range(j, bound + 1))
            elif j == bound:
                body = "false"
            elif pattern[i] == "?":
                body = "(and (< %d (str.len %s)) %s)" % (j, x, m(i + 1, j + 1))
            else:
                body = "(and (< %d (str.len %s)) (= %s %s) %s)" % (
                    j, x, char(j), lit(pattern[i]), m(i + 1, j + 1))
            defs.append("(define-fun %s () Bool %s)" % (m(i, j), body))
    return x, defs, m(0, 0)


def encode_not_reference(name, pattern, n):
    return ("%s, |x| = %d: encode and not reference" % (name, n),
            "(and (str.in_re x %s) (not m_%s_0_0))" % (glob_regex(pattern), name))


def reference_not_encode(name, pattern, n):
    """The checks whose disjunction is (reference ∧ ¬encode) for pattern at |x| = n.

    Split by where the pattern's first `*` (pattern position i0, reached at x position i0:
    everything before it takes one character) ends: one check per end k ≤ n with m_i0+1_k,
    and one with ¬m_i0_i0, the negation of the disjunction of those ends (m_i0_i0's own
    definition; ends k > n fail their guard k ≤ |x|). Exhaustive by construction."""
    encode = "(str.in_re x %s)" % glob_regex(pattern)
    reference = "m_%s_0_0" % name
    if "*" not in pattern or pattern.index("*") > n:
        # No `*`, or the first `*` lies beyond x (the reference fails before it): one check.
        return [("%s, |x| = %d: reference and not encode" % (name, n), "(and %s (not %s))" % (reference, encode))]
    i0 = pattern.index("*")
    cases = []
    for k in range(i0, n + 1):
        cases.append(("%s, |x| = %d: reference and not encode, first `*` ends at %d" % (name, n, k),
                      "(and %s (not %s) (<= %d (str.len x)) m_%s_%d_%d)" % (reference, encode, k, name, i0 + 1, k)))
    cases.append(("%s, |x| = %d: reference and not encode, first `*` ends nowhere" % (name, n),
                  "(and %s (not %s) (not m_%s_%d_%d))" % (reference, encode, name, i0, i0)))
    return cases


def bounded_encoding_lemma(number, title, patterns, bound, extra, discharges, measured, lengths=None, part=""):
    """The lemma for |x| ≤ bound, or (lengths = (lo, hi)) its part for lo ≤ |x| ≤ hi."""
    lo, hi = lengths or (0, bound)
    lines = [
        "Lemma %02d%s — %s" % (number, part, title),
        "",
        "Claim: for each pattern P below and every string x without upper-case letters (the",
        "lower-cased action; DESIGN §4 lower-cases both sides) with %s:" % (
            "|x| ≤ %d" % hi if lo == 0 else "%d ≤ |x| ≤ %d" % (lo, hi)),
        "  x ∈ encode(P)  ⇔  reference_matches(P, x)",
        "where encode is DESIGN §4's glob encoding (literal runs → str.to_re, `?` → re.allchar,",
        "`*` → re.all; verifier/encode/query.h glob_regex) and reference_matches is the recursion of",
        "spec/reference_matcher.cpp `matches_from`, unrolled into the Boolean constants m_K_i_j",
        "(\"pattern K from position i matches x from position j\"; a `*` tries every end k with",
        "j ≤ k ≤ |x|, a `?` takes one character, a literal character must equal x[j]).",
    ] + extra + [
        "Discharges: spec/OBLIGATIONS.md assumption E1 (the encoding means what the spec means)",
        discharges,
        "Shape: concrete patterns, one symbolic x; the negated claim is split into questions, each",
        "a script of its own ended by (reset) (each `(check-sat)` must be unsat; together they are",
        "exactly the negation):",
        "  - by the length n = |x|, %d ≤ n ≤ %d (every x of the claim has one);" % (lo, hi),
        "  - for each n, x is n characters: x = c0 ++ … ++ c(n-1), each |cj| = 1 (every string of",
        "    length n is one), the recursion unrolled for length n reads character j as cj (for",
        "    j < n, cj is str.at x j; its guard j < |x| is false for every other j);",
        "  - for each n and pattern, (encode ∧ ¬reference) is one check, and (reference ∧ ¬encode)",
        "    one check per end k of the pattern's first `*` (m_K_i0+1_k, k ≤ n) and one for",
        "    \"no end\" (¬m_K_i0_i0, which is the negated disjunction of those ends), so that the",
        "    cases are exhaustive by the recursion's own definition. A pattern without `*`: one.",
        "Why split: one disjunction over all lengths was past cvc5 1.0.3 (proofs/README.md).",
    ] + measured + [
        "Generated by proofs/smt/generate.py; do not edit by hand.",
    ]
    text = comment_block(lines) + "(set-info :status unsat)\n"
    for n in range(lo, hi + 1):
        # x of length n as n characters, character j of x read as cj.
        preamble = "(set-logic QF_SLIA)\n(declare-const x String)\n(assert (= (str.len x) %d))\n" % n
        preamble += "(assert (not (str.in_re x (re.++ re.all (re.range \"A\" \"Z\") re.all))))\n"
        for j in range(n):
            preamble += "(declare-const c%d String)\n(assert (= (str.len c%d) 1))\n" % (j, j)
        if n:
            preamble += "(assert (= x %s))\n" % ("(str.++ %s)" % " ".join("c%d" % j for j in range(n)) if n > 1 else "c0")
        for index, pattern in enumerate(patterns):
            name = "p%d" % index
            _, defs, _ = reference_constraints(name, pattern, n, char=lambda j: "c%d" % j)
            cases = [encode_not_reference(name, pattern, n)] + reference_not_encode(name, pattern, n)
            for label, assertion in cases:
                text += "\n; %s (pattern %s = `%s`)\n" % (label, name, pattern) + preamble
                text += "\n".join(defs) + "\n(assert %s)\n(check-sat)\n(reset)\n" % assertion
    return text


# --- seed lemmas (09, 10, 11, 21) and faults (sat/06-10) ----------------------------------

def seed_header(number, title, claim, discharges, source, extra=()):
    return comment_block(
        ["Lemma %02d — %s" % (number, title), ""] + claim + [
            "Original: examples/seed/policy.json; U: examples/seed/findings.json (%s)." % "30 actions",
            "Result: what `leastpriv refine` (strategy `aws`) printed for them with the embedded",
            "catalog (%s); pinned in proofs/smt/generate.py SEED_RESULT." % source,
        ] + list(extra) + [
            "Discharges: " + discharges,
            "Generated by proofs/smt/generate.py; do not edit by hand.",
        ])


def catalog_words(actions, patterns, unused):
    return sorted(a.lower() for a in actions
                  if any(reference_matches(p, a) for p in patterns) and a.lower() not in unused)


def difference(a, b):
    """The strings in a and not in b, as ONE regular expression.

    Measured on this machine: Z3 4.8.12 decides `(str.in_re x (re.inter A (re.comp B)))`
    far faster than the same question as two assertions `(str.in_re x A)` and
    `(not (str.in_re x B))` (seed O3: 0.5 s against a 20 s timeout; the infix inclusions
    `s3:delete*object*` ⊆ `s3:*object*` and `kms:*encrypt*` ⊆ `kms:*crypt*`: < 1 s against
    a timeout). cvc5 1.0.3 is fast either way. So every lemma asks one membership."""
    return "(re.inter %s (re.comp %s))" % (a, b)


def one_membership(defs, regex):
    text = "(set-info :status {status})\n(set-logic QF_S)\n(declare-const x String)\n"
    text += "".join("(define-fun %s () RegLan %s)\n" % d for d in defs)
    return text + "(assert (str.in_re x %s))\n(check-sat)\n" % regex


def generate():
    files = {}
    source, actions = read_catalog()
    statements, unused = seed()
    unused_set = set(unused)
    if len(statements) != 2 or len(SEED_RESULT) != 2:
        sys.exit("generate.py: the seed policy no longer has two statements; update SEED_RESULT")

    def bounded(number, name, title, patterns, bound, extra, discharges, splits=()):
        """Lemma `number` for |x| ≤ bound; with splits (the first length of each further part),
        one file per part, NNa, NNb, …, whose length ranges together are 0..bound."""
        starts = [0] + list(splits)
        ends = [s - 1 for s in splits] + [bound]
        for index, (lo, hi) in enumerate(zip(starts, ends)):
            part = "" if not splits else "abcdefgh"[index]
            note = [] if not splits else [
                "Part %s of lemma %02d (files %02da-%02d%s): the lengths %d..%d; together the parts cover" % (
                    part, number, number, number, "abcdefgh"[len(splits)], lo, hi),
                "every |x| ≤ %d. Split so that each file stays within the CTest budget for z3 4.8.12." % bound]
            files["%02d%s-%s.smt2" % (number, part, name)] = bounded_encoding_lemma(
                number, title, patterns, bound, extra + note, discharges, [], lengths=(lo, hi), part=part)

    bounded(7, "encoding-bounded-question",
            "the encoding of literals and `?` agrees with the reference semantics (bounded).",
            ["s3:getobject", "?", "??", "s3:?et", "s3:get?bject", "?3:get"], 15,
            ["Patterns without `*`: a literal must match the whole string (no implicit prefix or",
             "suffix), and `?` takes exactly one character (never none, never two)."],
            "and SEMANTICS.md rules M2 (`?`) and M4 (whole-string match).", splits=[12])
    bounded(8, "encoding-bounded-star", "the encoding of `*` agrees with the reference semantics (bounded).",
            ["*", "*:*", "s3*", "s3:get*", "s3:?et*"], 10,
            ["Patterns with one `*`: alone, in the service part, trailing, next to `?`. `*` also",
             "matches the empty run (so `*:*` matches \":\" and `s3*` matches \"s3\")."],
            "and SEMANTICS.md rules M1 (`*`) and M3 (service-part wildcards).", splits=[6, 8, 10])
    bounded(22, "encoding-bounded-service-star",
            "the encoding of a service-part `*` with a trailing `*` agrees with the semantics (bounded).",
            ["*:get*"], 12,
            ["`*:get*`: two stars, the first in the service part (DESIGN §3's example entry)."],
            "and SEMANTICS.md rules M1 and M3.", splits=[9, 11, 12])
    bounded(23, "encoding-bounded-infix-star",
            "the encoding of an infix pattern agrees with the reference semantics (bounded).",
            ["s3:*object*"], 14,
            ["`s3:*object*`: the infix shape of DESIGN §4's Z3 timeouts."],
            "and SEMANTICS.md rule M1.", splits=[11, 13])
    bounded(24, "encoding-bounded-repeated-star",
            "the encoding of repeated stars agrees with the reference semantics (bounded).",
            ["a*a*b"], 9,
            ["`a*a*b`: the pattern on which a backtracking matcher explodes (engine/match/action_pattern.h);",
             "the encoding must place the middle `a` anywhere, not only leftmost."],
            "and SEMANTICS.md rule M1.", splits=[8, 9])

    seed_o = [[p.lower() for p in s] for s in statements]
    seed_r = [[p.lower() for p in s] for s in SEED_RESULT]
    kept = [catalog_words(actions, statements[k], unused_set) for k in range(2)]

    # 09: O1 per statement.
    text = seed_header(
        9, "O1 for the seed: each result statement allows nothing its original does not.",
        ["Claim: no string x (any string, also actions AWS adds later) is in",
         "  (R1 \\ O1) ∪ (R2 \\ O2)",
         "where Rk, Ok are the unions of the k-th result and original statement's patterns; so",
         "every emitted `s3:GetObject*`, `s3:GetAccess*`, …, exact name is ⊆ `s3:Get*` ∪ `s3:List*`."],
        "spec/OBLIGATIONS.md O1 for the seed, per statement (the two statements have\n"
        "; different Resource blocks, so their scopes are different atoms); proofs/LGG.md Theorem 1 (O1)\n"
        "; on a real trie.", source)
    defs = []
    for k in range(2):
        defs += [("original%d" % (k + 1), globs_regex(seed_o[k])), ("result%d" % (k + 1), globs_regex(seed_r[k]))]
    text += one_membership(defs, "(re.union %s %s)" % (difference("result1", "original1"),
                                                          difference("result2", "original2"))).format(status="unsat")
    files["09-seed-o1-soundness.smt2"] = text

    # 10: O2.
    text = seed_header(
        10, "O2 for the seed: no result statement allows an unused action.",
        ["Claim: no x is in U ∩ (R1 ∪ R2), U = the 30 unused actions (a prefix tree)."],
        "spec/OBLIGATIONS.md O2 for the seed; proofs/LGG.md Theorem 1 (O2).", source)
    text += one_membership([("unused", words_trie(unused)), ("result", globs_regex(seed_r[0] + seed_r[1]))],
                           "(re.inter unused result)").format(status="unsat")
    files["10-seed-o2-removal.smt2"] = text

    # 11: O3.
    text = seed_header(
        11, "O3 for the seed: every used catalog action the original allows is still allowed.",
        ["Claim: no x is in (K1 \\ R1) ∪ (K2 \\ R2), where Kk = {catalog actions allowed by",
         "original statement k} minus U. K1 has %d and K2 has %d actions, written below as prefix" % (
             len(kept[0]), len(kept[1])),
         "trees (computed with the reference matcher from the catalog)."],
        "spec/OBLIGATIONS.md O3 for the seed; proofs/LGG.md Theorem 1 (O3).", source,
        ["Catalog-pinned: Kk depends on the catalog; `generate.py --check` (CTest",
         "proof.smt.generated-up-to-date) fails when the snapshot changes."])
    defs = []
    for k in range(2):
        defs += [("kept%d" % (k + 1), words_trie(kept[k])), ("result%d" % (k + 1), globs_regex(seed_r[k]))]
    text += one_membership(defs, "(re.union %s %s)" % (difference("kept1", "result1"),
                                                          difference("kept2", "result2"))).format(status="unsat")
    files["11-seed-o3-completeness.smt2"] = text

    # 18: the NotAction dual walk.
    na_unused = sorted(a.lower() for a in NOT_ACTION_UNUSED_ACTIONS)
    na_services = sorted({a.split(":")[0] for a in na_unused})
    na_kept = sorted(a.lower() for a in actions
                     if a.split(":")[0] in na_services
                     and not any(reference_matches(p, a) for p in NOT_ACTION_ORIGINAL)
                     and a.lower() not in na_unused)
    text = comment_block([
        "Lemma 18 — O1, O2, O3 for an Allow+NotAction statement refined by the dual walk.",
        "",
        "Original: Allow, NotAction %s. Unused: %s, and the whole service %s" % (
            ", ".join(NOT_ACTION_ORIGINAL), ", ".join(NOT_ACTION_UNUSED_ACTIONS), ", ".join(NOT_ACTION_UNUSED_SERVICES)),
        "(no actions list: its language `ec2:*`, also actions the catalog does not know).",
        "Result: NotAction %s" % ", ".join(NOT_ACTION_RESULT),
        "(what `leastpriv refine` printed with the embedded catalog %s; pinned in" % source,
        "generate.py NOT_ACTION_RESULT). With N = original NotAction union, N2 = result's:",
        "Claim: no string x is in",
        "  (N ∩ comp(N2))                      O1: R = comp(N2) allows nothing O = comp(N) does not",
        "  ∪ (U ∩ comp(N2))                    O2: no unused string (U = the names ∪ `ec2:`·Σ*) is allowed",
        "  ∪ (K ∩ N2)                          O3: no kept catalog action is excluded",
        "where K = catalog actions of %s not matched by N and not unused (%d actions)." % (
            " and ".join(na_services), len(na_kept)),
        "O3 outside %s: every added pattern names service %s literally, so in any" % (
            " and ".join(na_services), " or ".join(sorted(set(na_services) | set(NOT_ACTION_UNUSED_SERVICES)))),
        "other service R and O are the same language (Lemma 19), and every ec2 action is unused.",
        "Discharges: proofs/LGG.md §6 (the NotAction dual walk, Theorem 3) on a real catalog;",
        "spec/OBLIGATIONS.md O1-O3 for NotAction statements.",
        "Generated by proofs/smt/generate.py; do not edit by hand.",
    ])
    unused_language = union([words_trie(na_unused)] + ["(re.++ (str.to_re %s) re.all)" % lit(svc + ":")
                                                       for svc in NOT_ACTION_UNUSED_SERVICES])
    text += one_membership([("n", globs_regex(NOT_ACTION_ORIGINAL)), ("n2", globs_regex(NOT_ACTION_RESULT)),
                            ("unused", unused_language), ("kept", words_trie(na_kept))],
                           "(re.union (re.inter n (re.comp n2))\n"
                           "                          (re.inter unused (re.comp n2))\n"
                           "                          (re.inter kept n2))").format(status="unsat")
    files["18-notaction-dual-walk.smt2"] = text

    # 21: trie encoding = union encoding.
    text = comment_block([
        "Lemma 21 — the prefix-tree (trie) encoding of a word set equals the plain union.",
        "",
        "Claim: for W = the seed's 30 unused actions, no x is in (trie(W) \\ union(W)) ∪",
        "(union(W) \\ trie(W)), where union(W) = ∪_{w∈W} str.to_re(w).",
        "DESIGN §4 encodes word sets (U, the catalog) as prefix trees because plain unions of",
        "thousands of words time out in Z3; verifier/encode/query.h words_regex is marked TRUSTED for it.",
        "This checks the construction on a real set (the trie here is built by generate.py, a",
        "second, independent implementation of the same construction).",
        "Discharges: spec/OBLIGATIONS.md assumption E2 (word-set encoding), for the seed's U.",
        "Generated by proofs/smt/generate.py; do not edit by hand.",
    ])
    text += one_membership([("trie", words_trie(unused)), ("plain", words_union(unused))],
                           "(re.union %s %s)" % (difference("trie", "plain"), difference("plain", "trie"))
                           ).format(status="unsat")
    files["21-trie-encoding-equals-union.smt2"] = text

    # 25: the drawn literal of a query (verifier/encode/query.h query_to_smtlib).
    # Small on purpose (Z3 4.8.12 needs seconds for this shape with a dozen words); P is arbitrary.
    split_words = ["lambda:getfunction", "lambda:getfunctionconfiguration", "s3:getjobtagging"]
    split_prefixes = ["s3:getobject", "s3:list"]
    def drawn_header(number, title, claims, shape):
        return comment_block([
            "Lemma %02d — %s" % (number, title),
            "",
            "For every predicate P on strings (declared uninterpreted: it holds for any P, in",
            "particular for P(y) = y ∈ q, the intersection of a query's other conditions), a word",
            "set W (a prefix tree, trie(W)) and patterns G1 = `l1*`, G2 = `l2*`, with",
            "L = trie(W) ∪ G1 ∪ G2 in the glob encoding:",
        ] + claims + [
            "Lemmas 25 and 27 together: ∃x. x ∈ L ∩ q  ⇔  ∨_{w∈W} w ∈ q ∨ ∨_i ∃x. (str.prefixof li x ∧",
            "x ∈ q). The left side is one membership; the right the shape verifier/encode/query.cpp",
            "query_to_smtlib prints (names as constants, each `lit*` pattern as str.prefixof), one",
            "pattern per query once verifier/encode/split_queries.cpp has split it.",
            "Here W = {%s}" % ", ".join(split_words),
            "(one a prefix of another: the tree has an empty edge), l1, l2 = %s." % ", ".join(split_prefixes),
            shape,
            "Discharges: spec/OBLIGATIONS.md assumption E5 (the drawn literal), with 21 and 26 (E2).",
            "Generated by proofs/smt/generate.py; do not edit by hand.",
        ])

    def drawn_preamble():
        return ("(set-info :status unsat)\n(set-logic ALL)\n(declare-const x String)\n"
                "(declare-fun P (String) Bool)\n"
                "(define-fun L () RegLan (re.union %s %s))\n" % (
                    words_trie(split_words), " ".join(glob_regex(p + "*") for p in split_prefixes)))

    text = drawn_header(25, "the drawn literal: every counterexample is a name or matches a pattern.", [
        "  x ∈ L ∧ P(x)  ⇒  ∨_{w∈W} P(w) ∨ (str.prefixof l1 x ∧ P(x)) ∨ (str.prefixof l2 x ∧ P(x)).",
    ], "The negation asks for a counterexample x that is none of these: unsat. It is asked as three\n"
       "; questions, each a script of its own ended by (reset), one per member of the union L (x in\n"
       "; trie(W), in G1, in G2): by re.union's meaning x ∈ L is the disjunction of the three\n"
       "; memberships, so the three together are exactly the negation. (Z3 4.8.12: 3-4 s for the\n"
       "; one question, past the 5 s budget under load; about 1 s for the three.)\n"
       "; z3-wasm 5.2.0 (npm z3-solver, Z3 5.1) answers the G1 and G2 questions, not trie(W)'s within 5 s.")
    members = [words_trie(split_words)] + [glob_regex(p + "*") for p in split_prefixes]
    text += "(set-info :status unsat)\n"
    for label, member in zip(["x in trie(W)"] + ["x in G%d = `%s*`" % (i + 1, p) for i, p in enumerate(split_prefixes)],
                             members):
        text += "\n; %s\n(set-logic ALL)\n(declare-const x String)\n(declare-fun P (String) Bool)\n" % label
        text += "(assert (and (str.in_re x %s) (P x)\n" % member
        text += "  (not (or %s\n           %s))))\n(check-sat)\n(reset)\n" % (
            " ".join("(P %s)" % lit(w) for w in split_words),
            " ".join("(and (str.prefixof %s x) (P x))" % lit(p) for p in split_prefixes))
    files["25-drawn-literal.smt2"] = text

    text = drawn_header(27, "the drawn literal: every name and every prefix match is in the literal.", [
        "  (B) for each w ∈ W: w ∈ L (so P(w) gives a counterexample x = w);",
        "  (C) for each i: str.prefixof li x ⇒ x ∈ L (so the i-th disjunct gives one too).",
    ], "The negation asks for a w ∉ L or an x with prefix li outside L: unsat.")
    text += drawn_preamble()
    text += "(assert (or\n"
    text += "".join("  (not (str.in_re %s L))\n" % lit(w) for w in split_words)
    text += "".join("  (and (str.prefixof %s x) (not (str.in_re x L)))\n" % lit(p) for p in split_prefixes)
    text += "))\n(check-sat)\n"
    files["27-drawn-literal-witnesses.smt2"] = text

    # 26: wildcard-free globs encoded as words of the prefix tree.
    def split_encoding(patterns, words=()):
        literal = [p for p in patterns if "*" not in p and "?" not in p]
        wild = [glob_regex(p) for p in patterns if "*" in p or "?" in p]
        all_words = sorted(set(literal) | set(words))
        return union(wild + ([words_trie(all_words)] if all_words else []))

    na_result = [p.lower() for p in NOT_ACTION_RESULT]
    text = comment_block([
        "Lemma 26 — a glob without a wildcard is one more word of the prefix tree.",
        "",
        "Claim: for each language L below, its glob-by-glob encoding (each pattern's glob_regex,",
        "words as a prefix tree) and the encoding verifier/encode/query.cpp language_regex prints",
        "(the patterns with a wildcard glob by glob; the wildcard-free ones, whose glob_regex is",
        "str.to_re of their text, together with the words in one prefix tree) are the same",
        "language: no x is in the symmetric difference of the two, for any of them.",
        "  L1 = the seed result's s3 statement (%d patterns, %d without a wildcard);" % (
            len(seed_r[1]), len([p for p in seed_r[1] if "*" not in p])),
        "  L2 = the same with the seed's 30 unused names as words;",
        "  L3 = the complement of lemma 18's NotAction result (%d patterns), as an Allow+NotAction" % len(na_result),
        "       statement contributes it.",
        "Discharges: spec/OBLIGATIONS.md assumption E2 for the mixed encoding (with 21: trie = union).",
        "Generated by proofs/smt/generate.py; do not edit by hand.",
    ])
    pairs = [
        (globs_regex(seed_r[1]), split_encoding(seed_r[1])),
        (union([globs_regex(seed_r[1]), words_trie(unused)]), split_encoding(seed_r[1], unused)),
        ("(re.comp %s)" % globs_regex(na_result), "(re.comp %s)" % split_encoding(na_result)),
    ]
    defs = []
    differences = []
    for k, (plain, split) in enumerate(pairs, start=1):
        defs += [("plain%d" % k, plain), ("split%d" % k, split)]
        differences += [difference("plain%d" % k, "split%d" % k), difference("split%d" % k, "plain%d" % k)]
    text += one_membership(defs, "(re.union\n  %s)" % "\n  ".join(differences)).format(status="unsat")
    files["26-literal-globs-in-the-trie.smt2"] = text

    # sat/06-10: the DESIGN §4 faults, each a satisfiable counterexample query.
    def fault(number, name, title, claim, defs, regex):
        body = comment_block([
            "Sat check %02d — %s" % (number, title),
            "",
        ] + claim + [
            "Expected: sat. A correct verifier must reject this fault (DESIGN §4 \"Faults a correct",
            "verifier must catch\"); here the solvers find the counterexample directly, which shows",
            "the seed lemmas 09-11 are not vacuously unsat: the same query shape with one entry",
            "changed has a model. proofs/faults/ runs the faults through the verifier itself.",
            "Generated by proofs/smt/generate.py; do not edit by hand.",
        ])
        body += one_membership(defs, regex).format(status="sat").replace("(check-sat)\n", "(check-sat)\n(get-model)\n")
        files["sat/%02d-%s.smt2" % (number, name)] = body

    r2 = seed_r[1]
    fault(6, "fault-o2-added-getb-star", "adding `s3:GetB*` to the seed result breaks O2.",
          ["R2 + `s3:GetB*` allows unused actions (e.g. s3:getbucketacl): U ∩ faulty ≠ ∅."],
          [("unused", words_trie(unused)), ("faulty", globs_regex(r2 + ["s3:getb*"]))],
          "(re.inter unused faulty)")
    fault(7, "fault-o3-dropped-getjobtagging", "dropping `s3:GetJobTagging` breaks O3.",
          ["A used catalog action (s3:getjobtagging) is no longer allowed: K2 \\ faulty ≠ ∅."],
          [("kept2", words_trie(kept[1])), ("faulty", globs_regex([p for p in r2 if p != "s3:getjobtagging"]))],
          difference("kept2", "faulty"))
    fault(8, "fault-o1-added-star-object-star", "adding `s3:*Object*` breaks O1.",
          ["`s3:*object*` allows strings `s3:Get*` and `s3:List*` do not (e.g. s3:putobject)."],
          [("original2", globs_regex(seed_o[1])), ("faulty", globs_regex(r2 + ["s3:*object*"]))],
          difference("faulty", "original2"))
    fault(9, "fault-o1-service-wildcard-list", "writing `s3*:List*` for `s3:List*` breaks O1.",
          ["`s3*:list*` also allows s3express:list…, s3outposts:list…, strings no original allows."],
          [("original2", globs_regex(seed_o[1])),
           ("faulty", globs_regex([p for p in r2 if p != "s3:list*"] + ["s3*:list*"]))],
          difference("faulty", "original2"))
    fault(10, "fault-o3-exact-for-prefix", "writing `s3:GetObject` for `s3:GetObject*` breaks O3.",
          ["Used catalog actions below s3:GetObject (s3:getobjectacl, …) are no longer allowed."],
          [("kept2", words_trie(kept[1])),
           ("faulty", globs_regex([p for p in r2 if p != "s3:getobject*"] + ["s3:getobject"]))],
          difference("kept2", "faulty"))
    return files


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in sorted(generate().items()):
        path = os.path.join(HERE, name)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current == text:
            continue
        if check:
            stale.append(name)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote proofs/smt/" + name)
    if stale:
        print("generate.py: out of date (run python3 proofs/smt/generate.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
