#!/usr/bin/env bash
# A private Redis for the `redis` baseline of the 07:00 rush (issue 6).
#
#   eval "$(loadtests/scripts/redis.sh)"        # install if needed, start on 127.0.0.1:6390, export RUSH_REDIS
#   eval "$(loadtests/scripts/redis.sh 6391)"   # another port (or set RUSH_REDIS_PORT)
#   loadtests/scripts/redis.sh stop [port]      # stop it (the data directory is kept)
#   loadtests/scripts/redis.sh status [port]
#
# Durability is the usual "fast" production setting: append-only file, fsync once a second, no
# RDB snapshots. A crash can lose up to about one second of acknowledged writes.
#
# Safe to run again at any time: a running instance of this script is left alone. Only the export
# line goes to stdout; everything else goes to stderr, so `eval` sees one line.
set -euo pipefail

ACTION=start
PORT="${RUSH_REDIS_PORT:-6390}"
for arg in "$@"; do
    case "$arg" in
        start|stop|status) ACTION="$arg" ;;
        *) PORT="$arg" ;;
    esac
done

say() { echo "redis.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] || die "the port must be a number, got '$PORT'"
DATA_DIR="/tmp/rush-redis-$PORT"
PID_FILE="$DATA_DIR/redis.pid"

install_redis() {
    [[ "$(id -u)" == 0 ]] || die "redis-server is not installed and installing it needs root"
    command -v apt-get >/dev/null || die "redis-server is not installed and apt-get is not available"
    say "redis-server not found; installing Debian's redis-server package"
    # Debian's package would otherwise start its own service on port 6379: forbid service starts
    # during the install, unless the machine already has such a policy.
    local own_policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        own_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    local status=0
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server; } >&2 || status=$?
    [[ -n "$own_policy" ]] && rm -f /usr/sbin/policy-rc.d
    [[ "$status" == 0 ]] || die "apt-get could not install redis-server"
}

cli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }

answers() { [[ "$(cli ping 2>/dev/null)" == "PONG" ]]; }

# The instance on the port is ours when it keeps its data in our directory.
is_ours() { [[ "$(cli config get dir 2>/dev/null | sed -n 2p)" == "$DATA_DIR" ]]; }

start_server() {
    if answers; then
        is_ours || die "port $PORT is served by a Redis that is not this script's (data directory is not $DATA_DIR)"
        say "already running (127.0.0.1:$PORT, $DATA_DIR)"
        return 0
    fi
    mkdir -p "$DATA_DIR"
    rm -f "$PID_FILE"
    say "starting on 127.0.0.1:$PORT ($DATA_DIR)"
    redis-server --bind 127.0.0.1 --port "$PORT" --protected-mode yes \
        --dir "$DATA_DIR" --appendonly yes --appendfsync everysec --save '' \
        --daemonize yes --pidfile "$PID_FILE" --logfile "$DATA_DIR/redis.log" >&2 \
        || die "redis-server did not start (see $DATA_DIR/redis.log)"
}

wait_until_ready() {
    local i
    for i in $(seq 1 60); do
        answers && return 0
        sleep 0.5
    done
    tail -n 20 "$DATA_DIR/redis.log" >&2 || true
    die "Redis does not answer on 127.0.0.1:$PORT"
}

case "$ACTION" in
    start)
        command -v redis-server >/dev/null && command -v redis-cli >/dev/null || install_redis
        start_server
        wait_until_ready
        echo "export RUSH_REDIS=127.0.0.1:$PORT"
        ;;
    stop)
        if ! command -v redis-cli >/dev/null || ! answers; then
            say "not running (127.0.0.1:$PORT)"
        elif ! is_ours; then
            die "port $PORT is served by a Redis that is not this script's; left alone"
        else
            # SHUTDOWN flushes the append-only file before exiting.
            cli shutdown >&2 || true
            for _ in $(seq 1 40); do answers || break; sleep 0.25; done
            answers && die "Redis on 127.0.0.1:$PORT did not stop"
            say "stopped (127.0.0.1:$PORT)"
        fi
        ;;
    status)
        if command -v redis-cli >/dev/null && answers && is_ours; then
            say "running (127.0.0.1:$PORT, $DATA_DIR)"
        else
            say "not running (127.0.0.1:$PORT)"
            exit 3
        fi
        ;;
esac
