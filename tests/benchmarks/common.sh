# Shared by the benchmark scripts (sourced; they set `secs` first): a temporary folder and the
# processes to stop on exit, free ports, and one wrk measurement.
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

measure() { # url → "rps p99ms non2xx"
  wrk -t1 -c50 -d"${secs}s" --latency "$1" > "$tmp/wrk.txt"
  python3 - "$tmp/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)", t)
v = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
errs = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{rps:.0f} {v:.3f} {errs.group(1) if errs else 0}")
PY
}

instructions_per_request() { # project path → callgrind instructions per request for GET path
  # (I(2200) - I(200)) / 2000 over one keep-alive connection: start-up and the first requests cancel out.
  local project="$1" path="$2" counts=()
  command -v valgrind >/dev/null || { echo "valgrind missing" >&2; return 1; }
  for n in 200 2200; do
    local port; port=$(free_port)
    QT_NO_GLIB=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$n" "$cli" serve "$project" --port "$port" --workers 1 > /dev/null 2>&1 &
    local vp=$!
    for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port$path" >/dev/null && break; sleep 0.2; done
    python3 - "$port" "$n" "$path" <<'PY'
import socket, sys
port, n, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
s = socket.create_connection(("127.0.0.1", port))
req = f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
buf = b""
for _ in range(n):
    s.sendall(req)
    while True:  # one whole response (Content-Length framed) per request
        head, sep, rest = buf.partition(b"\r\n\r\n")
        if sep:
            length = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0])
            if len(rest) >= length:
                buf = rest[length:]
                break
        buf += s.recv(65536)
s.close()
PY
    kill -TERM "$vp"; wait "$vp" 2>/dev/null || true
    counts+=("$(awk '/^summary:/ {print $2}' "$tmp/cg.$n")")
  done
  echo $(( (counts[1] - counts[0]) / 2000 ))
}
