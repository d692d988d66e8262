#!/usr/bin/env bash
# pg_cluster.sh: a throwaway PostgreSQL cluster for the tests of examples/postgres_host. It never
# touches a system cluster: everything lives in the directory given, the server listens on
# 127.0.0.1 only, on a free port, and has no Unix socket.
#
#   pg_cluster.sh start DIR [SETTING=VALUE...]  initdb DIR/data when missing, start the server on a
#                                               free port (the same port again on a restart); writes
#                                               DIR/port and DIR/url, prints the URL
#   pg_cluster.sh stop DIR                      stop the server (fast), if it runs; always exits 0
#   pg_cluster.sh kill DIR                      SIGKILL the postmaster, as a crash would
#   pg_cluster.sh createdb DIR NAME             create database NAME (again: dropped first), print its URL
#   pg_cluster.sh psql DIR NAME [ARGS...]       psql on database NAME
#
# PostgreSQL refuses to run as root: run as root, the script runs the server as the unprivileged
# `postgres` user that Debian's package creates (or `nobody`) through runuser, after giving it DIR.
# The server keeps fsync and synchronous_commit on: every acknowledged commit is on disk.
# Exit codes: 0 done; 1 the server could not be set up or started; 2 bad usage.
set -euo pipefail

die() { printf 'pg_cluster.sh: %s\n' "$*" >&2; exit "${2:-1}"; }
[[ $# -ge 2 ]] || die "usage: pg_cluster.sh start|stop|kill|createdb|psql DIR [...]" 2
readonly ACTION=$1
DIR=$(realpath -m "$2")
readonly DIR
shift 2
readonly DATA="${DIR}/data"

# The newest installed PostgreSQL's programs (Debian keeps them out of PATH).
BIN=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [[ -x "${candidate}/initdb" ]] && { BIN=${candidate}; break; }
done
[[ -n "${BIN}" ]] || BIN=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
[[ -x "${BIN}/initdb" ]] || die "no PostgreSQL server programs found (install the Debian package postgresql)"

# Who runs the server: ourselves, or an unprivileged user when we are root.
RUN=()
if [[ ${EUID} -eq 0 ]]; then
  user=postgres
  id -u "${user}" >/dev/null 2>&1 || user=nobody
  RUN=(runuser -u "${user}" --)
fi
as_owner() { "${RUN[@]}" "$@"; }

# A process that exists and is not a zombie (a killed postmaster whose parent does not reap it
# stays one: gone all the same, though kill -0 still finds it).
# (The state is read once: a zombie reaped between two reads must not look alive.)
alive() {
  local state
  state=$(grep '^State:' "/proc/$1/status" 2>/dev/null) || return 1
  [[ ${state} != *Z* && ${state} != *X* ]]
}
in_use() {
  local cwd proc
  while read -r cwd; do
    proc=${cwd%/cwd}
    alive "${proc#/proc/}" && return 0
  done < <(find /proc/[0-9]*/cwd -maxdepth 0 -lname "${DATA}" 2>/dev/null)
  return 1
}
running() { [[ -f "${DATA}/postmaster.pid" ]] && alive "$(head -n 1 "${DATA}/postmaster.pid")"; }

port_free() {
  # Nothing answers on it: a connection attempt fails.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  mkdir -p "${DIR}"
  [[ ${#RUN[@]} -eq 0 ]] || chown -R "${user}" "${DIR}"
  if [[ ! -f "${DATA}/PG_VERSION" ]]; then
    as_owner "${BIN}/initdb" --no-sync -D "${DATA}" -U exemplar --auth=trust -E UTF8 --locale=C.UTF-8 >"${DIR}/initdb.log" 2>&1 \
      || { cat "${DIR}/initdb.log" >&2; die "initdb failed in ${DATA}"; }
  fi
  running && { cat "${DIR}/url"; return 0; }
  # A lock file left by a killed server whose process is a zombie: PostgreSQL would take the zombie
  # for a live server; the process is gone, so the lock file goes too.
  # Only once no process works in the data directory any more: a backend of the killed server
  # still running would share its memory with a new one.
  local waited
  for waited in $(seq 1 200); do
    in_use || break
    sleep 0.05
  done
  rm -f "${DATA}/postmaster.pid"
  local settings=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=" -c fsync=on -c synchronous_commit=on
                  -c max_connections=80 -c wal_level=logical -c max_wal_senders=10 -c max_replication_slots=10
                  -c max_logical_replication_workers=8 -c max_worker_processes=16
                  # After a crash, one syncfs() of the file system instead of an fsync() of every file.
                  -c recovery_init_sync_method=syncfs)
  local extra
  for extra in "$@"; do settings+=(-c "${extra}"); done
  local attempt port
  if [[ -f "${DIR}/port" ]]; then
    # A restart keeps its port, so clients find the server again. After a kill the old server's
    # processes may take a moment to let go of its memory and port: try again for a while.
    port=$(cat "${DIR}/port")
    for attempt in $(seq 1 60); do
      if as_owner "${BIN}/pg_ctl" -D "${DATA}" -l "${DIR}/server.log" -w -t 60 -s \
           -o "-p ${port} ${settings[*]}" start >/dev/null 2>&1; then
        cat "${DIR}/url"
        return 0
      fi
      running && { cat "${DIR}/url"; return 0; }
      sleep 0.5
    done
  else
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
      port_free "${port}" || continue
      if as_owner "${BIN}/pg_ctl" -D "${DATA}" -l "${DIR}/server.log" -w -t 60 -s \
           -o "-p ${port} ${settings[*]}" start >/dev/null 2>&1; then
        echo "${port}" >"${DIR}/port"
        echo "postgresql://exemplar@127.0.0.1:${port}/postgres" >"${DIR}/url"
        cat "${DIR}/url"
        return 0
      fi
      running && break
    done
  fi
  tail -n 20 "${DIR}/server.log" >&2 2>/dev/null || true
  die "the server in ${DATA} did not start"
}

stop() {
  [[ -d "${DATA}" ]] || return 0
  running || return 0
  as_owner "${BIN}/pg_ctl" -D "${DATA}" -m fast -w -t 60 -s stop >/dev/null 2>&1 \
    || as_owner "${BIN}/pg_ctl" -D "${DATA}" -m immediate -w -s stop >/dev/null 2>&1 || true
}

kill_postmaster() {
  [[ -f "${DATA}/postmaster.pid" ]] || die "no server runs in ${DATA}"
  local pid
  pid=$(head -n 1 "${DATA}/postmaster.pid")
  kill -KILL "${pid}" 2>/dev/null || true
  # Its children notice the postmaster is gone and exit on their own, as after a real crash.
  for _ in $(seq 1 100); do
    alive "${pid}" || break
    sleep 0.05
  done
}

url_of() {
  local port
  port=$(cat "${DIR}/port")
  echo "postgresql://exemplar@127.0.0.1:${port}/$1"
}

case "${ACTION}" in
  start) start "$@" ;;
  stop) stop ;;
  kill) kill_postmaster ;;
  createdb)
    [[ $# -eq 1 ]] || die "usage: pg_cluster.sh createdb DIR NAME" 2
    "${BIN}/psql" -X -q -v ON_ERROR_STOP=1 "$(url_of postgres)" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
      -c "CREATE DATABASE \"$1\"" >/dev/null
    url_of "$1"
    ;;
  psql)
    [[ $# -ge 1 ]] || die "usage: pg_cluster.sh psql DIR NAME [ARGS...]" 2
    name=$1
    shift
    exec "${BIN}/psql" -X -q -v ON_ERROR_STOP=1 "$(url_of "${name}")" "$@"
    ;;
  *) die "unknown action '${ACTION}' (start, stop, kill, createdb, psql)" 2 ;;
esac
