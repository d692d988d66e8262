#!/bin/sh
# The command lines' promises (docs/cli.md), one case per ctest: exit codes, --version, the
# `exemplar` tool on good files and on a directory, an empty file, a 50 MB file and a truncated
# file. Files are made here, in the build tree (WORK), never in the source tree.
#
#   cli_test.sh CASE    with EXEMPLAR, FIVE_YEAR_CYCLE, SOURCE and WORK in the environment
set -u
case_name=$1
# Each case in its own directory, so that ctest -j may run them together.
mkdir -p "$WORK/$case_name"
cd "$WORK/$case_name" || exit 1

fail() { echo "FAILED: $*" >&2; exit 1; }

# expect CODE PATTERN CMD...: runs CMD, which must exit with CODE and print PATTERN (grep -E) on
# standard output or standard error.
expect() {
  code=$1 pattern=$2
  shift 2
  "$@" > out.txt 2> err.txt
  got=$?
  cat out.txt err.txt
  [ "$got" -eq "$code" ] || fail "$* exited $got, not $code"
  [ -z "$pattern" ] || grep -Eq -- "$pattern" out.txt err.txt || fail "$* did not say /$pattern/"
}

# The journals the `journal verify` cases read: made once by the fixture case.
json_journal=$WORK/agency.journal.json
binary_journal=$WORK/national.journal.bin

