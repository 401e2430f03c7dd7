#!/usr/bin/python3
"""Validates JSON files against a JSON Schema (draft 2020-12): `validate_json_schema.py SCHEMA FILE...`.

Exit 0 when every file is valid; 1 with one line per violation otherwise; 2 when the schema or a
file cannot be read. Run by /usr/bin/python3, whose jsonschema comes from Debian's
python3-jsonschema (scripts/install-deps.sh). Used by tests/cli/certificate_schema_cli_test.cpp.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print("usage: validate_json_schema.py SCHEMA FILE...", file=sys.stderr)
        return 2
    try:
        with open(argv[1]) as f:
            schema = json.load(f)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        print(f"{argv[1]}: {error}", file=sys.stderr)
        return 2
    invalid = 0
    for path in argv[2:]:
        try:
            with open(path) as f:
                document = json.load(f)
        except (OSError, ValueError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
        for error in validator.iter_errors(document):
            invalid += 1
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {pointer}: {error.message[:300]}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
