#!/usr/bin/env python3
"""walk.py: a Python host drives exemplar through its C API with ctypes alone.

A candidate of the Hà Tĩnh provincial Inspectorate (seed 000: Kế hoạch 10/KH-TT ngày 28/5/2021 của
Thanh tra tỉnh Hà Tĩnh) walks the lifecycle from discovery to replication; a head of another unit
is refused in Vietnamese; every event goes into a journal, which is exported and replayed into a
new one with the same head hash. It checks itself and exits 1 when something is not as shown.

Usage: walk.py PATH/TO/libexemplar_c.so
"""
import json
import sys

from exemplar_ctypes import Exemplar, Refused

PLAN = "hatinh-inspectorate-2021-2025"
UNIT = 7
UNIT_HEAD = {"id": 3, "role": "unit_head", "unit": UNIT}
OTHER_HEAD = {"id": 4, "role": "unit_head", "unit": 8}
COUNCIL = {"id": 20, "role": "council", "unit": 1}
CHIEF = {"id": 1, "role": "agency_head", "unit": 1}
OFFICE = {"id": 30, "role": "secretariat", "unit": 1}

STEPS = [
    ({"kind": "discover", "candidate": 1,
      "data": {"subject": "individual", "unit": UNIT, "position": "staff", "field": "inspection",
               "level": "agency", "description": "Thanh tra viên có 3 sáng kiến được áp dụng"}},
     UNIT_HEAD, "2022-02-10", "discovered"),
    ({"kind": "foster", "data": {"mentor": 9}}, UNIT_HEAD, "2022-02-11", "fostered"),
    ({"kind": "register", "data": {"dossier": "Mô hình thanh tra chuyên đề"}}, UNIT_HEAD, "2022-03-20", "registered"),
    ({"kind": "review", "data": {"members": 9, "present": 8, "votes_for": 7, "votes_against": 1}},
     COUNCIL, "2022-04-05", "reviewed"),
    ({"kind": "recognize", "data": {"decision_number": "45/QĐ-TTr", "decision_date": "2022-04-10"}},
     CHIEF, "2022-04-10", "recognized"),
    ({"kind": "commend", "data": {"award": "agency_certificate"}}, CHIEF, "2022-12-20", "commended"),
    ({"kind": "replicate", "data": {"activity": "web_publication", "note": "Cổng thông tin điện tử"}},
     OFFICE, "2023-01-05", "replicated"),
]


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    lib = Exemplar(sys.argv[1])
    failures = 0
    print(f"exemplar {lib.version()}, plans: {', '.join(lib.plan_ids())}")

    plan = lib.plan(PLAN)
    flow = lib.workflow(plan)
    journal = lib.journal(flow)

    for index, (command, actor, date, stage) in enumerate(STEPS):
        if index == 1:
            # The head of another unit may not foster a candidate of unit 7: refused, in Vietnamese.
            try:
                flow.step(command, OTHER_HEAD, date)
                print("UNEXPECTED: another unit's head was allowed to foster")
                failures += 1
            except Refused as refusal:
                print(f"bị từ chối ({refusal.id}, mã {refusal.code}): {refusal.vi}")
                if refusal.id != "outside_actor_unit" or not refusal.vi:
                    failures += 1
        event = flow.step(command, actor, date)
        record = journal.append(event)
        now = flow.candidate()["stage"]
        print(f"{date} {command['kind']}: {now}, bản ghi số {record['sequence']}")
        if now != stage:
            print(f"UNEXPECTED: stage {now}, expected {stage}")
            failures += 1

    # Bad input gets a code and a message, never a crash.
    for bad, status in (('{"kind": "promote", "data": {}}', 5), ("{not json", 4)):
        try:
            flow.decide(bad, UNIT_HEAD, "2023-02-01")
            failures += 1
        except Refused as refusal:
            print(f"từ chối đầu vào (trạng thái {refusal.status}): {refusal.vi}")
            failures += refusal.status != status

    # The stored journal replays into a new journal with the same head.
    stored = journal.export()
    again = lib.journal(flow)
    again.replay(stored)
    if (again.sequence(), again.head()) != (journal.sequence(), journal.head()):
        print("UNEXPECTED: the replayed journal differs")
        failures += 1
    if again.candidate(1) != flow.candidate():
        print("UNEXPECTED: the replayed candidate differs")
        failures += 1
    print(f"nhật ký: {again.sequence()} bản ghi, mã băm cuối {again.head()}")

    # An edited record is found on replay, with its number.
    edited = json.loads(stored)
    edited["records"][2]["event"]["data"]["dossier"] = "Hồ sơ đã bị sửa"
    try:
        lib.journal(flow).replay(edited)
        print("UNEXPECTED: an edited journal replayed")
        failures += 1
    except Refused as refusal:
        print(f"nhật ký bị sửa ({refusal.id}): {refusal.vi}")
        failures += refusal.id != "record_edited"
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
