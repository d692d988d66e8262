#!/usr/bin/env bash
# build.sh: the one entry point for building, testing and running exemplar on Debian/Ubuntu.
#
#   ./build.sh demo [ARGS...]   install what is missing, build, run the demo with ARGS
#   ./build.sh test [ARGS...]   install what is missing, build, run ctest (ARGS go to ctest)
#   ./build.sh bench [ARGS...]  install what is missing, build the benchmarks in Release, run them
#                               (ARGS go to Google Benchmark, e.g. --benchmark_format=json)
#   ./build.sh asan [ARGS...]   build everything under AddressSanitizer and UBSan in build-asan/,
#                               run ctest (ARGS go to ctest)
#   ./build.sh tsan [ARGS...]   build the thread tests under ThreadSanitizer in build-tsan/, run them
#   ./build.sh fuzz [SECONDS]   build the libFuzzer targets with clang in build-fuzz/, run each
#                               for SECONDS (default 60)
#   ./build.sh soak [KILLS]     the PostgreSQL host's fault test at length: KILLS server kills
#                               under load (default 200; `test` runs 20)
#
# Everything this script and CMake/Ninja print goes to standard error, so the demo's standard
# output can be piped or redirected: `./build.sh demo --format json > out.json`.
set -euo pipefail

# Debian packages the build, the tests and the examples need. Add new dependencies here.
readonly DEBIAN_PACKAGES=(
  cmake
  ninja-build
  g++
  pkg-config
  libboost-date-time-dev
  libfmt-dev
  libexpected-dev
  libgtest-dev
  libgmock-dev
  nlohmann-json3-dev
  libssl-dev
  libsqlite3-dev
  libcli11-dev
  libbenchmark-dev
  libboost-dev
  graphviz
  clang
  libclang-rt-14-dev
  # The C API's clients and packages: the Python ctypes client; dpkg-shlibdeps and file for CPack's .deb
  python3
  dpkg-dev
  file
  # Issue 15, the plan schema test and the SCXML engine test (tests/cli.cmake, tests/scxml/):
  python3-jsonschema
  qtbase5-dev
  qtdeclarative5-dev
  libqt5scxml5-dev
  # Reports people open (issue 15): the HTML page's test opens it in headless Chromium, the SVG
  # charts' test rasterises them with rsvg-convert, both are Python scripts; DejaVu Sans draws
  # the Vietnamese diacritics in the charts and the screenshot (python3 is listed above).
  chromium
  librsvg2-bin
  fonts-dejavu-core
  # examples/postgres_host: the server its tests start themselves, and libpq to reach it.
  postgresql
  libpq-dev
)

# The example `demo` builds and runs, and where its binary lands under build/.
readonly DEMO_TARGET=five_year_cycle
readonly DEMO_BINARY=examples/five_year_cycle/five_year_cycle

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly ROOT_DIR
readonly BUILD_DIR="${ROOT_DIR}/build"
readonly BUILD_TYPE=RelWithDebInfo
# Benchmarks get their own Release tree, so timing never depends on how `build/` was configured.
readonly BENCH_DIR="${ROOT_DIR}/build-bench"
readonly BENCH_TARGET=exemplar_benchmarks

# Sanitizer trees are Debug and separate, so a sanitized object never links into build/.
readonly ASAN_DIR="${ROOT_DIR}/build-asan"
readonly ASAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
readonly TSAN_DIR="${ROOT_DIR}/build-tsan"
readonly TSAN_FLAGS="-fsanitize=thread -fno-omit-frame-pointer"
# The tests that share one object between threads; ctest selects them by name (-R Threads).
readonly TSAN_TARGETS=(exemplar_threads_test exemplar_eligibility_test exemplar_timing_test)
readonly TSAN_TESTS=Threads
# The fuzzers need clang's libFuzzer; they live in their own tree.
readonly FUZZ_DIR="${ROOT_DIR}/build-fuzz"
# -O1 as libFuzzer's documentation advises: more inputs a second than Debug's -O0.
readonly FUZZ_FLAGS="-O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
readonly FUZZ_TARGETS=(fuzz_plan_json fuzz_journal_json fuzz_journal_binary fuzz_commands fuzz_c_api)
readonly FUZZ_DEFAULT_SECONDS=60

