#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian/Ubuntu), when they are missing.
# Runs before `npm test`. Without root it prints the command to run instead of failing late.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
# The encrypted-backup interop tests run the reference age CLI, driven through a pty by python3.
command -v "${AGE_BINARY:-age}" >/dev/null 2>&1 || missing+=(age)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# OS keychain tests: a real GNOME Keyring in a headless D-Bus session (scripts/with-keyring.sh).
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v secret-tool >/dev/null 2>&1 || missing+=(libsecret-tools)
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus-x11)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]}." >&2
  echo "Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}), or set CHROMIUM_PATH / AGE_BINARY to those binaries." >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
