#!/usr/bin/env bash
# A private PostgreSQL for development and tests.
#
#   eval "$(scripts/postgres.sh)"   # install if needed, create, start, export HOSPITAL_TEST_POSTGRES
#   scripts/postgres.sh stop        # stop it (the data directory is kept)
#   scripts/postgres.sh status
#
# Environment:
#   HOSPITAL_PG_DIR   data directory (default: $PWD/.pgdata, or /var/tmp/hospital-pgdata-<hash>
#                     when the postgres OS user cannot reach $PWD, e.g. a checkout under /root)
#   HOSPITAL_PG_PORT  TCP port on 127.0.0.1 (default: 55432)
#
# Safe to run again at any time: an existing cluster is reused, a running server is left alone,
# a stale postmaster.pid (machine restarted while the server ran) is removed before starting.
# Only the export line goes to stdout; everything else goes to stderr, so `eval` sees one line.
set -euo pipefail

PG_PORT="${HOSPITAL_PG_PORT:-55432}"
PG_DIR="${HOSPITAL_PG_DIR:-$PWD/.pgdata}"
PG_USER=postgres
ACTION="${1:-start}"

say() { echo "postgres.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "HOSPITAL_PG_PORT must be a number, got '$PG_PORT'"
case "$PG_DIR" in /*) ;; *) PG_DIR="$PWD/$PG_DIR" ;; esac

find_bin_dir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

install_postgresql() {
    [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed and installing it needs root"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available"
    say "PostgreSQL server binaries not found; installing Debian's postgresql package"
    # Debian's package would otherwise create and start its own cluster on port 5432.
    mkdir -p /etc/postgresql-common
    if ! grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
        echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
}

# PostgreSQL refuses to run as root, so the cluster belongs to the postgres OS user.
as_postgres() { (cd / && runuser -u "$PG_USER" -- "$@"); }

BIN_DIR="$(find_bin_dir || true)"

server_pid() {
    # Prints the postmaster's pid when the pid file names a live postgres process of this data directory.
    local pid_file="$PG_DIR/postmaster.pid" pid
    [[ -f "$pid_file" ]] || return 1
    pid="$(head -n 1 "$pid_file" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    # After a machine restart the old pid may belong to an unrelated process: match the data directory too.
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "postgres -D $PG_DIR " || return 1
    echo "$pid"
}

stop_server() {
    if [[ -z "$BIN_DIR" || ! -d "$PG_DIR" ]]; then
        say "no cluster at $PG_DIR"
        return 0
    fi
    if server_pid >/dev/null; then
        as_postgres "$BIN_DIR/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >&2
    else
        say "not running ($PG_DIR)"
    fi
}

check_reachable_by_postgres_user() {
    local parent
    parent="$(dirname "$PG_DIR")"
    mkdir -p "$parent"
    if ! as_postgres test -x "$parent"; then
        die "the postgres OS user cannot enter $parent; set HOSPITAL_PG_DIR to a directory it can reach (e.g. /var/tmp/hospital-pgdata)"
    fi
}

choose_data_dir() {
    # A checkout under a private home directory (e.g. /root, mode 700) cannot hold a cluster
    # that the postgres user runs; without an explicit HOSPITAL_PG_DIR, use one per checkout in /var/tmp.
    if [[ -z "${HOSPITAL_PG_DIR:-}" && ! -f "$PG_DIR/PG_VERSION" ]]; then
        mkdir -p "$(dirname "$PG_DIR")"
        if ! as_postgres test -x "$(dirname "$PG_DIR")"; then
            PG_DIR="/var/tmp/hospital-pgdata-$(printf '%s' "$PWD" | md5sum | cut -c1-12)"
            say "the postgres user cannot reach $PWD; using $PG_DIR"
        fi
    fi
}

create_cluster() {
    if [[ -f "$PG_DIR/PG_VERSION" ]]; then
        return 0
    fi
    check_reachable_by_postgres_user
    if [[ -d "$PG_DIR" ]] && [[ -n "$(ls -A "$PG_DIR" 2>/dev/null)" ]]; then
        die "$PG_DIR exists, is not empty and is not a PostgreSQL data directory"
    fi
    say "creating a cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    chown "$PG_USER:" "$PG_DIR"
    chmod 700 "$PG_DIR"
    as_postgres "$BIN_DIR/initdb" -D "$PG_DIR" -U "$PG_USER" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=trust >&2
    echo "include_if_exists = 'hospital.conf'" >> "$PG_DIR/postgresql.conf"
}

write_settings() {
    # Rewritten on every run so that the file always matches this script.
    # No Unix socket: its path length is limited and it would clash with a system cluster.
    cat > "$PG_DIR/hospital.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 300
EOF
    # Trust, but only on the loopback address the server listens on.
    cat > "$PG_DIR/pg_hba.conf" <<EOF
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  trust
EOF
    chown "$PG_USER:" "$PG_DIR/hospital.conf" "$PG_DIR/pg_hba.conf"
    chmod 600 "$PG_DIR/hospital.conf" "$PG_DIR/pg_hba.conf"
}

start_server() {
    if server_pid >/dev/null; then
        # Line 4 of postmaster.pid is the port the running server listens on.
        if [[ "$(sed -n 4p "$PG_DIR/postmaster.pid")" == "$PG_PORT" ]]; then
            say "already running ($PG_DIR)"
            return 0
        fi
        say "running on another port; restarting on $PG_PORT"
        as_postgres "$BIN_DIR/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >&2
    fi
    if [[ -f "$PG_DIR/postmaster.pid" ]]; then
        say "removing stale postmaster.pid"
        rm -f "$PG_DIR/postmaster.pid"
    fi
    say "starting on 127.0.0.1:$PG_PORT"
    # The log file keeps the server off this script's stdout, so `eval "$(...)"` does not wait for it.
    if ! as_postgres "$BIN_DIR/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start >&2; then
        tail -n 20 "$PG_DIR/server.log" >&2 || true
        die "the server did not start (is port $PG_PORT taken?)"
    fi
}

wait_until_ready() {
    local i
    for i in $(seq 1 60); do
        if "$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres; then
            return 0
        fi
        sleep 1
    done
    tail -n 20 "$PG_DIR/server.log" >&2 || true
    die "the server does not accept connections on 127.0.0.1:$PG_PORT"
}

case "$ACTION" in
    start)
        if [[ -z "$BIN_DIR" ]]; then
            install_postgresql
            BIN_DIR="$(find_bin_dir)" || die "the postgresql package was installed but initdb/pg_ctl were not found"
        fi
        choose_data_dir
        create_cluster
        write_settings
        start_server
        wait_until_ready
        echo "export HOSPITAL_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Database=postgres;Maximum Pool Size=50'"
        ;;
    stop)
        [[ -n "$BIN_DIR" ]] && choose_data_dir
        stop_server
        ;;
    status)
        [[ -n "$BIN_DIR" ]] && choose_data_dir
        if server_pid >/dev/null; then say "running ($PG_DIR, port $PG_PORT)"; else say "not running ($PG_DIR)"; exit 3; fi
        ;;
    *)
        die "unknown action '$ACTION' (use: start, stop, status)"
        ;;
esac
