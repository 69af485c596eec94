#!/usr/bin/env bash
# Screenshots of the desktop app's main screens under Xvfb into docs/screenshots/ (README.md uses them):
#   tests/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (packaging/deps.sh --test)" >&2; exit 1; }
mkdir -p docs/screenshots
# The app opens the sample, calls GET /pets from its client, then visits the method's execution
# picture, a mapping template, the stage and the dashboard, saving each, and quits.
GW_SCREENSHOTS="$PWD/docs/screenshots" \
  xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/gui/gatewright" resources/samples/petstore.gwproj
