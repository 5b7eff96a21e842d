#!/usr/bin/env bash
# Aura Jobs: one command to run the service, one to run the tests.
#   ./build.sh run     build and start the service (UI and API at http://127.0.0.1:5005)
#   ./build.sh test    build and run every test
#   ./build.sh build   restore and build only
#   ./build.sh bench   build and run the benchmark against the bare SSE floor (bench/README.md);
#                      extra arguments go to it, e.g. ./build.sh bench --quick
#   ./build.sh cluster build and start a local cluster: Redis, two API nodes (http://127.0.0.1:5005 and
#                      :5006) and two worker nodes on one shared data folder (data/cluster); Ctrl+C stops it
#                      (AURA_CLUSTER_PORT moves the four nodes' ports, AURA_CLUSTER_REDIS_PORT Redis's: 6390)
# It installs what is missing (FFmpeg, espeak-ng, fonts, Chromium, Redis) with apt-get when it runs as
# root or can use sudo, and says what to install otherwise. build.ps1 mirrors it for Windows.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERB="${1:-}"
CONFIGURATION="${CONFIGURATION:-Release}"
URLS="${AURA_URLS:-http://127.0.0.1:5005}"

log() { printf '==> %s\n' "$*"; }

# Debian/Ubuntu package that provides each command the service or its tests use.
declare -A PACKAGE_OF=(
  [ffmpeg]=ffmpeg
  [ffprobe]=ffmpeg
  [espeak-ng]=espeak-ng
  [chromium]=chromium
  [node]=nodejs
  [redis-server]=redis-server
)
FONT_FILE=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

install_missing() {
  local wanted=("$@") missing=()
  for cmd in "${wanted[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$cmd]}")
  done
  [ -f "$FONT_FILE" ] || missing+=(fonts-dejavu-core)
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
  fi
  if [ "$sudo" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    log "Missing: ${missing[*]}. Install them with your package manager (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})."
    log "Continuing: the service reports what is missing at /health; tests that need them will fail."
    return 0
  fi
  log "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    log "The .NET SDK 10 is required: https://dotnet.microsoft.com/download (or apt-get install dotnet-sdk-10.0)."
    exit 1
  fi
}

build() {
  require_dotnet
  log "Restoring and building ($CONFIGURATION)"
  dotnet build "$ROOT/Aura.Jobs.sln" -c "$CONFIGURATION" -nologo -clp:NoSummary -v:q
}

# The cluster verb: what several machines run, on this one. Every node is a real process on loopback;
# the data folder is shared as a shared file system would be. Only this script's own pids are stopped.
CLUSTER_PIDS=()
stop_cluster() {
  trap - INT TERM EXIT
  log "Stopping the cluster (pids ${CLUSTER_PIDS[*]})"
  for pid in "${CLUSTER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${CLUSTER_PIDS[@]}" 2>/dev/null || true
}

