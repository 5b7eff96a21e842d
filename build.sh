#!/usr/bin/env bash
# Aura Jobs: one command to run the service, one to run the tests.
#   ./build.sh run     build and start the service (UI and API at http://127.0.0.1:5005)
#   ./build.sh test    build and run every test
#   ./build.sh build   restore and build only
#   ./build.sh bench   build and run the benchmark against the bare SSE floor (bench/README.md);
#                      extra arguments go to it, e.g. ./build.sh bench --quick
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
  *)
    echo "usage: ./build.sh run|test|build|bench [bench arguments]" >&2
    exit 2
    ;;
esac
