#!/usr/bin/env bash
# Runs qari's tests on a fresh machine: installs the terminal tools the tests drive
# (tmux for end-to-end tests, GNU FriBidi as the BiDi oracle), then `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v fribidi >/dev/null 2>&1 || need+=(libfribidi-bin)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

cargo test "$@"
