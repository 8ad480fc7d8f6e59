#!/usr/bin/env bash
# The platform as a cluster on this machine (issue 7): PostgreSQL (membership, grain state,
# reminders), 3 silos, 2 web fronts that join as Orleans clients, nginx spreading patients over the
# fronts, and the WeChat simulator; everything on 127.0.0.1 with distinct ports.
#
#   scripts/cluster.sh start [--fresh]   # build, start what is not running, wait until ready; --fresh: empty database
#   scripts/cluster.sh stop              # SIGTERM to fronts, silos (one by one), proxy and simulator; PostgreSQL stays up
#   scripts/cluster.sh status            # what runs, with pids and readiness, and what the operations board says
#   scripts/cluster.sh kill silo N       # kill -9 silo N (1–3); also: kill front N
#   scripts/cluster.sh stop silo N       # SIGTERM, waits until it has left; also: stop front N
#   scripts/cluster.sh start silo N      # start one process again; also: start front N
#   scripts/cluster.sh restart-postgres  # stop and start PostgreSQL (a fault of issue 7)
#
# Addresses: proxy http://127.0.0.1:5080 (CLUSTER_URL), fronts :5081 and :5082, silos' health
# :5181–5183, silo ports 11111–11113, gateways 30001–30003, simulator :5090, PostgreSQL from
# scripts/postgres.sh (HOSPITAL_PG_PORT, default 55432), database hospital_cluster (CLUSTER_DATABASE).
# State, logs and pids: .cluster/ (CLUSTER_DIR). Demo data as scripts/run.sh; Demo__Profile=Rush
# loads the rush day instead; Demo__StaffPassword (default cluster-demo) is the staff password.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/.cluster}"
CLUSTER_URL="${CLUSTER_URL:-http://127.0.0.1:5080}"
CLUSTER_DATABASE="${CLUSTER_DATABASE:-hospital_cluster}"
SILOS=3
FRONTS=2
PROXY_PORT="${CLUSTER_URL##*:}"
SILO_BIN="$ROOT/src/Silo/bin/Release/net10.0/HospitalOrleans.Silo"
FRONT_BIN="$ROOT/src/WebFront/bin/Release/net10.0/HospitalOrleans.WebFront"
SIMULATOR_BIN="$ROOT/src/WeChatSimulator/bin/Release/net10.0/HospitalOrleans.WeChatSimulator"

