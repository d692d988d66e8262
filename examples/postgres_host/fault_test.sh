#!/usr/bin/env bash
# fault_test.sh: the server killed with SIGKILL at random moments under load, and clients killed in
# the middle of their transactions; after every restart the database must be whole.
#
#   fault_test.sh HOST PG_CLUSTER WORK [KILLS]     (KILLS: 20 by default; ./build.sh soak runs more)
#
# Starts its own cluster in WORK/cluster (pg_cluster.sh) and always stops it (trap). serve-load runs
# with --keep-going (a command whose connection is lost is sent again with the same key once the
# server is back) and --ack-log (one line per acknowledged command). Each round: let the load run a
# random moment, start one more client that stops itself at a random point of its transaction
# (--crash-after 1..4: decided but not begun, rows written, COMMIT sent, COMMIT acknowledged), SIGKILL the
# postmaster, restart it, and run `verify --acked`:
#   - every agency's chain replays with its hashes and the head rows and the projection equal the
#     replay: no command is half-applied, acknowledged or not;
#   - every command in the acknowledgement log is in the journal: no acknowledged command is lost;
#   - a client that stopped after COMMIT was acknowledged (--crash-after 4) has its record.
# The load runs one writer per agency (--clients 2 --agencies 2). With two writers on one agency a
# writer can lose the race for the head 64 times in a row after a few restarts and stop ("the chain
# moved under 64 attempts"): a known starvation in the host's retry, open, not a durability fault.
# Exit codes: 0 every round whole; 1 a round found the database damaged or a command lost.
set -euo pipefail

[[ $# -ge 3 ]] || { echo "usage: fault_test.sh HOST PG_CLUSTER WORK [KILLS]" >&2; exit 2; }
readonly HOST=$1 PGC=$2 WORK=$3 KILLS=${4:-20}
readonly CLUSTER="${WORK}/cluster" ACKS="${WORK}/acks.log"

load_pid=""
cleanup() {
  [[ -n "${load_pid}" ]] && kill -KILL "${load_pid}" 2>/dev/null || true
  "${PGC}" stop "${CLUSTER}" || true
}
trap cleanup EXIT
fail() {
  echo "fault_test.sh: $*" >&2
  exit 1
}

"${PGC}" stop "${CLUSTER}" || true
rm -rf "${WORK}"
mkdir -p "${WORK}"
"${PGC}" start "${CLUSTER}" >/dev/null
URL=$("${PGC}" createdb "${CLUSTER}" faults)
"${HOST}" --url "${URL}" init >/dev/null
"${HOST}" --url "${URL}" --agency tt_hatinh create-agency >/dev/null

"${HOST}" --url "${URL}" serve-load --clients 2 --agencies 2 --commands 10000000 --keep-going --ack-log "${ACKS}" \
  >"${WORK}/load.out" 2>&1 &
load_pid=$!

start=${SECONDS}
crashed_after_ack=0
for round in $(seq 1 "${KILLS}"); do
  sleep "0.$((RANDOM % 5 + 1))"
  kill -0 "${load_pid}" 2>/dev/null || { cat "${WORK}/load.out" >&2; fail "serve-load stopped in round ${round}"; }
  point=$((RANDOM % 4 + 1))
  id=$((1000 + round))
  set +e
  "${HOST}" --url "${URL}" --agency tt_hatinh --crash-after "${point}" discover --id "${id}" --unit 7 \
    --description "Sáng kiến ${round}" --as unit_head:3:7 --date 2022-02-10 >"${WORK}/crash.${round}.out" 2>&1
  crash_rc=$?
  set -e
  [[ ${crash_rc} -eq 99 ]] || fail "round ${round}: the client meant to stop at point ${point} exited ${crash_rc}: $(cat "${WORK}/crash.${round}.out")"
  "${PGC}" kill "${CLUSTER}"
  "${PGC}" start "${CLUSTER}" >/dev/null
  "${HOST}" --url "${URL}" verify --acked "${ACKS}" >"${WORK}/verify.${round}.out" 2>&1 \
    || { cat "${WORK}/verify.${round}.out" >&2; fail "round ${round}: the database is not whole after the restart"; }
  if [[ ${point} -eq 4 ]]; then
    crashed_after_ack=$((crashed_after_ack + 1))
    "${HOST}" --url "${URL}" --agency tt_hatinh show --id "${id}" >/dev/null 2>&1 \
      || fail "round ${round}: the client's COMMIT was acknowledged, yet candidate ${id} is not stored"
  fi
done

kill -KILL "${load_pid}" 2>/dev/null || true
wait "${load_pid}" 2>/dev/null || true
load_pid=""
"${HOST}" --url "${URL}" verify --acked "${ACKS}" >"${WORK}/verify.final.out" 2>&1 \
  || { cat "${WORK}/verify.final.out" >&2; fail "the database is not whole at the end"; }
acked=$(wc -l <"${ACKS}")
[[ ${acked} -gt 0 ]] || fail "the load acknowledged no command"
tail -n 1 "${WORK}/verify.final.out"
echo "${KILLS} server kills and ${KILLS} clients stopped mid-transaction (${crashed_after_ack} after their COMMIT was acknowledged) in $((SECONDS - start)) s; ${acked} acknowledged commands, none lost, every chain whole after every restart"
