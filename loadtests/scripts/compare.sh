#!/usr/bin/env bash
# The 07:00 rush, measured (issue 6, loadtests/README.md): the one command that measures the platform
# against the baselines on this machine and rewrites the rush section of docs/performance.md.
#
#   loadtests/scripts/compare.sh                      # 6 variants × 32 and 128 clients × 3 repeats
#   loadtests/scripts/compare.sh --repeat 1 --clients 32 --variants "pg-atomic ceiling"   # a quick look
#
# Variants: platform-embedded (SQLite), platform-postgres (the platform on PostgreSQL), and the
# baselines host's engines pg-lock, pg-atomic, redis and ceiling (HTTP alone). Every run starts its
# target on a fresh store, drives fill → sold-out → sustained with RushDriver (ceiling: GET /ceiling),
# audits the invariants through the API and directly against the store, and stops the target. The
# variants of one repeat run back to back, so the platform ÷ baseline ratios compare neighbours.
#
# Options:
#   --repeat N          runs per variant and client count (default 3)
#   --clients "A B"     closed-loop client counts (default "32 128")
#   --variants "…"      default "platform-embedded platform-postgres pg-lock pg-atomic redis ceiling"
#   --warmup D          unmeasured warm-up before each phase (default 3s)
#   --duration D        sold-out and sustained phases, and the ceiling (default 10s)
#   --fill-timeout D    a fill that has not sold out by then ends (default 120s)
#   --out DIR           runs, logs and stores (default loadtests/results/compare-<date-time>, git-ignored)
#   --doc FILE          document whose rush section is rewritten (default docs/performance.md)
#   --no-doc            leave the document alone (the section is still written to DIR/runs.md)
#
# Environment: RUSH_PLATFORM_URL (default http://127.0.0.1:5080), RUSH_BASELINE_URL (default
# http://127.0.0.1:5300), RUSH_STAFF_PASSWORD (default rush-compare), RUSH_SILO_PORT and
# RUSH_GATEWAY_PORT (the platform's Orleans ports, default 11211 and 30200, away from a developer's
# platform), HOSPITAL_PG_PORT / HOSPITAL_PG_DIR (scripts/postgres.sh), RUSH_REDIS_PORT (redis.sh).
# Needs dotnet, curl and openssl; PostgreSQL and Redis come from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
COMMAND="loadtests/scripts/compare.sh"
if [[ $# -gt 0 ]]; then COMMAND+="$(printf ' %q' "$@")"; fi

REPEAT=3
CLIENTS="32 128"
VARIANTS="platform-embedded platform-postgres pg-lock pg-atomic redis ceiling"
WARMUP=3s
DURATION=10s
FILL_TIMEOUT=120s
OUT="loadtests/results/compare-$(date +%Y%m%d-%H%M%S)"
DOC="docs/performance.md"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) REPEAT="$2"; shift 2 ;;
        --clients) CLIENTS="$2"; shift 2 ;;
        --variants) VARIANTS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --fill-timeout) FILL_TIMEOUT="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --doc) DOC="$2"; shift 2 ;;
        --no-doc) DOC=""; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown option '$1' (--help)" >&2; exit 2 ;;
    esac
done

PLATFORM_URL="${RUSH_PLATFORM_URL:-http://127.0.0.1:5080}"
BASELINE_URL="${RUSH_BASELINE_URL:-http://127.0.0.1:5300}"
STAFF_PASSWORD="${RUSH_STAFF_PASSWORD:-rush-compare}"
SILO_PORT="${RUSH_SILO_PORT:-11211}"
GATEWAY_PORT="${RUSH_GATEWAY_PORT:-30200}"
PLATFORM_BIN="$ROOT/src/WebFront/bin/Release/net10.0/HospitalOrleans.WebFront"
BASELINE_BIN="$ROOT/loadtests/Baselines/bin/Release/net10.0/HospitalOrleans.Baselines"
DRIVER_BIN="$ROOT/loadtests/RushDriver/bin/Release/net10.0/HospitalOrleans.RushDriver"

say() { echo "compare.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }
has() { [[ " $VARIANTS " == *" $1 "* ]]; }

for variant in $VARIANTS; do
    case "$variant" in
        platform-embedded|platform-postgres|pg-lock|pg-atomic|redis|ceiling) ;;
        *) die "unknown variant '$variant'" ;;
    esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be a positive number"
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
mkdir -p "$OUT/runs" "$OUT/stores"
OUT="$(cd "$OUT" && pwd)"
started=$SECONDS

# --- build once, then start the builds' outputs (what `dotnet run -c Release --no-build` starts) ---
say "building the platform, the baselines host and the driver (Release)"
for project in src/WebFront/WebFront.csproj loadtests/Baselines/Baselines.csproj loadtests/RushDriver/RushDriver.csproj; do
    dotnet build "$project" -c Release --nologo -v quiet >&2
