#!/usr/bin/env bash
# Install (or update) Innbox on a Debian/Ubuntu mini-PC as a systemd service.
#
#   sudo scripts/install.sh                 install from this checkout into /opt/innbox
#   scripts/install.sh --dry-run            print every command, run none (no root needed)
#
# Safe to run again: each step checks what is already there. Running it from an
# updated checkout builds the new version beside the old one, then swaps them and
# restarts the service, so the front desk is down for seconds, not for the build.
set -euo pipefail

readonly DEFAULT_PREFIX=/opt/innbox
readonly DEFAULT_PORT=8080
readonly DEFAULT_NODE=/usr/bin/node
readonly SERVICE=innbox
readonly SERVICE_USER=innbox
readonly DATA_DIR=/var/lib/innbox
readonly CONFIG_DIR=/etc/innbox
readonly CONFIG_FILE=$CONFIG_DIR/config.json
readonly UNIT_FILE=/etc/systemd/system/innbox.service
readonly DROPIN_FILE=/etc/systemd/system/innbox.service.d/10-install.conf
readonly NODE_MIN=20.19.0
readonly RESET_CMD=/usr/local/sbin/innbox-reset-password
readonly HEALTH_TIMEOUT_S=90
readonly BUILD_PACKAGES=(python3 make g++ rsync)
readonly CJK_FONT_PACKAGE=fonts-wqy-microhei

PROG=$(basename "$0")
ORIG_ARGS=("$@")
PREFIX=$DEFAULT_PREFIX
PORT=
DRY_RUN=0

usage() {
  cat <<EOF
Usage: $PROG [--prefix DIR] [--port N] [--dry-run] [--help]

Installs Innbox from this checkout as the systemd service "innbox" on Debian 12+
or Ubuntu 24.04+, or updates an existing install. Needs root (use sudo), Node.js
$NODE_MIN or newer, and internet access for apt and npm.

What it does, skipping whatever is already done:
  - installs build tools and a CJK font with apt if missing (${BUILD_PACKAGES[*]} $CJK_FONT_PACKAGE)
  - creates the system user "$SERVICE_USER"
  - copies the code to the prefix, runs npm ci and npm run build there
  - creates $DATA_DIR (mode 700) and $CONFIG_FILE (from config.example.json)
  - installs, enables and (re)starts the innbox unit, waits for /healthz
  - installs 'innbox-reset-password' (resets a password as the service user)
  - prints the first-run setup URL

Options:
  --prefix DIR   where the code lives (default $DEFAULT_PREFIX)
  --port N       set "port" in $CONFIG_FILE (otherwise the file's port,
                 default $DEFAULT_PORT, is kept); a port below 1024 also grants the
                 service CAP_NET_BIND_SERVICE
  --dry-run      print every command it would run, run none; root not needed
  -h, --help     show this help

Data: $DATA_DIR   Config: $CONFIG_FILE   Logs: journalctl -u $SERVICE
EOF
}

die() {
  printf '%s: %s\n' "$PROG" "$*" >&2
  exit 1
}

usage_error() {
  printf '%s: %s\nRun "%s --help" for the options.\n' "$PROG" "$*" "$PROG" >&2
  exit 2
}

