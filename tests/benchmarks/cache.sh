#!/usr/bin/env bash
# Stage-cache hits vs the same routes without a cache, on loopback (run on demand; not in ctest):
#   tests/benchmarks/cache.sh [SECONDS] [--callgrind]
# Serves bench.project.json with a second stage "c" on the same deployment with the cache
# cluster on, then measures with wrk: MOCK uncached vs MOCK served from the cache, and
# HTTP_PROXY to an nginx backend vs the same route served from the cache. Prints ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
callgrind=0; [[ "${2:-}" == "--callgrind" ]] && callgrind=1
cli="${GW_CLI:-build/app/cli/gatewright-cli}"
workers="${WORKERS:-1}"
[[ -x "$cli" ]] || { echo "build first: $cli missing" >&2; exit 1; }
command -v wrk >/dev/null && [[ -x /usr/sbin/nginx ]] || { echo "needs wrk and nginx (packaging/deps.sh --test)" >&2; exit 1; }

source tests/benchmarks/common.sh
n_backend=$(free_port); gw=$(free_port)

mkdir -p "$tmp/nginx/logs"
cat > "$tmp/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $tmp/nginx/logs/error.log warn;
pid $tmp/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$n_backend; location / { default_type application/json; return 200 '{"data":"from backend"}'; } }
}
CONF
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
python3 - "$n_backend" > "$tmp/bench.gwproj" <<'PY'
import json, sys
p = json.load(open("tests/benchmarks/bench.project.json"))
api = p["apis"][0]
plain = api["stages"][0]
plain["variables"]["backend"] = f"http://127.0.0.1:{sys.argv[1]}"
cached = json.loads(json.dumps(plain))
cached.update({"name": "c", "cacheClusterEnabled": True, "cacheClusterSize": "0.5"})
api["stages"].append(cached)
print(json.dumps(p))
PY
QT_NO_GLIB=1 "$cli" serve "$tmp/bench.gwproj" --port "$gw" --workers "$workers" > "$tmp/gw.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$gw/restapis/bench"
for _ in $(seq 50); do curl -sf "$base/b/_user_request_/ping" >/dev/null && break; sleep 0.1; done
curl -sf "$base/c/_user_request_/ping" >/dev/null; curl -sf "$base/c/_user_request_/proxy" >/dev/null # fill the cache

report() { # label cached uncached
  read -r r1 p1 e1 <<<"$2"; read -r r2 p2 e2 <<<"$3"
  python3 -c "print(f'$1: cache hit {float($r1):.0f} req/s p99 {float($p1):.2f} ms (non-2xx $e1) | uncached {float($r2):.0f} req/s p99 {float($p2):.2f} ms (non-2xx $e2) | ratio {float($r1)/float($r2):.2f}x rps')"
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(uname -r), wrk -t1 -c50 -d${secs}s, $workers gateway thread(s)"
report "MOCK" "$(measure "$base/c/_user_request_/ping")" "$(measure "$base/b/_user_request_/ping")"
report "HTTP_PROXY to nginx" "$(measure "$base/c/_user_request_/proxy")" "$(measure "$base/b/_user_request_/proxy")"
grep '^cache' "$tmp/gw.log" | sed 's/^/# /'

if [[ "$callgrind" == 1 ]]; then
  # Instructions are what the two paths cost, free of the machine's load: the cache hit skips the
  # integration request/response phases and pays for the key, a shard lock and decoding the entry.
  hit=$(instructions_per_request "$tmp/bench.gwproj" /restapis/bench/c/_user_request_/ping)
  mock=$(instructions_per_request "$tmp/bench.gwproj" /restapis/bench/b/_user_request_/ping)
  python3 -c "print(f'instructions per request (callgrind): cache hit $hit, MOCK $mock, hit/MOCK {$hit/$mock:.2f}x')"
fi
