#!/usr/bin/env bash
# Installs the Debian packages lead-intake needs to build, run and test, skipping those
# already present. Run as root (or with sudo available). Safe to run repeatedly.
set -euo pipefail

packages=(
  postgresql          # the embedded cluster and the test server (initdb, pg_ctl)
  postgresql-client   # psql, createdb
  libxml2-dev         # HTML parsing
  libcurl4-openssl-dev # IMAP polling, SMTP submission
  pkg-config
  python3             # the tests' independent SMTP client (smtplib)
  openssl
  util-linux          # runuser, setsid
  bsdutils            # script: the test runs' output line by line (Tests/run-tests.sh)
  procps              # pgrep/pkill: ending a test run that hit its time limit
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's package starts a system cluster on 5432; lead-intake never uses it.
