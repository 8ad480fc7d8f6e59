#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh Debian machine: installs and starts what
# the tests need (PostgreSQL on 127.0.0.1, Chromium and CJK fonts for the page tests), builds
# once, then runs every test project one after another (they share the machine's 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_packages+=(fonts-noto-cjk)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

# Fail at once when PostgreSQL cannot start, rather than running the suite without it.
pg_env="$(scripts/postgres.sh)" || { echo "test.sh: PostgreSQL did not start; see above." >&2; exit 1; }
eval "$pg_env"
export HOSPITAL_TEST_POSTGRES

dotnet build HospitalOrleans.sln -c Release -warnaserror --nologo -v quiet

status=0
for project in tests/*/*.Tests.csproj; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" || status=1
done
exit $status
