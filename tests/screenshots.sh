#!/usr/bin/env bash
# Screenshots of the desktop app under Xvfb into docs/screenshots/ (used in README.md):
#   tests/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (packaging/deps.sh --test)" >&2; exit 1; }
mkdir -p docs/screenshots
# The app sends one request from its client, selects it in the live log, grabs its window, quits.
GW_SCREENSHOT="$PWD/docs/screenshots/main-window.png" \
  xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/gui/gatewright" resources/samples/petstore.gwproj
echo "wrote docs/screenshots/main-window.png"