say() { echo "cluster.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

silo_health_port() { echo $((5180 + $1)); }
front_port() { echo $((5080 + $1)); }
pid_file() { echo "$CLUSTER_DIR/$1.pid"; }
running() { local f; f="$(pid_file "$1")"; [[ -s "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null; }
ready() { curl -fsS -o /dev/null --max-time 3 "$1/health/ready" 2>/dev/null; }

postgres_env() {
    eval "$(scripts/postgres.sh)"
    PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
    PG_PORT="${HOSPITAL_PG_PORT:-55432}"
    CONNECTION="$(sed -E "s/Database=[^;]*/Database=$CLUSTER_DATABASE/" <<< "$HOSPITAL_TEST_POSTGRES")"
}

ensure_database() {
    local fresh="$1"
    if [[ "$fresh" == yes ]]; then
        "$PSQL" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
            -c "DROP DATABASE IF EXISTS $CLUSTER_DATABASE WITH (FORCE)" >&2
    fi
    if ! "$PSQL" -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$CLUSTER_DATABASE'" | grep -q 1; then
        "$PSQL" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $CLUSTER_DATABASE" >&2
    fi
}

# What every silo and front shares: the demo account, merchant and keys, and the cluster's store.
common_env() {
    mkdir -p "$CLUSTER_DIR/data"
    export Storage__DataDirectory="$CLUSTER_DIR/data"
    platform_url="$CLUSTER_URL"
    simulator_url="${WECHAT_SIMULATOR_URL:-http://127.0.0.1:5090}"
    # shellcheck source=demo-env.sh
    source scripts/demo-env.sh
    export Demo__Enabled="${Demo__Enabled:-true}"
    export Demo__StaffPassword="${Demo__StaffPassword:-cluster-demo}"
    export Storage__Mode=PostgreSql Storage__PostgreSql="$CONNECTION" Storage__AdvertisedIp=127.0.0.1
    export Storage__ClusterId="${Storage__ClusterId:-hospital}"
    export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}"
    # Front and silos share the data-protection keys, so any front reads any front's cookie.
    export DataProtection__KeyDirectory="$CLUSTER_DIR/data/protection-keys"
}

start_process() {
    local name="$1" dir="$2" health="$3"
    shift 3
    if running "$name"; then say "$name already runs (pid $(cat "$(pid_file "$name")"))"; return 0; fi
    (cd "$dir" && exec env "$@") >> "$CLUSTER_DIR/$name.log" 2>&1 &
    echo $! > "$(pid_file "$name")"
    say "$name started (pid $!, log $CLUSTER_DIR/$name.log)"
    [[ -z "$health" ]] && return 0
    for _ in $(seq 1 240); do
        ready "$health" && return 0
        kill -0 "$(cat "$(pid_file "$name")")" 2>/dev/null || { tail -n 30 "$CLUSTER_DIR/$name.log" >&2; die "$name exited while starting"; }
        sleep 0.5
    done
    die "$name did not become ready within 2 minutes ($health/health/ready)"
}

start_silo() {
    local n="$1"
    start_process "silo$n" "$ROOT/src/Silo" "http://127.0.0.1:$(silo_health_port "$n")" \
        ASPNETCORE_URLS="http://127.0.0.1:$(silo_health_port "$n")" Hosting__SiloName="silo-$n" \
        Storage__SiloPort=$((11110 + n)) Storage__GatewayPort=$((30000 + n)) "$SILO_BIN"
}

start_front() {
    local n="$1"
    # The content root is the project directory: the pages' static files live there.
    start_process "front$n" "$ROOT/src/WebFront" "http://127.0.0.1:$(front_port "$n")" \
        ASPNETCORE_URLS="http://127.0.0.1:$(front_port "$n")" Hosting__RunSilo=false Hosting__FrontName="front-$n" "$FRONT_BIN"
}

start_simulator() {
    start_process simulator "$ROOT/src/WeChatSimulator" "" "$SIMULATOR_BIN" \
        --urls "$simulator_url" --Simulator:PlatformUrl="$CLUSTER_URL/wechat"
}

ensure_nginx() {
    command -v nginx >/dev/null && return 0
    [[ "$(id -u)" == 0 ]] || die "nginx is not installed and installing it needs root"
    say "installing nginx from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends nginx >&2
    # Debian's package starts its own server on port 80; the cluster runs its own instance.
    systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
}

write_proxy_config() {
    local conf="$CLUSTER_DIR/nginx.conf" servers="" n
    for n in $(seq 1 $FRONTS); do
        # Passive health: a front that refused 3 connections is skipped for 3 s. A 503 is the
        # cluster's answer, not the front's failure: the other front would give the same.
        servers+="        server 127.0.0.1:$(front_port "$n") max_fails=3 fail_timeout=3s;"$'\n'
    done
    mkdir -p "$CLUSTER_DIR/nginx" && chmod 0777 "$CLUSTER_DIR/nginx" # nginx workers run unprivileged
    cat > "$conf" <<EOF
worker_processes 1;
pid $CLUSTER_DIR/proxy.nginx.pid;
error_log $CLUSTER_DIR/proxy-error.log warn;
events { worker_connections 4096; }
http {
    # The request's id is nginx's \$request_id: written here, and handed to the fronts as a W3C
    # traceparent, which becomes their logs' TraceId and the X-Request-Id they answer. The path
    # is logged without its query (OAuth codes and bill tokens travel there).
    map \$request_id \$request_span { "~^(?<head>[0-9a-f]{16})" \$head; }
    log_format hospital escape=json '{"time":"\$time_iso8601","requestId":"\$request_id","method":"\$request_method",'
        '"path":"\$uri","status":\$status,"upstream":"\$upstream_addr","seconds":\$request_time}';
    access_log $CLUSTER_DIR/proxy-access.log hospital buffer=64k flush=1s;
    client_body_temp_path $CLUSTER_DIR/nginx/body;
    proxy_temp_path $CLUSTER_DIR/nginx/proxy;
    fastcgi_temp_path $CLUSTER_DIR/nginx/fastcgi;
    uwsgi_temp_path $CLUSTER_DIR/nginx/uwsgi;
    scgi_temp_path $CLUSTER_DIR/nginx/scgi;
    upstream fronts {
$servers        keepalive 64;
    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            proxy_pass http://fronts;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header traceparent "00-\$request_id-\$request_span-01";
            proxy_set_header tracestate "";
            # A request that never reached a front goes to the other one. One that did is not
            # sent twice by the proxy: the patient's retry carries its request id instead.
            proxy_next_upstream error http_502;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }
    }
}
EOF
}

start_proxy() {
    ensure_nginx
    write_proxy_config
    if running proxy; then nginx -c "$CLUSTER_DIR/nginx.conf" -s reload; return 0; fi
    (exec nginx -c "$CLUSTER_DIR/nginx.conf" -g 'daemon off;') >> "$CLUSTER_DIR/proxy.log" 2>&1 &
    echo $! > "$(pid_file proxy)"
    say "proxy started (pid $!, $CLUSTER_URL → fronts on :$(front_port 1)…:$(front_port $FRONTS))"
    for _ in $(seq 1 60); do ready "$CLUSTER_URL" && return 0; sleep 0.5; done
    die "the proxy does not answer $CLUSTER_URL/health/ready"
}

stop_process() {
    local name="$1" pid
    running "$name" || { rm -f "$(pid_file "$name")"; return 0; }
    pid="$(cat "$(pid_file "$name")")"
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "$name did not stop within 60 s; killing it"; kill -KILL "$pid"; fi
    rm -f "$(pid_file "$name")"
    say "$name stopped"
}

kill_process() {
    local name="$1"
    running "$name" || die "$name is not running"
    kill -KILL "$(cat "$(pid_file "$name")")"
    rm -f "$(pid_file "$name")"
    say "$name killed (SIGKILL)"
}

build() {
    say "building (Release)"
    dotnet build HospitalOrleans.sln -c Release --nologo -v quiet >&2
}

status() {
    local name url
    for name in $(for n in $(seq 1 $SILOS); do echo "silo$n"; done) $(for n in $(seq 1 $FRONTS); do echo "front$n"; done) proxy simulator; do
        case "$name" in
            silo*) url="http://127.0.0.1:$(silo_health_port "${name#silo}")" ;;
            front*) url="http://127.0.0.1:$(front_port "${name#front}")" ;;
            proxy) url="$CLUSTER_URL" ;;
            *) url="" ;;
        esac
        if running "$name"; then
            if [[ -z "$url" ]]; then echo "$name  running (pid $(cat "$(pid_file "$name")"))"
            elif ready "$url"; then echo "$name  ready   (pid $(cat "$(pid_file "$name")"), $url)"
            else echo "$name  running, not ready (pid $(cat "$(pid_file "$name")"), $url)"; fi
        else
            echo "$name  stopped"
        fi
    done
    board
}

