#!/usr/bin/env bash
# apt_install PACKAGE...: installs Debian packages for the CI steps that need them, as root.
# A fresh machine may still be running its own apt jobs at boot, a mirror may drop a request,
# and a minimal image may lack gpgv, so that `apt-get update` fails although the lists it has
# would do: each attempt updates if it can, waits up to two minutes for dpkg's lock, and three
# attempts are made, ten seconds apart. On failure the last lines of apt's log are printed, so the CI log says why.
# Sourced by precommit-test.sh and browser-test.sh.
apt_install() {
  local log attempt
  log=$(mktemp "${TMPDIR:-/tmp}/regionlint-apt.XXXXXX")
  for attempt in 1 2 3; do
    # a failed update (a mirror down, no gpgv to check the lists' signatures) leaves the lists
    # the machine already has, which is often enough: only the install must succeed
    apt-get -o DPkg::Lock::Timeout=120 update -q >"$log" 2>&1 || echo "apt-get update failed; trying the package lists already here" >>"$log"
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -q "$@" >>"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
    echo "apt-get install $* failed (attempt $attempt of 3)" >&2
    if [[ $attempt -lt 3 ]]; then sleep 10; fi
  done
  tail -n 20 "$log" >&2
  rm -f "$log"
  return 1
}
