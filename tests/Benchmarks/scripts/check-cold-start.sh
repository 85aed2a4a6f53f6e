#!/usr/bin/env bash
# Issue 4's benchmark: `labrunner check` of the whole Aurora lab as a cold process against a local endpoint, side by
# side with one `aws rds describe-db-cluster-snapshots` to the same endpoint. The endpoint is `labrunner sandbox serve`
# on a free loopback port, holding alice's fixtures. Needs hyperfine (apt-get install -y hyperfine) and the AWS CLI.
# Usage: tests/Benchmarks/scripts/check-cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs="${1:-20}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Builds from a clone of HEAD, so a build in the working tree meanwhile cannot disturb these publishes.
git clone -q . "$work/src"
cli="$work/src/src/Fronts/Cli"
dotnet publish "$cli" -c Release -o "$work/jit" -v quiet -nologo >/dev/null
dotnet publish "$cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v quiet -nologo >/dev/null
# Framework and app precompiled in one version bubble: far fewer methods left to the JIT at start-up (about 150 MB).
dotnet publish "$cli" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/composite" -v quiet -nologo >/dev/null

data="$work/data"
lab="labs/aurora-backup"
# A first check on the built-in sandbox seeds alice's fixtures into the state file the server then serves.
"$work/jit/labrunner" check "$lab" --var yourname=alice --data-dir "$data" >/dev/null || true
"$work/jit/labrunner" sandbox serve --state "$data/sandbox/state.json" --data-dir "$data" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)"
[ -n "$url" ] || { echo "sandbox did not start: $(cat "$work/serve.log")" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
check="check $lab --var yourname=alice --endpoint $url --data-dir $data"
# check exits 1 (not every step passed on fresh fixtures): -i keeps hyperfine from counting that as a failure.
# The AWS CLI must exit 0: a region or endpoint mistake would otherwise time an error message.
aws rds describe-db-cluster-snapshots --endpoint-url "$url" >/dev/null
uptime
hyperfine -N -i --warmup 3 --runs "$runs" --export-markdown "$work/result.md" \
  -n "labrunner check (JIT)" "$work/jit/labrunner $check" \
  -n "labrunner check (ReadyToRun)" "$work/r2r/labrunner $check" \
  -n "labrunner check (ReadyToRun composite, self-contained)" "$work/composite/labrunner $check" \
  -n "aws rds describe-db-cluster-snapshots" "aws rds describe-db-cluster-snapshots --endpoint-url $url"
cat "$work/result.md"