# What the operations board says (GET /api/ops/cluster as ops1): the cluster's own view, which
# tells a silo that was killed (lost) from one stopped on purpose.
board() {
    local jar
    running proxy && ready "$CLUSTER_URL" || return 0
    jar="$(mktemp)"
    if curl -fsS -o /dev/null -c "$jar" -H 'Content-Type: application/json' --max-time 5 \
        -d "{\"userName\":\"ops1\",\"password\":\"${Demo__StaffPassword:-cluster-demo}\"}" "$CLUSTER_URL/api/auth/staff/sign-in"; then
        curl -fsS -b "$jar" --max-time 5 "$CLUSTER_URL/api/ops/cluster" | python3 -c "$(cat <<'PY'
import json, sys
board = json.load(sys.stdin)
print(f"board: {board['silosUp']} of {len(board['silos'])} silos and {board['frontsUp']} of {len(board['fronts'])} fronts running")
for m in board["silos"] + board["fronts"]:
    print(f"  {m['name']:10} {m['state']:9} {m['address']}  (last heard {m['lastSeen'][11:19]})")
PY
)" || true
    fi
    rm -f "$jar"
}

one() {
    local what="$1" n="${2:-}"
    [[ "$n" =~ ^[0-9]+$ ]] || die "which $what? e.g. '$what 1'"
    case "$what" in
        silo) (( n >= 1 && n <= SILOS )) || die "silo $n: there are $SILOS" ;;
        front) (( n >= 1 && n <= FRONTS )) || die "front $n: there are $FRONTS" ;;
        *) die "'$what' is not silo or front" ;;
    esac
}

mkdir -p "$CLUSTER_DIR"
action="${1:-}"
shift || true
case "$action" in
    start)
        if [[ $# -ge 2 ]]; then
            one "$1" "$2"; postgres_env; common_env
            "start_$1" "$2"
            exit 0
        fi
        fresh=no
        [[ "${1:-}" == --fresh ]] && fresh=yes
        postgres_env
        build
        ensure_database "$fresh"
        common_env
        start_simulator
        # The first silo applies the schema and seeds the demo; the others join it.
        for n in $(seq 1 $SILOS); do start_silo "$n"; done
        for n in $(seq 1 $FRONTS); do start_front "$n"; done
        start_proxy
        say "ready: $CLUSTER_URL (staff password: $Demo__StaffPassword)"
        status
        ;;
    stop)
        if [[ $# -ge 2 ]]; then one "$1" "$2"; stop_process "$1$2"; exit 0; fi
        for n in $(seq 1 $FRONTS); do stop_process "front$n"; done
        # One silo at a time: each hands its grains over to the ones still running.
        for n in $(seq $SILOS -1 1); do stop_process "silo$n"; done
        stop_process proxy
        stop_process simulator
        say "stopped; PostgreSQL keeps running (scripts/postgres.sh stop)"
        ;;
    kill)
        one "${1:-}" "${2:-}"
        kill_process "$1$2"
        ;;
    restart-postgres)
        scripts/postgres.sh stop >&2
        eval "$(scripts/postgres.sh)"
        say "PostgreSQL restarted"
        ;;
    status) status ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; [[ -z "$action" || "$action" == -h || "$action" == --help ]] || exit 2 ;;
esac
