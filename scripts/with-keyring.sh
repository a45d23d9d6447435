#!/usr/bin/env bash
# Runs a command inside a private, headless D-Bus session with an unlocked GNOME Keyring (a real
# Secret Service), e.g. for OS keychain tests: bash scripts/with-keyring.sh node --import tsx worker.ts
# The keyring lives in a temporary directory (never the user's own), removed afterwards.
# Needs dbus-run-session and gnome-keyring-daemon (packages dbus-x11 or dbus-daemon, gnome-keyring);
# scripts/ensure-test-deps.sh installs them. Exits with the command's status.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool is missing (Debian/Ubuntu: apt-get install -y gnome-keyring libsecret-tools dbus-x11)." >&2
    exit 127
  fi
done

keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/cd-keyring-XXXXXX")"
trap 'rm -rf "$keyring_home"' EXIT
password="${CD_KEYRING_PASSWORD:-connectdesk-test-keyring}"

# Inside the session: $0 is the keyring directory, $1 the password, the rest the command.
# Unlocking with a password creates the "login" keyring there on first use and unlocks it;
# the daemon registers org.freedesktop.secrets on this session bus and ends with it.
set +e
dbus-run-session -- sh -c '
  keyring_home="$0"; password="$1"; shift
  printf %s "$password" | XDG_DATA_HOME="$keyring_home" gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 125
  exec "$@"
' "$keyring_home" "$password" "$@"
status=$?
set -e
exit "$status"
