#!/usr/bin/env bash
# Faults during the 07:00 rush (issue 7), each on a fresh 3-silo cluster (scripts/cluster.sh) with
# the rush day loaded: the driver fills day R, then books day S for 75 s, through the proxy while the
# fault strikes; then the invariant audit runs through the API and against PostgreSQL, and the
# hiccup is measured from the driver's per-second record. Results: one table per fault in
# docs/reliability.md (--no-doc: only in the output directory).
#
#   loadtests/scripts/chaos.sh                     # every fault, one after another
#   loadtests/scripts/chaos.sh kill-silo           # or: restart-postgres, kill-front, rolling-restart
#
# Faults:
#   kill-silo         kill -9 silo 2 five seconds into the fill; once the others voted it dead, kill -9 silo 3
#   restart-postgres  stop and start PostgreSQL five seconds into the fill
#   kill-front        kill -9 web front 2 five seconds into the fill (the proxy sends patients to front 1)
#   rolling-restart   SIGTERM each silo in turn and start it again, one at a time, during the fill
#
# Options: --clients N (default 64), --out DIR (default loadtests/results/chaos-<date-time>),
# --doc FILE (default docs/reliability.md), --no-doc. Payment holds are 1 minute in these runs
# (Booking__HoldMinutes=1), so the check that deadlines still fire after the fault takes a minute.
# After each fault, what the operations board says goes to DIR/<fault>/board.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"

CLIENTS=64
OUT="$ROOT/loadtests/results/chaos-$(date -u +%Y%m%d-%H%M%S)"
DOC="$ROOT/docs/reliability.md"
FAULTS=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --clients) CLIENTS="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --doc) DOC="$2"; shift 2 ;;
        --no-doc) DOC=""; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        kill-silo|restart-postgres|kill-front|rolling-restart) FAULTS+=" $1"; shift ;;
        *) echo "chaos.sh: unknown option or fault '$1' (--help)" >&2; exit 2 ;;
    esac
done
FAULTS="${FAULTS:- kill-silo restart-postgres kill-front rolling-restart}"

say() { echo "chaos.sh: $*" >&2; }
CLUSTER_URL="${CLUSTER_URL:-http://127.0.0.1:5080}"
DRIVER="$ROOT/loadtests/RushDriver/bin/Release/net10.0/HospitalOrleans.RushDriver"
export Demo__Profile=Rush Demo__StaffPassword=chaos-rush Booking__HoldMinutes=1 CLUSTER_URL
mkdir -p "$OUT"

dotnet build loadtests/RushDriver -c Release --nologo -v quiet >&2
eval "$(scripts/postgres.sh)"
CONNECTION="$(sed -E "s/Database=[^;]*/Database=${CLUSTER_DATABASE:-hospital_cluster}/" <<< "$HOSPITAL_TEST_POSTGRES")"

PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
wait_for_death() {
    # Until the membership table says the silo on this port is dead (status 6), at most 3 minutes.
    for _ in $(seq 1 360); do
        [[ "$("$PSQL" -tA -h 127.0.0.1 -p "${HOSPITAL_PG_PORT:-55432}" -U postgres -d "${CLUSTER_DATABASE:-hospital_cluster}" \
            -c "SELECT count(*) FROM orleansmembershiptable WHERE port = $1 AND status = 6 AND starttime = (SELECT max(starttime) FROM orleansmembershiptable WHERE port = $1)")" == 1 ]] && return 0
        sleep 0.5
    done
}

strike() {
    local fault="$1" log="$2" driver_log="$3"
    # Five seconds into the fill (the driver first signs its patients in).
    for _ in $(seq 1 600); do grep -q "^fill " "$driver_log" 2>/dev/null && break; sleep 0.5; done
    sleep 5
    date -u +%Y-%m-%dT%H:%M:%S.%3NZ > "$log"
    case "$fault" in
        kill-silo)
            scripts/cluster.sh kill silo 2
            # "After the cluster recovered": the survivors have voted silo 2 dead, and a little more.
            wait_for_death 11112; sleep 10
            date -u +%Y-%m-%dT%H:%M:%S.%3NZ >> "$log"
            scripts/cluster.sh kill silo 3
            ;;
        restart-postgres) scripts/cluster.sh restart-postgres ;;
        kill-front) scripts/cluster.sh kill front 2 ;;
        rolling-restart)
            for n in 1 2 3; do
                [[ $n -gt 1 ]] && date -u +%Y-%m-%dT%H:%M:%S.%3NZ >> "$log"
                scripts/cluster.sh stop silo "$n"
                scripts/cluster.sh start silo "$n"
            done
            ;;
    esac
}

for fault in $FAULTS; do
    dir="$OUT/$fault"
    mkdir -p "$dir"
    say "$fault: a fresh cluster with the rush day"
    scripts/cluster.sh stop >/dev/null 2>&1 || true
    scripts/cluster.sh start --fresh > "$dir/cluster.log" 2>&1
    pids="$(for n in 1 2 3; do cat .cluster/silo$n.pid; done | paste -sd, -),$(cat .cluster/front1.pid),$(cat .cluster/front2.pid)"
    "$DRIVER" --target "cluster-$fault" --fronts "$CLUSTER_URL" --staff-password chaos-rush --clients "$CLIENTS" \
        --phases fill,sustained --duration 75s --warmup 0s --fill-timeout 4m --sold-out-quiet 10s --wait 120s --timeout 15s --store "orleans-postgres:$CONNECTION" \
        --watch-pid "$pids" --out "$dir" > "$dir/driver.log" 2>&1 &
    driver=$!
    strike "$fault" "$dir/fault.at" "$dir/driver.log" > "$dir/fault.log" 2>&1
    set +e
    wait "$driver"
    audit=$?
    set -e
    echo "$audit" > "$dir/driver.exit"
    say "$fault: driver exit $audit (0 = audit clean); in a minute: do payment deadlines still fire?"
    sleep 70
    "$DRIVER" deadlines --fronts "$CLUSTER_URL" --staff-password chaos-rush > "$dir/deadlines.json" || true
    # What the operations board says once the fault is over (killed processes stay down).
    scripts/cluster.sh status > "$dir/board.txt" 2>&1 || true
    grep -E "^(board|  )" "$dir/board.txt" >&2 || true
done
scripts/cluster.sh stop >/dev/null 2>&1 || true

report=("$DRIVER" chaos-report --out "$OUT" --command "loadtests/scripts/chaos.sh${FAULTS}")
[[ -n "$DOC" ]] && report+=(--doc "$DOC")
"${report[@]}"
say "done: $OUT"
