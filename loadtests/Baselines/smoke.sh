#!/usr/bin/env bash
# Walks a freshly started baseline host through the contract with curl and checks every answer.
#
#   loadtests/Baselines/smoke.sh [base-url]      # default http://127.0.0.1:5300; needs curl and jq
#
# Run it right after the host started (it expects the seeded, untouched rush day): it books in
# R001/R002/R003 of day R and moves R003's share. Exits non-zero on the first unexpected answer.
set -euo pipefail

BASE="${1:-http://127.0.0.1:5300}"
STAFF_PASSWORD="${RUSH_STAFF_PASSWORD:-rush}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

# call JAR METHOD PATH [JSON] -> status in $STATUS, body in $WORK/body
call() {
    local jar="$WORK/$1.jar" method="$2" path="$3" body="${4:-}"
    local args=(-s -o "$WORK/body" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" "$BASE$path")
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' -d "$body")
    STATUS="$(curl "${args[@]}")"
}
expect() { # expect STATUS [REASON]
    [[ "$STATUS" == "$1" ]] || fail "expected $1, got $STATUS: $(cat "$WORK/body")"
    if [[ -n "${2:-}" ]]; then
        local reason
        reason="$(jq -r '.reason // empty' "$WORK/body")"
        [[ "$reason" == "$2" ]] || fail "expected reason $2, got '$reason': $(cat "$WORK/body")"
    fi
}
field() { jq -r "$1" "$WORK/body"; }

call anon GET /api/engine; expect 200
ENGINE="$(field .engine)"; DAY_R="$(field .dayR)"; D="${DAY_R//-/}"
ok "engine $ENGINE, day R $DAY_R: $(field .durable)"
call anon GET /ceiling; expect 200
if [[ "$ENGINE" == ceiling ]]; then
    call anon GET "/api/pools/R001-$D-AM"; expect 503 unavailable
    ok "ceiling: /ceiling answers, pool calls are 503 unavailable"
    exit 0
fi

call anon GET "/api/schedule?date=$DAY_R"; expect 200
[[ "$(field length)" == 300 ]] || fail "day R has $(field length) pools, expected 300"
[[ "$(field '[.[] | select(.doctor.famous)] | length')" == 10 ]] || fail "expected 10 famous pools"
[[ "$(field '[.[] | select(.onlineQuota == 30 and .windowQuota == 30 and .onlineRemaining == 30)] | length')" == 300 ]] || fail "day R pools are not 30/30"
call anon GET "/api/schedule?date=$(date -d "$DAY_R + 1 day" +%F)"; expect 200
[[ "$(field '[.[] | select(.total == 500 and .onlineQuota == 500)] | length')" == 300 ]] || fail "day S pools are not 500 online"
DAY_S="$(date -d "$DAY_R + 1 day" +%Y%m%d)"
ok "schedule: day R 300 pools of 30/30 (10 famous), day S 300 pools of 500 online"

FAMOUS="R001-$D-AM"
call p1 POST /api/auth/demo/patient-sign-in '{"patientId":"P000001"}'; expect 200
call p1 POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000001","requestId":"smoke-1"}'; expect 201
[[ "$(field .serial)" == 2 && "$(field .bookingId)" == "$FAMOUS-002" && "$(field .status)" == held ]] \
    || fail "first online booking should be serial 2 ($FAMOUS-002, held): $(cat "$WORK/body")"
ok "book famous $FAMOUS: 201 $(field .bookingId) serial $(field .serial) $(field .status)"
call p1 POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000001","requestId":"smoke-1"}'; expect 201
[[ "$(field .bookingId)" == "$FAMOUS-002" ]] || fail "a replayed request id should answer the same booking"
ok "same request id again: 201 with the same booking"
call p1 POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000001","requestId":"smoke-2"}'; expect 409 already-booked
ok "same patient again: 409 already-booked"
call p1 POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000002","requestId":"smoke-3"}'; expect 403 not-owner
call p1 POST "/api/pools/$FAMOUS/window-draws" '{"patientId":"P000001","requestId":"smoke-4"}'; expect 403 forbidden
call anon POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000001","requestId":"smoke-5"}'; expect 401 unauthenticated
call p1 POST "/api/pools/$FAMOUS/online-bookings" '{"patientId":"P000001","requestId":"bad id!"}'; expect 400 invalid
call p1 POST "/api/pools/R999-$D-AM/online-bookings" '{"patientId":"P000001","requestId":"smoke-6"}'; expect 404 not-found
call p1 POST "/api/pools/R150-$DAY_S-PM/online-bookings" '{"patientId":"P000001","requestId":"smoke-s"}'; expect 201
[[ "$(field .serial)" == 1 ]] || fail "day S is all online: the first booking should be serial 1: $(cat "$WORK/body")"
ok "day S: 201 $(field .bookingId) serial 1"
ok "refusals: 403 not-owner, 403 forbidden, 401 unauthenticated, 400 invalid, 404 not-found"

FULL="R002-$D-AM"
for i in $(seq 1 30); do
    patient="$(printf 'P1%05d' "$i")"
    call "f$i" POST /api/auth/demo/patient-sign-in "{\"patientId\":\"$patient\"}"; expect 200
    call "f$i" POST "/api/pools/$FULL/online-bookings" "{\"patientId\":\"$patient\",\"requestId\":\"fill-$i\"}"; expect 201
done
call f31 POST /api/auth/demo/patient-sign-in '{"patientId":"P100031"}'; expect 200
call f31 POST "/api/pools/$FULL/online-bookings" '{"patientId":"P100031","requestId":"fill-31"}'; expect 409 sold-out
call f1 POST "/api/pools/$FULL/online-bookings" '{"patientId":"P100001","requestId":"fill-again"}'; expect 409 sold-out
call anon GET "/api/pools/$FULL"; expect 200
[[ "$(field .onlineRemaining)" == 0 && "$(field .onlineIssued)" == 30 ]] || fail "pool should show 0 online left: $(cat "$WORK/body")"
ok "30 patients took the 30 online numbers of $FULL; the 31st: 409 sold-out (a holder trying again: sold-out first, as the platform)"

call clerk POST /api/auth/staff/sign-in "{\"userName\":\"clerk1\",\"password\":\"$STAFF_PASSWORD\"}"; expect 200
call clerk POST "/api/pools/$FULL/window-draws" '{"patientId":"W000001","requestId":"window-1"}'; expect 201
[[ "$(field .serial)" == 1 && "$(field .channel)" == window && "$(field .status)" == confirmed ]] \
    || fail "the first window draw should be serial 1, confirmed: $(cat "$WORK/body")"
ok "clerk1 draws a window number: 201 $(field .bookingId) serial 1 confirmed"
call clerk POST "/api/pools/$FULL/window-draws" '{"patientId":"P100001","requestId":"window-2"}'; expect 409 already-booked
ok "a patient holding an online number cannot also draw at the window: 409 already-booked"
call clerk PUT "/api/pools/$FULL/online-ratio" '{"onlinePercent":60,"reason":"smoke"}'; expect 403 forbidden

call ops POST /api/auth/staff/sign-in "{\"userName\":\"ops1\",\"password\":\"$STAFF_PASSWORD\"}"; expect 200
call ops POST /api/auth/staff/sign-in '{"userName":"ops1","password":"wrong"}'; expect 401 bad-credentials
call ops PUT "/api/pools/R003-$D-AM/online-ratio" '{"onlinePercent":60,"reason":"the rush"}'; expect 200
[[ "$(field .onlineQuota)" == 36 && "$(field .windowQuota)" == 24 && "$(field .onlinePercent)" == 60 ]] \
    || fail "60 % of 60 should be 36 online: $(cat "$WORK/body")"
ok "ops1 moves R003-$D-AM to 60 %: 36 online / 24 window"
call ops PUT "/api/pools/$FULL/online-ratio" '{"onlinePercent":40,"reason":"cut below issued"}'; expect 200
[[ "$(field .onlineQuota)" == 30 && "$(field .onlineClosed)" == true ]] || fail "a cut below the issued count keeps 30 online, closed: $(cat "$WORK/body")"
call f31 POST "/api/pools/$FULL/online-bookings" '{"patientId":"P100031","requestId":"fill-32"}'; expect 409 closed
ok "a cut below the issued count: online stays at 30 and closed; the next attempt: 409 closed"

call ops GET "/api/pools/$FULL/bookings"; expect 200
[[ "$(field length)" == 31 ]] || fail "expected 31 bookings in $FULL, got $(field length)"
[[ "$(field '[.[].serial] | unique | length')" == 31 ]] || fail "a serial was issued twice"
[[ "$(field '[.[].patientId] | unique | length')" == 31 ]] || fail "a patient holds two numbers"
[[ "$(field '[.[] | select(.channel == "online") | .serial % 2] | unique | tostring')" == "[0]" ]] || fail "online serials should be the even numbers"
ok "bookings of $FULL: 31, serials and patients unique, online numbers are the even serials"
call p1 GET "/api/pools/$FULL/bookings"; expect 403 forbidden
echo "smoke: all checks passed against $ENGINE"
