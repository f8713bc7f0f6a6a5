#!/usr/bin/env python3
"""Check every enumerated value in a SARIF log against the SARIF 2.1.0 JSON schema.

Why this exists: the SARIF multitool 5.7.0 does not enforce `enum` in its schema validation
(the schema's enumerations carry no `type`, and its validator skips them), and a value outside
an enumeration (say `"level": "info"`) makes its deserialiser fail, after which it runs none
of its rules and still reports success with no findings. This script closes that gap; the
multitool checks everything else.

usage: sarif_enums.py SCHEMA.json LOG.sarif
Exit 0 when every enumerated value is allowed; 1 with one line per problem otherwise.
Standard library only.
"""

import json
import sys


def resolve(schema, root):
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref}")
        node = root
        for part in ref[2:].split("/"):
            node = node[part]
        schema = node
    return schema


def check(value, schema, root, pointer, problems):
    schema = resolve(schema, root)
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(json.dumps(v) for v in schema["enum"])
        problems.append(f"{pointer or '/'}: {json.dumps(value)} is not one of {allowed}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, child in value.items():
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                escaped = key.replace("~", "~0").replace("/", "~1")
                check(child, sub, root, f"{pointer}/{escaped}", problems)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, child in enumerate(value):
            check(child, schema["items"], root, f"{pointer}/{index}", problems)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().split("\n\n")[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8-sig") as f:
        schema = json.load(f)
    try:
        with open(argv[2], encoding="utf-8") as f:
            log = json.load(f)
    except ValueError as e:
        print(f"{argv[2]}: not valid JSON: {e}")
        return 1
    problems = []
    check(log, schema, schema, "", problems)
    for problem in problems:
        print(f"{argv[2]}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