done

# --- stores ---
eval "$(scripts/postgres.sh)"
PG_PORT="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<< "$HOSPITAL_TEST_POSTGRES")"
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1)"
[[ -x "$PSQL" ]] || die "psql not found (it comes with Debian's postgresql package)"
pg_conn() { sed -E "s/Database=[^;]*/Database=$1/" <<< "$HOSPITAL_TEST_POSTGRES"; }
fresh_database() {
    PGOPTIONS='-c client_min_messages=warning' "$PSQL" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >&2
}
if has redis; then
    eval "$(loadtests/scripts/redis.sh)"
    REDIS_PID="$(redis-cli -h "${RUSH_REDIS%:*}" -p "${RUSH_REDIS##*:}" info server | tr -d '\r' | sed -n 's/^process_id://p')"
fi

# --- the platform's demo settings (the same demo-only values as scripts/run.sh; no WeChat simulator is
#     needed: virtual patients sign in through the demo route and nothing in the rush calls WeChat) ---
if has platform-embedded || has platform-postgres; then
    command -v openssl >/dev/null || die "openssl is needed for the platform's demo WeChat Pay keys (apt-get install openssl)"
    keys="$OUT/demo-pay-keys"
    mkdir -p "$keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/merchant.pem" 2>/dev/null
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/platform.pem" 2>/dev/null
    openssl pkey -in "$keys/platform.pem" -pubout -out "$keys/platform.pub.pem"
    platform_env=(
        ASPNETCORE_URLS="$PLATFORM_URL"
        Demo__Enabled=true Demo__Profile=Rush Demo__StaffPassword="$STAFF_PASSWORD"
        Storage__SiloPort="$SILO_PORT" Storage__GatewayPort="$GATEWAY_PORT"
        WeChat__AppId=wx5f1c8d3e7a9b2046 WeChat__AppSecret=demo-simulator-secret-000000000000
        WeChat__Token=hospitaldemo WeChat__EncodingAESKey=HospitalOrleansWeChatSimulatorDemoKey01234A
        WeChat__SafeMode=true WeChat__ApiBaseUrl=http://127.0.0.1:9 WeChat__PublicBaseUrl="$PLATFORM_URL"
        WeChat__Templates__BookingConfirmed=demo_booking_confirmed WeChat__Templates__BookingCancelled=demo_booking_cancelled
        WeChat__Templates__BookingReleasedUnpaid=demo_booking_released WeChat__Templates__VisitReminder=demo_visit_reminder
        WeChat__Templates__PaymentRefunded=demo_payment_refunded
        WeChatPay__MchId=1900000109 WeChatPay__AppId=wx5f1c8d3e7a9b2046 WeChatPay__ApiV3Key=HospitalOrleansPayDemoApiV3Key32
        WeChatPay__MerchantSerialNo=5157F09EFDC096DE15EBE81A47057A7232F1B8E1
        WeChatPay__MerchantPrivateKeyPem="$(cat "$keys/merchant.pem")"
        WeChatPay__PlatformPublicKeyId=PUB_KEY_ID_0119000001092026112700000000000001
        WeChatPay__PlatformPublicKeyPem="$(cat "$keys/platform.pub.pem")"
        WeChatPay__ApiBaseUrl=http://127.0.0.1:9 WeChatPay__NotifyUrl="$PLATFORM_URL/wechat/pay/notify"
        WeChatPay__RefundNotifyUrl="$PLATFORM_URL/wechat/pay/notify" WeChatPay__CashierUrl="http://127.0.0.1:9/sim/pay/{prepayId}"
        Patients__DataKey=ZGVtby1vbmx5LXBlcnNvbmFsLWRhdGEta2V5LTAwMDE= Patients__IndexKey=ZGVtby1vbmx5LXBhdGllbnQtaW5kZXgta2V5LTAwMDE=
        Billing__TokenKey=ZGVtby1vbmx5LWJpbGwtdG9rZW4tc2lnbmluZy1rMDE=
    )
fi

# --- one target at a time ---
SERVER_PID=""
stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# start_server URL LOG DIR COMMAND...: runs COMMAND in DIR (as `dotnet run` would), waits for /health/live.
start_server() {
    local url="$1" log="$2" dir="$3"
    shift 3
    if curl -fsS -o /dev/null --max-time 2 "$url/health/live" 2>/dev/null; then
        die "$url already answers: stop whatever serves it, or set RUSH_PLATFORM_URL / RUSH_BASELINE_URL"
    fi
    (cd "$dir" && exec "$@") > "$log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 240); do
        curl -fsS -o /dev/null --max-time 2 "$url/health/live" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the target exited while starting (log: $log)"; }
        sleep 0.5
    done
    tail -n 30 "$log" >&2
    die "the target did not answer $url/health/live within 2 minutes (log: $log)"
}

# run_one VARIANT CLIENTS REPEAT: a fresh store, the target, the driver, the target stopped.
run_one() {
    local variant="$1" clients="$2" repeat="$3"
    local dir="$OUT/runs/$variant/c$clients/r$repeat" url="$BASELINE_URL" phases=fill,soldout,sustained
    local store=() watch=""
    mkdir -p "$dir"
    case "$variant" in
        platform-embedded)
            local data="$OUT/stores/$variant-c$clients-r$repeat"
            mkdir -p "$data"
            url="$PLATFORM_URL"
            start_server "$url" "$dir/server.log" src/WebFront env "${platform_env[@]}" Storage__DataDirectory="$data" "$PLATFORM_BIN"
            store=(--store "sqlite:$data/hospital.db")
            ;;
        platform-postgres)
            local conn
            conn="$(pg_conn rush_compare_platform)"
            fresh_database rush_compare_platform
            url="$PLATFORM_URL"
            start_server "$url" "$dir/server.log" src/WebFront env "${platform_env[@]}" Storage__Mode=PostgreSql Storage__PostgreSql="$conn" \
                Storage__DataDirectory="$OUT/stores/$variant-c$clients-r$repeat" "$PLATFORM_BIN"
            store=(--store "orleans-postgres:$conn")
            ;;
        pg-lock|pg-atomic)
            # The engine drops and seeds its own schema at every start; one database per engine keeps the audit to it.
            local conn
            conn="$(pg_conn "rush_compare_${variant//-/_}")"
            start_server "$url" "$dir/server.log" loadtests/Baselines "$BASELINE_BIN" --engine "$variant" --urls "$url" \
                --postgres "$conn" --staff-password "$STAFF_PASSWORD"
            store=(--store "postgres:$conn")
            ;;
        redis)
            start_server "$url" "$dir/server.log" loadtests/Baselines "$BASELINE_BIN" --engine redis --urls "$url" \
                --redis "$RUSH_REDIS" --staff-password "$STAFF_PASSWORD"
            store=(--store "redis:$RUSH_REDIS")
            watch=",$REDIS_PID"
            ;;
        ceiling)
            start_server "$url" "$dir/server.log" loadtests/Baselines "$BASELINE_BIN" --engine ceiling --urls "$url" --staff-password "$STAFF_PASSWORD"
            phases=ceiling
            ;;
    esac
    say "$variant, $clients clients, repeat $repeat/$REPEAT ($(( (SECONDS - started) / 60 )) min so far)"
    local code=0
    RUSH_STAFF_PASSWORD="$STAFF_PASSWORD" "$DRIVER_BIN" --target "$variant" --fronts "$url" --clients "$clients" \
        --phases "$phases" --warmup "$WARMUP" --duration "$DURATION" --fill-timeout "$FILL_TIMEOUT" --wait 180s \
        "${store[@]}" --watch-pid "$SERVER_PID$watch" --out "$dir" > "$dir/driver.log" 2>&1 || code=$?
    grep -E '^(audit|  |reports)| done: ' "$dir/driver.log" | sed "s/^/  /" >&2 || true
    stop_server
    printf '%s\t%s\t%s\t%s\t%s\n' "$variant" "$clients" "$repeat" "$code" "$dir" >> "$OUT/runs.tsv"
}

