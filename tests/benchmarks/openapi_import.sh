#!/usr/bin/env bash
# OpenAPI import timings (run on demand; not in ctest):  tests/benchmarks/openapi_import.sh [BUILD_DIR]
# Builds bench_openapi_import in BUILD_DIR (default build) and runs it: a 2,000-path document
# (target under 2 s) and one path 10,000 segments deep (target under 1 s), JSON and YAML, median of
# five imports each. Exits 1 when a median is over its target. Results go to docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
cmake --build "$build" --target bench_openapi_import >/dev/null
"$build/tests/openapi/bench_openapi_import"
