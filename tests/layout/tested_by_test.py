#!/usr/bin/env python3
"""Every `Tested by:` path in a file header names a file (or folder) that exists.

A header that promises a test which was renamed or never written misleads the next reader
more than no promise at all. This reads the `Tested by:` paragraph of every source, CMake
and script file of ours (up to the next blank comment line), takes each word that looks
like one of our paths (`tests/unit/x_test.cpp`, `tests/golden`, `tests/cli/*_cli_test.cpp`)
and fails, listing file and line, when it names nothing. Also fails when no header was found
at all (a check that checks nothing is a defect) or when a header still says "to be added".

Usage: tested_by_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys

OUR_FOLDERS = ("account", "batch", "bench", "cli", "cmake", "engine", "gate", "iac", "model", "proofs", "scripts", "spec", "support", "tests", "verifier")
SUFFIXES = (".h", ".cpp", ".cmake", ".py", ".sh", ".txt")
PATH_WORD = re.compile(r"(?<![\w/.-])((?:%s)/[\w./*-]*[\w*])" % "|".join(OUR_FOLDERS))
COMMENT = re.compile(r"^\s*(//|#)\s?(.*)$")


def tested_by_paragraphs(path):
    """(line number, text) of each `Tested by:` paragraph in the file's comments."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if "Tested by:" not in line or not COMMENT.match(line):
            continue
        text = line.split("Tested by:", 1)[1]
        for following in lines[i + 1:]:
            comment = COMMENT.match(following)
            if not comment or not comment.group(2).strip() or comment.group(2).startswith("IMPLEMENTATION"):
                break
            text += " " + comment.group(2)
        yield i + 1, text


def self_test():
    """The check must catch a header that names a missing test (else it checks nothing)."""
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "model"))
        os.makedirs(os.path.join(scratch, "tests", "unit"))
        open(os.path.join(scratch, "tests", "unit", "here_test.cpp"), "w").close()
        with open(os.path.join(scratch, "model", "x.h"), "w") as f:
            f.write("// What x is.\n//\n// Tested by: tests/unit/here_test.cpp,\n// tests/unit/gone_test.cpp\n#pragma once\n")
        found = check(scratch)
    return len(found) == 1 and "gone_test.cpp" in found[0]


def main(source_dir):
    if not self_test():
        print("self-test failed: a header naming a missing test was not reported")
        return 1
    problems = check(source_dir)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def check(source_dir):
    problems = []
    headers = 0
    for folder in OUR_FOLDERS:
        for root, _, files in os.walk(os.path.join(source_dir, folder)):
            for name in files:
                if not (name.endswith(SUFFIXES) and (name != "tested_by_test.py")):
                    continue
                path = os.path.join(root, name)
                relative = os.path.relpath(path, source_dir)
                for line, text in tested_by_paragraphs(path):
                    headers += 1
                    if "to be added" in text:
                        problems.append(f"{relative}:{line}: promises a test 'to be added'")
                    for word in PATH_WORD.findall(text):
                        word = word.rstrip(".")
                        if not glob.glob(os.path.join(source_dir, word)):
                            problems.append(f"{relative}:{line}: `{word}` does not exist")
    if headers == 0:
        problems.append("no `Tested by:` header found: is SOURCE_DIR the repository?")
    print(f"{source_dir}: {headers} `Tested by:` headers read, {len(problems)} problem(s)")
    return problems


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