case "$case_name" in
  versions)
    expect 0 '^exemplar [0-9]+\.[0-9]+\.[0-9]+$' "$EXEMPLAR" --version
    expect 0 '^five_year_cycle [0-9]+\.[0-9]+\.[0-9]+$' "$FIVE_YEAR_CYCLE" --version
    expect 0 'check' "$EXEMPLAR" plan --help
    ;;
  bad_command_lines)
    # CLI11's own codes (105, 106, 108, 109) all become 2.
    for args in "--no-such-option" "--units 0" "--units -1" "--seed -1" "--seed" "--lang fr" "--plan nowhere" \
                "--scale planet" "--format pdf" "--until 2023-02-30" "--people 300000"; do
      # shellcheck disable=SC2086
      expect 2 "" "$FIVE_YEAR_CYCLE" $args
    done
    for args in "" "plan" "plan check" "journal verify" "frobnicate" "plan check a b" "--lang fr plan check x"; do
      # shellcheck disable=SC2086
      expect 2 "" "$EXEMPLAR" $args
    done
    ;;
  seed_minus_one)
    expect 2 "seed" "$FIVE_YEAR_CYCLE" --seed -1 --units 2 --people 10
    expect 0 "" "$FIVE_YEAR_CYCLE" --seed 18446744073709551615 --units 2 --people 10
    ;;
  bad_plan_file)
    printf '{"schema": "exemplar.plan", "version": 2}' > half-a-plan.json
    expect 2 "/id" "$FIVE_YEAR_CYCLE" --plan-file half-a-plan.json
    expect 2 "cannot read" "$FIVE_YEAR_CYCLE" --plan-file no-such-plan.json
    ;;
  nobody_may_discover)
    # Seed 001's plan with discovery granted to the mass organisations only.
    python3 - "$SOURCE/plans/inspectorate-2021.json" nobody-discovers.json <<'PY' || fail "could not write the plan"
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
grants = plan["procedure"]["grants"]
plan["procedure"]["grants"] = [g for g in grants if not (g["command"] == "discover" and g["role"] == "unit_head")]
json.dump(plan, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
    expect 0 "" "$EXEMPLAR" plan check nobody-discovers.json
    expect 2 "lets no unit head discover" "$FIVE_YEAR_CYCLE" --plan-file nobody-discovers.json --lang en
    expect 2 "không cho trưởng đơn vị nào phát hiện" "$FIVE_YEAR_CYCLE" --plan-file nobody-discovers.json
    ;;
  journals)
    # The fixture: a JSON journal from the agency run and a binary one from a small national run,
    # whose standard error says where the journal went and how large it is.
    expect 0 "" "$FIVE_YEAR_CYCLE" --units 4 --people 40 --journal "$json_journal"
    expect 0 "wrote the journal to $binary_journal \([0-9.]+ MiB, [0-9]+ bytes\)" \
      "$FIVE_YEAR_CYCLE" --scale national --people 3000 --units 6 --lang en --journal "$binary_journal"
    ;;
  plan_check)
    for plan in "$SOURCE"/plans/*.json; do
      id=$(basename "$plan" .json)
      [ "$id" = plan.schema ] && continue
      expect 0 "^plan $id " "$EXEMPLAR" --lang en plan check "$plan"
      expect 0 "^kế hoạch $id " "$EXEMPLAR" plan check "$plan"
    done
    expect 0 "reviewed --nominate--> registered \[has_higher_level\]" "$EXEMPLAR" --lang en plan check "$SOURCE/plans/hatinh-industry-trade-2021-2025.json"
    ;;
  journal_verify)
    expect 0 "[0-9]+ records, [0-9]+ candidates, last hash [0-9a-f]{64}" "$EXEMPLAR" --lang en journal verify "$json_journal"
    expect 0 "[0-9]+ records, [0-9]+ candidates, last hash [0-9a-f]{64}" "$EXEMPLAR" --lang en journal verify "$binary_journal"
    expect 0 "bản ghi" "$EXEMPLAR" journal verify "$binary_journal"
    expect 0 "records" "$EXEMPLAR" journal verify "$binary_journal" --lang en
    ;;
  journal_bad_record)
    # One byte of record 1 changed: the frame holds, the record does not.
    python3 - "$binary_journal" edited.bin <<'PY' || fail "could not edit the journal"
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[4 + 40] ^= 0x01
open(sys.argv[2], "wb").write(bytes(data))
PY
    expect 1 "first bad record" "$EXEMPLAR" --lang en journal verify edited.bin
    python3 - "$json_journal" edited.json <<'PY' || fail "could not edit the journal"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["records"][1]["event"]["date"] = "2021-01-01"
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
    expect 1 "first bad record" "$EXEMPLAR" --lang en journal verify edited.json
    # A record that cannot be read at all (an unknown role) is a bad record too, after the good ones.
    python3 - "$json_journal" unreadable.json <<'PY' || fail "could not edit the journal"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["records"][2]["event"]["role"] = "emperor"
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
    expect 1 "the 2 records before it replay" "$EXEMPLAR" --lang en journal verify unreadable.json
    ;;
  directory)
    mkdir -p a-directory
    expect 2 "is a directory" "$EXEMPLAR" --lang en plan check a-directory
    expect 2 "is a directory" "$EXEMPLAR" --lang en journal verify a-directory
    expect 2 "là thư mục" "$EXEMPLAR" journal verify a-directory
    ;;
  empty_file)
    : > empty.json
    expect 2 "is empty" "$EXEMPLAR" --lang en plan check empty.json
    expect 2 "is empty" "$EXEMPLAR" --lang en journal verify empty.json
    ;;
  missing_file)
    expect 2 "no such file" "$EXEMPLAR" --lang en plan check no-such-file.json
    expect 2 "no such file" "$EXEMPLAR" --lang en journal verify no-such-file.bin
    ;;
  fifty_megabytes)
    head -c 52428800 /dev/zero > fifty.bin
    { printf '{"schema": "exemplar.plan", "padding": "'; head -c 52428800 /dev/zero | tr '\0' 'x'; printf '"}'; } > fifty.json
    expect 2 "52428800 bytes, more than the 1048576" "$EXEMPLAR" --lang en plan check fifty.bin
    expect 2 "more than the 1048576" "$EXEMPLAR" --lang en plan check fifty.json
    expect 2 "not a whole binary journal: record 1 claims 0 bytes" "$EXEMPLAR" --lang en journal verify fifty.bin
    expect 2 "more than the 33554432" "$EXEMPLAR" --lang en journal verify fifty.json
    rm -f fifty.bin fifty.json
    ;;
  truncated)
    size=$(wc -c < "$SOURCE/plans/inspectorate-2021.json")
    head -c $((size / 2)) "$SOURCE/plans/inspectorate-2021.json" > truncated-plan.json
    expect 2 "truncated-plan.json: .*" "$EXEMPLAR" --lang en plan check truncated-plan.json
    size=$(wc -c < "$binary_journal")
    head -c $((size - 7)) "$binary_journal" > truncated.bin
    expect 2 "not a whole binary journal: the file ends inside record [0-9]+" "$EXEMPLAR" --lang en journal verify truncated.bin
    head -c 2 "$binary_journal" > two-bytes.bin
    expect 2 "ends inside record 1's length" "$EXEMPLAR" --lang en journal verify two-bytes.bin
    size=$(wc -c < "$json_journal")
    head -c $((size / 2)) "$json_journal" > truncated.json
    expect 2 "truncated.json: " "$EXEMPLAR" --lang en journal verify truncated.json
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
echo "$case_name: passed"
