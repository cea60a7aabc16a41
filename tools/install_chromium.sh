#!/bin/sh
# Install Debian's Chromium (for the Playwright browser tests and bench/bench_viewer.py)
# and a Japanese font (so screenshots show kana and kanji), when missing.
# Usage: tools/install_chromium.sh   (needs root or sudo, and the Debian package mirrors)
set -eu
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
if command -v fc-list >/dev/null 2>&1 && fc-list :lang=ja 2>/dev/null | grep -q .; then :; else need="$need fonts-ipafont-gothic"; fi
if [ -z "$need" ]; then
  echo "chromium and a Japanese font are installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: need root to install:$need; run as root or install them by hand" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $need
/usr/bin/chromium --version