printf 'variant\tclients\trepeat\texit\tdir\n' > "$OUT/runs.tsv"
for clients in $CLIENTS; do
    for repeat in $(seq 1 "$REPEAT"); do
        for variant in $VARIANTS; do
            run_one "$variant" "$clients" "$repeat"
        done
    done
done

minutes=$(( (SECONDS - started + 30) / 60 ))
settings="Closed loop; warm-up $WARMUP before each phase (not measured); sold-out and sustained $DURATION each; fill until sold out (at most $FILL_TIMEOUT). The platform ran with \`Demo:Profile=Rush\` on $PLATFORM_URL (embedded: SQLite; postgres: PostgreSQL, a fresh database per run), the baselines host on $BASELINE_URL; PostgreSQL and Redis on 127.0.0.1 from scripts/postgres.sh and loadtests/scripts/redis.sh. The whole comparison took $minutes min on this machine."
doc_args=(--doc "${DOC:-$OUT/performance-section.md}")
"$DRIVER_BIN" compare --runs "$OUT/runs.tsv" "${doc_args[@]}" --command "$COMMAND" --settings "$settings" > /dev/null
say "done in $minutes min: $OUT/runs.md${DOC:+, and the rush section of $DOC}"
awk -F'\t' 'NR > 1 && $4 != 0 { bad = 1; print "compare.sh: " $1 ", " $2 " clients, repeat " $3 ": driver exit code " $4 " (" $5 "/driver.log)" > "/dev/stderr" } END { exit bad }' "$OUT/runs.tsv"
