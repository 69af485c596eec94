#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   packaging/dev.sh run   installs what is missing, builds, opens Gatewright on the sample project
#                          (serves it headless when there is no display)
#   packaging/dev.sh test  installs what is missing (test tools too), builds, runs every test with ctest
# BUILD_DIR (default: build) and BUILD_TYPE (default: RelWithDebInfo) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
verb="${1:-}"
build="${BUILD_DIR:-build}"
type="${BUILD_TYPE:-RelWithDebInfo}"
jobs="$(nproc 2>/dev/null || echo 2)"

configure_and_build() {
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
  cmake --build "$build" -j "$jobs"
}

case "$verb" in
  run)
    bash packaging/deps.sh
    configure_and_build
    sample="resources/samples/petstore.gwproj"
    if [[ -x "$build/app/gui/gatewright" ]]; then
      exec "$build/app/gui/gatewright" "$sample"
    fi
    echo "gatewright: the desktop app is not built; serving the sample headless" >&2
    exec "$build/app/cli/gatewright-cli" serve "$sample"
    ;;
  test)
    bash packaging/deps.sh --test
    configure_and_build
    cd "$build"
    ctest --output-on-failure -j "$jobs" --timeout 300
    ;;
  test-asan)
    # The engine's suite again under AddressSanitizer and UBSan (no GUI): proves, among other
    # things, that no answer is written to a connection that has gone.
    bash packaging/deps.sh --test
    build="${BUILD_DIR:-build-asan}"
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGW_SANITIZE=ON -DGW_BUILD_GUI=OFF
    cmake --build "$build" -j "$jobs"
    cd "$build"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --output-on-failure -j "$jobs" --timeout 600
    ;;
  *)
    echo "usage: packaging/dev.sh run|test|test-asan" >&2
    exit 2
    ;;
esac
