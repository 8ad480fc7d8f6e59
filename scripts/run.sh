#!/usr/bin/env bash
# Runs the whole system on the embedded default: the WeChat simulator on 127.0.0.1:5090 (standing in
# for WeChat's servers) and the platform on 127.0.0.1:5080 (co-hosted Orleans silo on a SQLite file
# under ./data, demo hospital data, demo staff accounts, every page reachable).
# Honours ASPNETCORE_URLS / --urls for the platform and WECHAT_SIMULATOR_URL for the simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
export Demo__Enabled="${Demo__Enabled:-true}"
# One readable line per event at a terminal; production keeps appsettings.json's JSON lines.
export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"
export Storage__DataDirectory="${Storage__DataDirectory:-$PWD/data}"
if [ -z "${ASPNETCORE_URLS:-}" ] && [[ " $* " != *" --urls"* ]]; then
  export ASPNETCORE_URLS="http://127.0.0.1:5080"
fi
platform_url="${ASPNETCORE_URLS%%;*}"
simulator_url="${WECHAT_SIMULATOR_URL:-http://127.0.0.1:5090}"

# The demo account, merchant and keys (values already in the environment win).
source scripts/demo-env.sh

dotnet build HospitalOrleans.sln -c Release --nologo -v quiet
dotnet run --project src/WeChatSimulator -c Release --no-build --no-launch-profile -- \
  --urls "$simulator_url" --Simulator:PlatformUrl="$platform_url/wechat" &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$simulator_url/sim/api/users" 2>/dev/null && break
  sleep 0.2
done
echo "WeChat simulator (phone view): $simulator_url/"
dotnet run --project src/WebFront -c Release --no-build --no-launch-profile -- "$@"