log() { printf 'build.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") <command> [ARGS...]

commands:
  demo [ARGS...]   build and run the ${DEMO_TARGET} example with ARGS
                   (only the program writes to standard output)
  test [ARGS...]   build everything and run ctest; ARGS are passed to ctest (e.g. -R package)
  asan [ARGS...]   build everything under AddressSanitizer and UndefinedBehaviorSanitizer
                   (${ASAN_DIR}, Debug) and run ctest; ARGS are passed to ctest
  tsan [ARGS...]   build the tests that share objects between threads under ThreadSanitizer
                   (${TSAN_DIR}) and run them; ARGS are passed to ctest
  fuzz [SECONDS]   build the libFuzzer targets with clang (${FUZZ_DIR}) and run each for
                   SECONDS (default ${FUZZ_DEFAULT_SECONDS}), printing how many inputs each ran
  soak [KILLS]     build postgres_host and run its fault test with KILLS server kills under
                   load (default ${SOAK_DEFAULT_KILLS}; \`test\` runs 20)
  bench [ARGS...]  build ${BENCH_TARGET} in Release (${BENCH_DIR}) and run it; ARGS are passed
                   to it (e.g. --benchmark_format=json, --benchmark_filter=BM_Lifecycle)
  help             show this message

Missing Debian packages are installed with apt-get (through sudo when not root).
The build tree is ${BUILD_DIR} (Ninja, ${BUILD_TYPE}).
EOF
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=120 "$@" >&2
}

# Installs whichever of the given packages are missing; silent when none is.
ensure_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    log "warning: dpkg-query not found (not Debian/Ubuntu?); make sure these are installed: $*"
    return 0
  fi

  local missing=() pkg
  for pkg in "$@"; do
    is_installed "${pkg}" || missing+=("${pkg}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  if [[ ${EUID} -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    die "missing packages: ${missing[*]}; installing them needs root, and this is neither root nor has sudo" \
        "(as root: apt-get install ${missing[*]})"
  fi
  log "installing missing packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -o DPkg::Lock::Timeout=120 >&2 \
    || die "apt-get update failed; cannot install: ${missing[*]}"
  apt_install "${missing[@]}" && return 0

  # The batch failed: retry one by one so the message names the packages at fault.
  local failed=()
  for pkg in "${missing[@]}"; do
    is_installed "${pkg}" && continue
    apt_install "${pkg}" || failed+=("${pkg}")
  done
  [[ ${#failed[@]} -eq 0 ]] || die "could not install package(s): ${failed[*]}"
}

# configure <build-dir> [CMAKE ARGS...]: configures once; afterwards Ninja re-runs CMake itself.
configure() {
  local dir=$1
  shift
  [[ -f "${dir}/build.ninja" ]] && return 0

  if [[ -f "${dir}/CMakeCache.txt" ]] \
     && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "${dir}/CMakeCache.txt"; then
    die "${dir} was configured with another generator; remove it and run again"
  fi
  log "configuring ${dir}"
  cmake -S "${ROOT_DIR}" -B "${dir}" -G Ninja "$@" >&2
}

# build <build-dir> [TARGET...]: builds the given targets, or everything.
build() {
  local dir=$1
  shift
  local targets=()
  [[ $# -gt 0 ]] && targets=(--target "$@")
  log "building ${*:-everything} in ${dir}"
  cmake --build "${dir}" "${targets[@]}" >&2
}

setup() {
  ensure_packages "${DEBIAN_PACKAGES[@]}"
  configure "${BUILD_DIR}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE}"
}

cmd_demo() {
  setup
  build "${BUILD_DIR}" "${DEMO_TARGET}"
  exec "${BUILD_DIR}/${DEMO_BINARY}" "$@"
}

cmd_bench() {
  ensure_packages "${DEBIAN_PACKAGES[@]}"
  configure "${BENCH_DIR}" -DCMAKE_BUILD_TYPE=Release -DEXEMPLAR_BENCHMARKS=ON \
    -DEXEMPLAR_TESTS=OFF -DEXEMPLAR_EXAMPLES=OFF -DEXEMPLAR_INSTALL=OFF
  build "${BENCH_DIR}" "${BENCH_TARGET}"
  log "running ${BENCH_TARGET} $*"
  exec "${BENCH_DIR}/benchmarks/${BENCH_TARGET}" "$@"
}

cmd_test() {
  setup
  build "${BUILD_DIR}"
  exec ctest --test-dir "${BUILD_DIR}" --output-on-failure -j2 "$@"
}

# Sanitizers stop at the first finding and say where it came from, so a run either passes clean or fails.
export_sanitizer_options() {
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
}

cmd_asan() {
  ensure_packages "${DEBIAN_PACKAGES[@]}"
  # The C++20 copy of the suite only proves it compiles; build/ does that already.
  configure "${ASAN_DIR}" -DCMAKE_BUILD_TYPE=Debug -DEXEMPLAR_WERROR=ON -DEXEMPLAR_TESTS_CXX20=OFF \
    -DCMAKE_CXX_FLAGS="${ASAN_FLAGS}" \
    -DCMAKE_EXE_LINKER_FLAGS="${ASAN_FLAGS}" -DCMAKE_SHARED_LINKER_FLAGS="${ASAN_FLAGS}"
  export_sanitizer_options
  build "${ASAN_DIR}"
  exec ctest --test-dir "${ASAN_DIR}" --output-on-failure -j2 "$@"
}

cmd_tsan() {
  ensure_packages "${DEBIAN_PACKAGES[@]}"
  configure "${TSAN_DIR}" -DCMAKE_BUILD_TYPE=Debug -DEXEMPLAR_WERROR=ON -DEXEMPLAR_EXAMPLES=OFF \
    -DEXEMPLAR_INSTALL=OFF \
    -DCMAKE_CXX_FLAGS="${TSAN_FLAGS}" \
    -DCMAKE_EXE_LINKER_FLAGS="${TSAN_FLAGS}" -DCMAKE_SHARED_LINKER_FLAGS="${TSAN_FLAGS}"
  export_sanitizer_options
  build "${TSAN_DIR}" "${TSAN_TARGETS[@]}"
  exec ctest --test-dir "${TSAN_DIR}" --output-on-failure -j2 -R "${TSAN_TESTS}" "$@"
}

cmd_fuzz() {
  local seconds=${1:-${FUZZ_DEFAULT_SECONDS}}
  [[ ${seconds} =~ ^[0-9]+$ && ${seconds} -gt 0 ]] || die "fuzz: SECONDS must be a positive whole number, not '${seconds}'"
  ensure_packages "${DEBIAN_PACKAGES[@]}"
  configure "${FUZZ_DIR}" -DCMAKE_BUILD_TYPE=Debug -DEXEMPLAR_FUZZ=ON -DEXEMPLAR_TESTS=OFF \
    -DEXEMPLAR_EXAMPLES=OFF -DEXEMPLAR_INSTALL=OFF \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="${FUZZ_FLAGS}"
  export_sanitizer_options
  build "${FUZZ_DIR}" "${FUZZ_TARGETS[@]}"

  local target corpus log runs
  for target in "${FUZZ_TARGETS[@]}"; do
    # libFuzzer adds what it finds to the first directory, so the checked-in seeds stay as they are.
    corpus="${FUZZ_DIR}/corpus/${target}"
    log="${FUZZ_DIR}/${target}.log"
    mkdir -p "${corpus}"
    log "fuzzing ${target} for ${seconds}s"
    if ! "${FUZZ_DIR}/tests/fuzz/${target}" -max_total_time="${seconds}" -print_final_stats=1 \
         -artifact_prefix="${FUZZ_DIR}/${target}-" -close_fd_mask=1 \
         "${corpus}" "${ROOT_DIR}/tests/fuzz/corpus/${target}" >"${log}" 2>&1; then
      tail -n 60 "${log}" >&2
      die "${target} found a failure; the input is in ${FUZZ_DIR}/${target}-*"
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}")
    log "${target}: ${runs:-?} inputs in ${seconds}s, no failure"
  done
}

# The PostgreSQL host's fault test at length (examples/postgres_host/fault_test.sh).
readonly SOAK_DEFAULT_KILLS=200
cmd_soak() {
  local kills=${1:-${SOAK_DEFAULT_KILLS}}
  [[ ${kills} =~ ^[0-9]+$ && ${kills} -gt 0 ]] || die "soak: KILLS must be a positive whole number, not '${kills}'"
  setup
  build "${BUILD_DIR}" postgres_host
  log "killing the PostgreSQL server ${kills} times under load"
  exec "${ROOT_DIR}/examples/postgres_host/fault_test.sh" "${BUILD_DIR}/examples/postgres_host/postgres_host" \
    "${ROOT_DIR}/examples/postgres_host/pg_cluster.sh" "${BUILD_DIR}/soak" "${kills}"
}

main() {
  if [[ $# -eq 0 ]]; then
    usage
    exit 2
  fi
  local command=$1
  shift
  case "${command}" in
    demo) cmd_demo "$@" ;;
    test) cmd_test "$@" ;;
    bench) cmd_bench "$@" ;;
    asan) cmd_asan "$@" ;;
    tsan) cmd_tsan "$@" ;;
    fuzz) cmd_fuzz "$@" ;;
    soak) cmd_soak "$@" ;;
    help | -h | --help) usage ;;
    *)
      log "unknown command: ${command}"
      usage
      exit 2
      ;;
  esac
}

main "$@"
