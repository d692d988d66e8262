#!/usr/bin/env python3
"""The plan schema (plans/plan.schema.json) against the plans and the catalogue of malformed files.

Every file in plans/ must be valid. Each malformed file of tests/data/malformed-plans.json is
written to WORK and given to the loader (`exemplar plan check`, which must exit 2 naming the bad
field's JSON pointer); each one the schema can express (schema_rejects) must be refused by the
schema as well, and one the schema cannot express must still pass it, so the flag stays true.
Prints 'N passed, N failed' at the end.
"""
import argparse
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema


def pointer_parts(pointer):
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]


def resolve(document, parts):
    for part in parts:
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def apply_patch(document, patch):
    """The RFC 6902 operations the catalogue uses: add, remove, replace, copy, test."""
    document = copy.deepcopy(document)
    for op in patch:
        parts = pointer_parts(op["path"])
        parent = resolve(document, parts[:-1])
        last = parts[-1]
        if op["op"] == "test":
            assert resolve(document, parts) == op["value"], f"test failed at {op['path']}"
            continue
        if op["op"] == "copy":
            value = copy.deepcopy(resolve(document, pointer_parts(op["from"])))
        else:
            value = op.get("value")
        if isinstance(parent, list):
            if op["op"] == "remove":
                del parent[int(last)]
            elif op["op"] == "replace":
                parent[int(last)] = value
            elif last == "-":
                parent.append(value)
            else:
                parent.insert(int(last), value)
        elif op["op"] == "remove":
            del parent[last]
        else:
            parent[last] = value
    return document


def main():
    args = argparse.ArgumentParser()
    for name in ("--schema", "--plans", "--catalogue", "--exemplar", "--work"):
        args.add_argument(name, required=True)
    args = args.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    schema = json.loads(pathlib.Path(args.schema).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {what}")

    plans = sorted(p for p in pathlib.Path(args.plans).glob("*.json") if p.name != "plan.schema.json")
    check(len(plans) >= 5, "plans/ holds the five built-in plans")
    for path in plans:
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        check(not errors, f"{path.name} is valid: {errors[:3]}")
        check(document.get("$schema") == "./plan.schema.json", f"{path.name} names the schema in $schema")

    catalogue = json.loads(pathlib.Path(args.catalogue).read_text(encoding="utf-8"))
    base = json.loads((pathlib.Path(args.plans).parent / catalogue["base"]).read_text(encoding="utf-8"))
    expressed = 0
    for index, broken in enumerate(catalogue["files"] + catalogue["procedures"]):
        what = broken["what"]
        document = apply_patch(base, broken["patch"])
        file = work / f"malformed-{index:02d}.json"
        file.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")

        schema_refuses = not validator.is_valid(document)
        if broken["schema_rejects"]:
            expressed += 1
            check(schema_refuses, f"the schema refuses {what}")
        else:
            check(not schema_refuses, f"the schema cannot express {what}, so it lets it pass (or set schema_rejects)")

        loader = subprocess.run([args.exemplar, "--lang", "en", "plan", "check", str(file)],
                                capture_output=True, text=True, check=False)
        check(loader.returncode == 2, f"the loader refuses {what} with exit code 2, not {loader.returncode}")
        check(broken["pointer"] + ":" in loader.stderr or broken["pointer"] in loader.stderr,
              f"the loader names {broken['pointer']} for {what}: {loader.stderr.strip()}")
    check(expressed >= 20, f"the schema expresses most of the catalogue ({expressed})")
    print(f"schema expresses {expressed} of {len(catalogue['files']) + len(catalogue['procedures'])} malformed files")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
