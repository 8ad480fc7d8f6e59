#!/usr/bin/env bash
# Runs the whole system in one process on the embedded default: a co-hosted Orleans silo on a
# SQLite file under ./data, demo hospital data, demo staff accounts, every page reachable.
# Honours ASPNETCORE_URLS / --urls; prints the address it serves.
set -euo pipefail
cd "$(dirname "$0")/.."
export Demo__Enabled="${Demo__Enabled:-true}"
export Storage__DataDirectory="${Storage__DataDirectory:-$PWD/data}"
if [ -z "${ASPNETCORE_URLS:-}" ] && [[ " $* " != *" --urls"* ]]; then
  export ASPNETCORE_URLS="http://127.0.0.1:5080"
fi
exec dotnet run --project src/WebFront -c Release --no-launch-profile -- "$@"
