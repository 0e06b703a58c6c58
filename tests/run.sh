#!/usr/bin/env bash
# Runs every test. On a fresh Debian machine with the .NET SDK it first installs what the tests need
# (redis-server, chromium, CJK fonts, Node.js and the npm packages of tests/e2e); the tests start their
# own redis-server and service processes on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s libgomp1 >/dev/null 2>&1 || need+=(libgomp1)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f tests/e2e/package.json ]; then
  (cd tests/e2e && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
fi

dotnet build ChatService.sln -c Release --nologo -v q
mkdir -p TestResults
# Train the intent model once (the default learner), so the many test hosts load it instead of each training it.
Nlu__ReportDirectory=TestResults/nlu-report dotnet bot/bin/Release/net10.0/ChatService.dll nlu train --quick
dotnet test ChatService.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
python3 - <<'PY' 2>/dev/null || true
import re, glob
for path in glob.glob("TestResults/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters total="(\d+)" executed="(\d+)" passed="(\d+)" failed="(\d+)"', text)
    if m:
        total, executed, passed, failed = map(int, m.groups())
        print(f"Tests: {passed} passed, {failed} failed, {total - executed} skipped")
PY
