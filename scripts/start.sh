#!/bin/sh
# `npm start`: builds what is out of date, then becomes the appliance (exec), so the
# signal npm passes on when it gets SIGTERM or SIGINT reaches the appliance itself and
# nothing is left running, holding the port. A signal during the build stops the build.
set -eu
cd "$(dirname "$0")/.."

# In the background so that a signal is handled at once; build.mjs stops its own step.
node scripts/build.mjs --quiet &
build=$!
trap 'kill -TERM "$build" 2>/dev/null || true; wait "$build" || true; exit 143' TERM
trap 'kill -TERM "$build" 2>/dev/null || true; wait "$build" || true; exit 130' INT
wait "$build"
trap - TERM INT

# glibc would keep the 19 MiB that each password check (argon2id) frees: a fixed mmap
# threshold returns such blocks to the system at once (README, "Memory"). The systemd
# unit sets the same; a value already in the environment wins.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
exec node appliance/dist/main.js
