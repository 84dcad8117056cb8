#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring,
# so keytar talks to a real Secret Service. Used by `npm test`.
set -euo pipefail

if [[ -z "${TOOLBOX_IN_KEYRING_SESSION:-}" ]]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "dbus-run-session or gnome-keyring-daemon is missing; install dbus-x11 and gnome-keyring (see README)." >&2
    exit 1
  fi
  TOOLBOX_IN_KEYRING_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

# A fresh keyring folder, so the tests never unlock or write to a developer's own keyring
# (whose password differs, which would leave the collection locked).
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT

# The daemon reads the unlock password from stdin and prints its environment.
eval "$(echo -n test-keyring-password | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