# Waits until something listens on 127.0.0.1:$1 (bash's /dev/tcp: no curl needed), up to 120 s.
wait_for_port() {
  for _ in $(seq 1 1200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  log "Nothing listens on port $1 after 120 s; see $CLUSTER/logs"
  return 1
}

# start_node NAME PORT SETTINGS...: one node of the cluster, its console output in $CLUSTER/logs/NAME.out.
start_node() {
  local name="$1" port="$2"
  shift 2
  (cd "$ROOT/Aura.Api" && exec dotnet "bin/$CONFIGURATION/net10.0/Aura.Api.dll" --urls "http://127.0.0.1:$port" \
    --Storage:Provider Redis --Redis:Configuration "127.0.0.1:$REDIS_PORT" \
    --Storage:DataFolder "$CLUSTER/shared" --Jobs:LogsFolder "$CLUSTER/logs" "$@") >"$CLUSTER/logs/$name.out" 2>&1 &
  CLUSTER_PIDS+=("$!")
}

run_cluster() {
  CLUSTER="$ROOT/data/cluster"
  REDIS_PORT="${AURA_CLUSTER_REDIS_PORT:-6390}"
  # The API nodes on BASE and BASE+1, the workers' health on BASE+2 and BASE+3.
  local base="${AURA_CLUSTER_PORT:-5005}"
  local a="$base" b="$((base + 1))" w1="$((base + 2))" w2="$((base + 3))"
  mkdir -p "$CLUSTER/redis" "$CLUSTER/shared" "$CLUSTER/logs"
  # Ctrl+C (or a TERM) stops every node and then this script; so does any other way out of it.
  trap 'stop_cluster; exit 130' INT TERM
  trap stop_cluster EXIT
  # The settings the README asks of a production Redis: every write on disk before it is acknowledged
  # (a lost INCR would issue a number twice), and no key ever evicted.
  log "Starting redis-server on 127.0.0.1:$REDIS_PORT (data in $CLUSTER/redis)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$CLUSTER/redis" --appendonly yes --appendfsync always \
    --maxmemory-policy noeviction --save "" --daemonize no >"$CLUSTER/logs/redis.out" 2>&1 &
  CLUSTER_PIDS+=("$!")
  wait_for_port "$REDIS_PORT"
  start_node api-a "$a" --Jobs:Workers 0
  start_node api-b "$b" --Jobs:Workers 0
  start_node worker-1 "$w1" --Api:Enabled false --Jobs:Workers 1
  start_node worker-2 "$w2" --Api:Enabled false --Jobs:Workers 1
  for port in "$a" "$b" "$w1" "$w2"; do wait_for_port "$port"; done
  log "Cluster up (Ctrl+C stops it all):"
  log "  API node A   http://127.0.0.1:$a   (UI, API, streams; runs no jobs)"
  log "  API node B   http://127.0.0.1:$b"
  log "  worker 1     http://127.0.0.1:$w1/health   (pid ${CLUSTER_PIDS[3]}: kill -9 it and its job moves to worker 2)"
  log "  worker 2     http://127.0.0.1:$w2/health   (pid ${CLUSTER_PIDS[4]})"
  log "  Redis        127.0.0.1:$REDIS_PORT; shared data $CLUSTER/shared; logs $CLUSTER/logs"
  # Until Ctrl+C. A worker killed on purpose is no reason to stop the rest: its job moves to the other one.
  wait || true
}

case "$VERB" in
  build)
    build
    ;;
  run)
    install_missing ffmpeg ffprobe espeak-ng
    build
    mkdir -p "$ROOT/data" "$ROOT/Logs"
    log "Starting Aura Jobs at $URLS (Ctrl+C to stop)"
    cd "$ROOT/Aura.Api"
    exec dotnet run -c "$CONFIGURATION" --no-build --no-launch-profile -- --urls "$URLS" \
      --Storage:DataFolder "$ROOT/data" --Jobs:LogsFolder "$ROOT/Logs"
    ;;
  test)
    # redis-server: the Redis store's tests start their own on a free loopback port (never Debian's service).
    install_missing ffmpeg ffprobe espeak-ng chromium node redis-server
    build
    # The web UI's pure modules (stream parser, backoff, store, formatting) under Node's own runner.
    log "Running the JavaScript tests (node --test)"
    node --test "$ROOT/Aura.Tests/Ui/js/" 2>&1 | tee "$ROOT/NodeTests.log" || true
    js_passed="$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$ROOT/NodeTests.log" | tail -1)"
    js_failed="$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$ROOT/NodeTests.log" | tail -1)"
    rm -f "$ROOT/NodeTests.log"
    # No summary means node did not run them: count that as a failure, not as nothing to do.
    [ -n "$js_passed" ] || js_failed=1
    log "JavaScript tests: ${js_passed:-0} pass, ${js_failed:-0} fail"
    log "Running the tests"
    dotnet test "$ROOT/Aura.Jobs.sln" -c "$CONFIGURATION" --no-build -nologo \
      --results-directory "$ROOT/TestResults" 2>&1 | tee "$ROOT/TestResults.log" || true
    # dotnet test's exit code is lost in the pipe above; read the outcome from its summary.
    summary="$(grep -E '^(Passed|Failed)!' "$ROOT/TestResults.log" | tail -1)"
    rm -f "$ROOT/TestResults.log"
    passed="$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$summary")"
    failed="$(sed -nE 's/.*Failed: +([0-9]+).*/\1/p' <<<"$summary")"
    skipped="$(sed -nE 's/.*Skipped: +([0-9]+).*/\1/p' <<<"$summary")"
    # The last line is the total of both runners (dotnet + node); CI reads it.
    echo "$(( ${passed:-0} + ${js_passed:-0} )) passed, $(( ${failed:-0} + ${js_failed:-0} )) failed, ${skipped:-0} skipped"
    [ -n "$summary" ] && [ "${failed:-1}" = "0" ] && [ "${passed:-0}" -gt 0 ] && [ "${js_failed:-1}" = "0" ]
    ;;
  bench)
    install_missing ffmpeg ffprobe espeak-ng
    build
    # 10,000 streams need 10,000 sockets in the bench and as many in each server (children inherit
    # the limit): raise the open-file limit to 65536, or to the hard maximum when that is lower.
    hard="$(ulimit -Hn)"
    if [ "$hard" = "unlimited" ] || [ "$hard" -ge 65536 ]; then ulimit -n 65536; else ulimit -n "$hard"; fi
    log "Running the benchmark (open-file limit $(ulimit -n))"
    shift
    exec dotnet "$ROOT/bench/Aura.Bench/bin/$CONFIGURATION/net10.0/Aura.Bench.dll" "$CONFIGURATION" "$@"
    ;;
  cluster)
    install_missing ffmpeg ffprobe espeak-ng redis-server
    build
    run_cluster
    ;;
  *)
    echo "usage: ./build.sh run|test|build|bench|cluster [bench arguments]" >&2
    exit 2
    ;;
esac
