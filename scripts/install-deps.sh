#!/usr/bin/env bash
# Install the Debian 12 packages aka needs to build, test and fuzz.
# Safe to run again: packages already present are left alone.
set -euo pipefail
pkgs=(build-essential cmake pkg-config git
      libicu-dev libxml2-dev libjansson-dev libcmocka-dev libssl-dev
      libsqlite3-dev sqlite3 libcurl4-openssl-dev libmicrohttpd-dev
      clang libclang-rt-14-dev jq time bsdutils)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
