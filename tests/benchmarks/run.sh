#!/usr/bin/env bash
# Gateway vs nginx on loopback, in one sitting (run on demand; not part of ctest):
#   tests/benchmarks/run.sh [SECONDS] [--callgrind] [--soak SECONDS]
# Prints requests/s and p99 for: nginx `return 200` vs the MOCK route, nginx proxy_pass
# (keepalive upstream) vs the HTTP_PROXY route to the same nginx backend; ratios; optionally
# valgrind instructions per MOCK request and RSS over a sustained run.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"; shift || true
callgrind=0; soak=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --callgrind) callgrind=1 ;;
    --soak) soak="$2"; shift ;;
  esac
  shift
done
cli="${GW_CLI:-build/app/cli/gatewright-cli}"
workers="${WORKERS:-1}"   # the same number of nginx worker processes and gateway threads
[[ -x "$cli" ]] || { echo "build first: $cli missing" >&2; exit 1; }
command -v wrk >/dev/null && [[ -x /usr/sbin/nginx ]] || { echo "needs wrk and nginx (packaging/deps.sh --test)" >&2; exit 1; }

source tests/benchmarks/common.sh
n_ret=$(free_port); n_backend=$(free_port); n_proxy=$(free_port); gw=$(free_port)

mkdir -p "$tmp/nginx/logs"
cat > "$tmp/nginx/nginx.conf" <<CONF
worker_processes $workers;
error_log $tmp/nginx/logs/error.log warn;
pid $tmp/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$n_backend; keepalive 64; }
  server { listen 127.0.0.1:$n_ret; location / { default_type application/json; return 200 '{"status":"ok"}'; } }
  server { listen 127.0.0.1:$n_backend; location / { default_type application/json; return 200 '{"data":"from backend"}'; } }
  server { listen 127.0.0.1:$n_proxy; location / { proxy_pass http://backend/data; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sed "s/BACKEND_PORT/$n_backend/" tests/benchmarks/bench.project.json > "$tmp/bench.gwproj"
QT_NO_GLIB=1 "$cli" serve "$tmp/bench.gwproj" --port "$gw" --workers "$workers" > "$tmp/gw.log" 2>&1 &
gwpid=$!; pids+=($gwpid)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$gw/restapis/bench/b/_user_request_/ping" >/dev/null && break; sleep 0.1; done

report() { # label ours peer
  read -r r1 p1 e1 <<<"$2"; read -r r2 p2 e2 <<<"$3"
  python3 -c "print(f'$1: gatewright {float($r1):.0f} req/s p99 {float($p1):.2f} ms (non-2xx $e1) | nginx {float($r2):.0f} req/s p99 {float($p2):.2f} ms | ratio {float($r1)/float($r2):.2f}x rps, {float($p1)/max(float($p2),0.001):.2f}x p99')"
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(uname -r), wrk -t1 -c50 -d${secs}s, $workers nginx worker(s) and gateway thread(s)"
ng=$(measure "http://127.0.0.1:$n_ret/ping"); ours=$(measure "http://127.0.0.1:$gw/restapis/bench/b/_user_request_/ping")
report "MOCK vs nginx return 200" "$ours" "$ng"
ng=$(measure "http://127.0.0.1:$n_proxy/"); ours=$(measure "http://127.0.0.1:$gw/restapis/bench/b/_user_request_/proxy")
report "HTTP_PROXY vs nginx proxy_pass" "$ours" "$ng"

if [[ "$soak" -gt 0 ]]; then
  rss() { awk '/VmRSS/ {print $2}' "/proc/$gwpid/status"; }
  wrk -t1 -c50 -d"${soak}s" "http://127.0.0.1:$gw/restapis/bench/b/_user_request_/ping" > /dev/null &
  wpid=$!
  sleep 10; first=$(rss); samples="$first"
  while kill -0 "$wpid" 2>/dev/null; do sleep 10; samples="$samples $(rss)"; done
  last=$(rss)
  python3 -c "s=[int(x) for x in '$samples'.split()]; print(f'RSS under load ({$soak}s): first {s[0]/1024:.1f} MiB, max {max(s)/1024:.1f} MiB, last {s[-1]/1024:.1f} MiB, growth {(max(s)-s[0])*100/s[0]:.1f}%')"
fi

if [[ "$callgrind" == 1 ]]; then
  ir=$(instructions_per_request "$tmp/bench.gwproj" /restapis/bench/b/_user_request_/ping)
  echo "instructions per MOCK request (callgrind, (I(2200)-I(200))/2000): $ir"
fi