while (($# > 0)); do
  case $1 in
    --prefix) (($# >= 2)) || usage_error "--prefix needs a directory"; PREFIX=$2; shift 2 ;;
    --prefix=*) PREFIX=${1#*=}; shift ;;
    --port) (($# >= 2)) || usage_error "--port needs a number"; PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done

[[ $PREFIX == /* ]] || usage_error "--prefix must be an absolute path, got '$PREFIX'"
PREFIX=${PREFIX%/}
[[ -n $PREFIX ]] || usage_error "--prefix cannot be /"
case $PREFIX/ in
  /home/* | /root/* | /run/user/*)
    usage_error "--prefix $PREFIX is under a home folder, which the service cannot read (ProtectHome); use e.g. $DEFAULT_PREFIX" ;;
  /tmp/* | /var/tmp/*)
    usage_error "--prefix $PREFIX is under a temp folder, which the service cannot see (PrivateTmp); use e.g. $DEFAULT_PREFIX" ;;
esac

if [[ -n $PORT ]]; then
  [[ $PORT =~ ^[0-9]{1,5}$ ]] && ((10#$PORT >= 1 && 10#$PORT <= 65535)) || usage_error "--port must be a number from 1 to 65535, got '$PORT'"
  PORT=$((10#$PORT))
fi

# --- output and execution -----------------------------------------------------

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }

quote() {
  local out='' arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
      out+=" $arg"
    elif [[ $arg != *"'"* ]]; then
      out+=" '$arg'"
    else
      out+=" $(printf '%q' "$arg")"
    fi
  done
  printf '%s' "${out# }"
}

# Every command that changes the machine goes through run/run_in, so --dry-run
# shows exactly what a real run does. Read-only checks (command -v, id, test)
# run in both modes to decide what is needed.
run() {
  printf '+ %s\n' "$(quote "$@")"
  ((DRY_RUN)) && return 0
  "$@"
}

run_in() {
  local dir=$1
  shift
  printf '+ (cd %s && %s)\n' "$(quote "$dir")" "$(quote "$@")"
  ((DRY_RUN)) && return 0
  (cd "$dir" && "$@")
}

skip() {
  local why=$1
  shift
  printf '= %s, skipping: %s\n' "$why" "$(quote "$@")"
}

# write_file MODE OWNER:GROUP PATH CONTENT
write_file() {
  local mode=$1 owner=$2 path=$3 content=$4 tmp
  printf '+ install -m %s -o %s -g %s <generated> %s\n' "$mode" "${owner%%:*}" "${owner##*:}" "$path"
  printf '%s\n' "$content" | sed 's/^/    | /'
  ((DRY_RUN)) && return 0
  tmp=$(mktemp)
  printf '%s\n' "$content" >"$tmp"
  install -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$tmp" "$path"
  rm -f "$tmp"
}

version_ge() { # version_ge A B: A >= B (dotted numbers)
  local -a a b
  local i
  IFS=. read -r -a a <<<"$1"
  IFS=. read -r -a b <<<"$2"
  for i in 0 1 2; do
    ((${a[i]:-0} > ${b[i]:-0})) && return 0
    ((${a[i]:-0} < ${b[i]:-0})) && return 1
  done
  return 0
}

# --- checks (nothing is changed until they all pass) --------------------------

# sudo keeps the caller's umask; a 077 umask would leave the code unreadable
# for the service user.
umask 022
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
if ((EUID == 0)); then export npm_config_cache=/root/.npm; fi

if ((DRY_RUN)); then
  printf 'Dry run: printing the commands a real run would execute; none is run.\n'
elif ((EUID != 0)); then
  die "needs root to create a user, a service and system folders. Run: sudo $(quote "$0" "${ORIG_ARGS[@]}")"
fi

problem() { # fatal for a real run, reported and carried on in a dry run
  if ((DRY_RUN)); then warn "$* (a real run would stop here)"; else die "$*"; fi
}

SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
[[ -f $SRC_DIR/package.json && -f $SRC_DIR/package-lock.json && -f $SRC_DIR/systemd/innbox.service ]] ||
  die "$SRC_DIR does not look like an Innbox checkout (package.json, package-lock.json, systemd/innbox.service)"


if [[ ! -d /run/systemd/system ]]; then
  problem "this machine is not running systemd, which Innbox's service needs"
fi

NODE_HELP="Install Node.js $NODE_MIN or newer system-wide first (see \"Installing on a mini-PC\" in the README):
  - Debian 13 (trixie): sudo apt install nodejs npm
  - Debian 12 / Ubuntu 24.04 (their nodejs is 18, too old): the official build from
    https://nodejs.org/en/download (Linux, Standalone Binary), unpacked into /usr/local:
      sudo tar -xJf node-v20.*-linux-x64.tar.xz -C /usr/local --strip-components=1
Node from nvm in a home folder cannot be used: the service cannot read home folders."
NODE_BIN=$(command -v node || true)
if [[ -z $NODE_BIN ]]; then
  problem "Node.js was not found on the PATH ($PATH).
$NODE_HELP"
  NODE_BIN=$DEFAULT_NODE
else
  NODE_VERSION=$("$NODE_BIN" -p process.versions.node 2>/dev/null || echo 0)
  if ! version_ge "$NODE_VERSION" "$NODE_MIN"; then
    problem "Node.js $NODE_VERSION at $NODE_BIN is too old; Innbox needs $NODE_MIN or newer.
$NODE_HELP"
  fi
  case $NODE_BIN in
    /home/* | /root/*) problem "Node.js at $NODE_BIN is in a home folder.
$NODE_HELP" ;;
  esac
  command -v npm >/dev/null || problem "npm was not found next to Node.js (Debian: sudo apt install npm)"
fi

# The port lives in the config file; the environment is left alone so the file wins.
config_port() { # prints the "port" of a JSON config file, if it has a readable one
  [[ -r $1 && -x $NODE_BIN ]] || return 0
  "$NODE_BIN" -e 'try { const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (Number.isInteger(c.port)) console.log(c.port); } catch {}' "$1" 2>/dev/null || true
}
if [[ -e $CONFIG_FILE ]]; then CONFIG_PORT=$(config_port "$CONFIG_FILE"); else CONFIG_PORT=$(config_port "$SRC_DIR/config.example.json"); fi
CONFIG_PORT=${CONFIG_PORT:-$DEFAULT_PORT}
SET_PORT=0
if [[ -n $PORT && $PORT != "$CONFIG_PORT" ]]; then SET_PORT=1; fi
PORT=${PORT:-$CONFIG_PORT}

MISSING_PACKAGES=()
for tool in "${BUILD_PACKAGES[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || MISSING_PACKAGES+=("$tool")
done
# Printed plates and stickers take Chinese, Japanese and Korean letters from the box's
# CJK font (appliance/src/reception/sticker-fonts.ts); WenQuanYi Micro Hei is 5 MB.
if ! ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then MISSING_PACKAGES+=("$CJK_FONT_PACKAGE"); else
    echo "note: no CJK font found; plates and stickers print Chinese, Japanese and Korean letters as boxes until one is installed ($CJK_FONT_PACKAGE on Debian)" >&2
  fi
fi
if ((${#MISSING_PACKAGES[@]} > 0)) && ! command -v apt-get >/dev/null 2>&1; then
  problem "missing ${MISSING_PACKAGES[*]} and there is no apt-get; install them with your package manager"
fi

# Build from the checkout in place when it already is the prefix; otherwise
# build a copy beside the live code and swap it in once it is built.
IN_PLACE=0
if [[ -d $PREFIX && $(cd "$PREFIX" && pwd -P) == "$SRC_DIR" ]]; then
  IN_PLACE=1
elif [[ -d $PREFIX/.git ]]; then
  die "$PREFIX is a git checkout; update it there (git pull) and run its own scripts/install.sh"
elif [[ -d $PREFIX && -n $(ls -A "$PREFIX" 2>/dev/null) && ! -f $PREFIX/systemd/innbox.service ]]; then
  die "$PREFIX exists and is not an Innbox install; remove it or choose another --prefix"
fi
STAGE=$PREFIX.new
OLD=$PREFIX.old
BUILD_DIR=$PREFIX
((IN_PLACE)) || BUILD_DIR=$STAGE

# --- 1. packages ---------------------------------------------------------------

step "Build tools and fonts (${BUILD_PACKAGES[*]} $CJK_FONT_PACKAGE)"
if ((${#MISSING_PACKAGES[@]} > 0)); then
  run apt-get update
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING_PACKAGES[@]}"
else
  skip "all present" apt-get install -y "${BUILD_PACKAGES[@]}"
fi

# --- 2. user -------------------------------------------------------------------

step "System user $SERVICE_USER"
USERADD=(useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home
  --shell /usr/sbin/nologin --comment "Innbox appliance" "$SERVICE_USER")
if id -u "$SERVICE_USER" >/dev/null 2>&1; then
  skip "user $SERVICE_USER exists" "${USERADD[@]}"
else
  run "${USERADD[@]}"
fi

# --- 3. code and build -----------------------------------------------------------

step "Code in $PREFIX"
if ((IN_PLACE)); then
  note "this checkout is $PREFIX: building in place (the service is down while npm ci runs)"
  run chmod -R u+rwX,go+rX,go-w "$PREFIX"
else
  note "copying $SRC_DIR to $STAGE, building there, then swapping it in"
  if [[ -e $STAGE ]]; then run rm -rf "$STAGE"; fi
  run install -d -m 755 "$STAGE"
  # Files end up owned by root and readable by all, whoever owns the checkout.
  run rsync -rlt --delete --chmod=go-w,Dgo+rx,Fgo+r \
    --exclude=/.git/ --exclude=node_modules/ --exclude=dist/ --exclude='*.tsbuildinfo' \
    --exclude=/data/ --exclude=/config.json --exclude=/test-artifacts/ --exclude=/screenshots-tmp/ \
    "$SRC_DIR/" "$STAGE/"
fi

step "Dependencies and build (compiles better-sqlite3 and argon2; a few minutes on a mini-PC)"
run_in "$BUILD_DIR" npm ci --no-audit --no-fund
run_in "$BUILD_DIR" npm run build

# --- 4. data and config ----------------------------------------------------------

step "Data folder $DATA_DIR and config $CONFIG_FILE"
run install -d -m 700 -o "$SERVICE_USER" -g "$SERVICE_USER" "$DATA_DIR"
run install -d -m 750 -o root -g "$SERVICE_USER" "$CONFIG_DIR"
if [[ -e $CONFIG_FILE ]]; then
  skip "$CONFIG_FILE exists, keeping it" install -m 640 -o root -g "$SERVICE_USER" "$SRC_DIR/config.example.json" "$CONFIG_FILE"
elif [[ -f $SRC_DIR/config.example.json ]]; then
  run install -m 640 -o root -g "$SERVICE_USER" "$SRC_DIR/config.example.json" "$CONFIG_FILE"
else
  write_file 640 "root:$SERVICE_USER" "$CONFIG_FILE" '{}'
fi
if ((SET_PORT)); then
  run "$NODE_BIN" -e 'const fs = require("fs"); const [file, port] = process.argv.slice(1); const c = JSON.parse(fs.readFileSync(file, "utf8")); c.port = Number(port); fs.writeFileSync(file, JSON.stringify(c, null, 2) + "\n");' "$CONFIG_FILE" "$PORT"
else
  note "port $PORT (from the config file)"
fi

# --- 5. unit -----------------------------------------------------------------------

step "systemd unit $UNIT_FILE"
run install -m 644 -o root -g root "$SRC_DIR/systemd/innbox.service" "$UNIT_FILE"

# Only what differs from the shipped unit goes into the drop-in. A manager's own
# `systemctl edit innbox` (override.conf) sorts after it and wins.
DROPIN=''
if [[ $PREFIX != "$DEFAULT_PREFIX" || $NODE_BIN != "$DEFAULT_NODE" ]]; then
  DROPIN+="WorkingDirectory=$PREFIX
ExecStart=
ExecStart=$NODE_BIN $PREFIX/appliance/dist/main.js
"
fi
if ((PORT < 1024)); then
  DROPIN+="AmbientCapabilities=CAP_NET_BIND_SERVICE
CapabilityBoundingSet=CAP_NET_BIND_SERVICE
"
fi
if [[ -n $DROPIN ]]; then
  run install -d -m 755 "$(dirname "$DROPIN_FILE")"
  write_file 644 root:root "$DROPIN_FILE" "# Written by scripts/install.sh; rerun it to change, or use: systemctl edit innbox
[Service]
${DROPIN%$'\n'}"
elif [[ -e $DROPIN_FILE ]]; then
  run rm -f "$DROPIN_FILE"
fi
run systemctl daemon-reload

# Resetting a password must run as the service user: run as root, SQLite could
# leave root-owned -wal/-shm files that the service then cannot open.
step "Password reset command $RESET_CMD"
write_file 755 root:root "$RESET_CMD" "#!/bin/sh
# Written by Innbox's scripts/install.sh. Usage: sudo ${RESET_CMD##*/} <username>
set -e
[ \"\$(id -u)\" -eq 0 ] || { echo 'run it with sudo' >&2; exit 1; }
[ \$# -ge 1 ] || { echo 'usage: sudo ${RESET_CMD##*/} <username>' >&2; exit 2; }
cd $PREFIX
exec runuser -u $SERVICE_USER -- env NODE_ENV=production INNBOX_DATA_DIR=$DATA_DIR INNBOX_CONFIG=$CONFIG_FILE \\
  $NODE_BIN $PREFIX/appliance/dist/cli/reset-password.js \"\$@\""

# --- 6. swap in the new build and start ----------------------------------------------

step "Start the service"
if ((!IN_PLACE)); then
  if systemctl is-active --quiet "$SERVICE" 2>/dev/null; then
    run systemctl stop "$SERVICE"
  fi
  if [[ -e $OLD ]]; then run rm -rf "$OLD"; fi
  if [[ -e $PREFIX ]]; then run mv "$PREFIX" "$OLD"; fi
  run mv "$STAGE" "$PREFIX"
fi
run systemctl enable "$SERVICE"
run systemctl restart "$SERVICE"

# --- 7. health and setup URL -----------------------------------------------------------

HEALTH_URL=http://127.0.0.1:$PORT/healthz
step "Waiting up to ${HEALTH_TIMEOUT_S} s for $HEALTH_URL"
if ((!DRY_RUN)); then
  # A manager's own drop-in may set PORT, which wins over the file; ask systemd.
  EFFECTIVE_PORT=$(systemctl show "$SERVICE" -p Environment --value | tr ' ' '\n' | sed -n 's/^PORT=//p' | tail -n 1)
  PORT=${EFFECTIVE_PORT:-$PORT}
  HEALTH_URL=http://127.0.0.1:$PORT/healthz
  healthy=0
  for ((i = 0; i < HEALTH_TIMEOUT_S; i++)); do
    if "$NODE_BIN" -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$HEALTH_URL" 2>/dev/null; then
      healthy=1
      break
    fi
    systemctl is-failed --quiet "$SERVICE" && break
    sleep 1
  done
  if ((!healthy)); then
    printf '\n%s: Innbox did not answer %s within %s s. Last log lines:\n' "$PROG" "$HEALTH_URL" "$HEALTH_TIMEOUT_S" >&2
    journalctl -u "$SERVICE" -n 40 --no-pager >&2 || true
    [[ -d $OLD ]] && printf '\nThe previous version is kept in %s.\n' "$OLD" >&2
    exit 1
  fi
  note "healthy"
  if [[ -d $OLD ]]; then run rm -rf "$OLD"; fi
fi

LAN_IP=$(hostname -I 2>/dev/null | awk '{print $1}' || true)
BASE_URL=http://${LAN_IP:-$(hostname)}:$PORT
step "Setup URL (from $DATA_DIR/setup-token)"
if ((DRY_RUN)); then
  note "a real run prints $BASE_URL/admin/setup?token=<contents of $DATA_DIR/setup-token>"
  exit 0
fi
TOKEN=''
for ((i = 0; i < 10; i++)); do
  if [[ -s $DATA_DIR/setup-token ]]; then TOKEN=$(tr -d '[:space:]' <"$DATA_DIR/setup-token"); break; fi
  sleep 0.5
done

printf '\nInnbox is running.\n'
if [[ -n $TOKEN ]]; then
  printf '  Create the manager account: %s/admin/setup?token=%s\n' "$BASE_URL" "$TOKEN"
else
  printf '  Admin page:  %s/admin   (already set up; forgot a password? sudo %s <username>)\n' "$BASE_URL" "${RESET_CMD##*/}"
fi
printf '  Data:        %s\n  Config:      %s (after a change: sudo systemctl restart %s)\n  Logs:        journalctl -u %s -f\n' \
  "$DATA_DIR" "$CONFIG_FILE" "$SERVICE" "$SERVICE"
