#!/usr/bin/env bash
# Installs the Debian 12 packages Gatewright builds and tests with, only those missing.
# Usage: packaging/deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail
pkgs=(cmake g++ ninja-build pkg-config
      qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
      qt6-declarative-dev libqscintilla2-qt6-dev libgl-dev libxkbcommon-dev
      libyaml-cpp-dev libssl-dev libvalijson-dev libpcre2-dev libqt6svg6)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(curl xvfb xauth nginx-light wrk python3 python3-prometheus-client python3-botocore awscli openssl chromium chromium-driver)
  # The libFuzzer targets (tests/fuzz) build with clang and its runtime.
  pkgs+=(clang libclang-rt-14-dev)
  # Node.js may come from elsewhere (NodeSource ships npm inside its nodejs package and conflicts
  # with Debian's npm): only ask Debian for what no installed node/npm already provides.
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
