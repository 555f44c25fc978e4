#!/usr/bin/env bash
# zrefresh's startup and list benchmarks, against its own dev server. Builds nothing: run `mvn package` first
# (it makes target/zrefresh.jar and the JVM distribution whose launcher is measured).
#
#   src/bench/benchmark.sh [STARTUP_RUNS [LIST_RUNS]]     defaults: 15 and 3
#
# Startup: medians of STARTUP_RUNS runs (hyperfine when installed, else a loop timed with date +%s%N) of
# `--version` and `describe --job-id N`, with plain `java -jar` and through the launcher (whose class-data
# sharing archive is recorded first), and of curl sending the same describe request.
# list: `list --name ext_books` over 1,000, 10,000 and 100,000 jobs in each output format, stdout to /dev/null;
# medians of LIST_RUNS runs of wall time and peak RSS (GNU time).
# Java: $JAVA_HOME/bin/java, else the java on PATH (the launcher picks the same one). Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/../.."

startup_runs=${1:-15}
list_runs=${2:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=target/zrefresh.jar
distribution=
for archive in target/jreleaser/assemble/zrefresh/archive/zrefresh-*.tar.gz; do
    distribution=$archive
done
if [ ! -f "$jar" ] || [ ! -f "$distribution" ]; then
    echo "benchmark: no $jar or JVM distribution under target/jreleaser: run mvn package first" >&2
    exit 1
fi
for tool in curl /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "benchmark: needs $tool (apt-get install curl time)" >&2; exit 1; }
done

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT

tar -xzf "$distribution" -C "$work"
launcher=$(echo "$work"/zrefresh-*/bin/zrefresh)
export XDG_CACHE_HOME=$work/cache ZILLIZ_CONFIG_DIR=$work/config
unset ZREFRESH_JAVA_OPTS ZREFRESH_CDS

"$java" -jar "$jar" dev-server --port 0 > "$work/server.out" 2> "$work/server.log" &
server=$!
for _ in $(seq 100); do
    grep -q '^export ' "$work/server.out" && break
    sleep 0.1
done
eval "$(grep '^export ' "$work/server.out")"
[ -n "${ZILLIZ_ENDPOINT:-}" ] || { echo "benchmark: the dev server did not start: $(cat "$work/server.log")" >&2; exit 1; }

jobs_seeded=0
seed_to() {
    curl -sf -X POST "$ZILLIZ_ENDPOINT/_dev/seed" \
        -d "{\"dbName\":\"default\",\"collectionName\":\"ext_books\",\"jobs\":$(($1 - jobs_seeded))}" > /dev/null
    jobs_seeded=$1
}

# Median wall time of a command line (one string, words quoted as in the shell), in milliseconds.
median_ms() {
    if command -v hyperfine > /dev/null; then
        hyperfine -N --style none --warmup 2 --runs "$startup_runs" --export-csv "$work/hyperfine.csv" "$1" \
            > /dev/null 2> "$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; return 1; }
        awk -F, 'NR == 2 { printf "%.0f\n", $4 * 1000 }' "$work/hyperfine.csv"
    else
        local start end
        for _ in 1 2; do eval "$1" > /dev/null 2>&1 || true; done
        for _ in $(seq "$startup_runs"); do
            start=$(date +%s%N)
            eval "$1" > /dev/null 2>&1 || true
            end=$(date +%s%N)
            echo $(((end - start) / 1000000))
        done | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
    fi
}

# "wall-seconds peak-RSS-MB" of one command line, medians of list_runs runs; "failed (exit N)" if a run fails.
wall_and_rss() {
    local status
    : > "$work/runs"
    for _ in $(seq "$list_runs"); do
        status=0
        eval "/usr/bin/time -f '%e %M' -o '$work/time' $1" > /dev/null 2> "$work/stderr" || status=$?
        if [ "$status" -ne 0 ]; then
            echo "failed (exit $status)"
            return
        fi
        cat "$work/time" >> "$work/runs"
    done
    sort -n -k1 "$work/runs" | awk '{ t[NR] = $1 } END { printf "%.2f s", t[int((NR + 1) / 2)] }'
    sort -n -k2 "$work/runs" | awk '{ m[NR] = $2 } END { printf " / %.0f MB\n", m[int((NR + 1) / 2)] / 1024 }'
}

q() { printf '%q' "$1"; }

seed_to 1000
job_id=$("$java" -jar "$jar" list --name ext_books -o text --query 'records[0].jobId')
"$launcher" describe --job-id "$job_id" > /dev/null   # records the launcher's CDS archive

plain="$(q "$java") -jar $(q "$jar")"
through_launcher=$(q "$launcher")
curl_describe="curl -s -X POST -H 'Content-Type: application/json' -H $(q "Authorization: Bearer $ZILLIZ_API_KEY")\
 -d '{\"jobId\":$job_id}' $(q "$ZILLIZ_ENDPOINT/v2/vectordb/jobs/external_collection/describe")"

echo "## Startup"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) vCPU ($(grep -m 1 'model name' /proc/cpuinfo 2> /dev/null | sed 's/.*: //')),"\
     "$("$java" -version 2>&1 | head -n 1), $("$java" -jar "$jar" --version)."
echo "Medians of $startup_runs runs ($(command -v hyperfine > /dev/null && hyperfine --version || echo 'date +%s%N loop'));"\
     "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null)."
echo
version_plain=$(median_ms "$plain --version")
version_launcher=$(median_ms "$through_launcher --version")
describe_plain=$(median_ms "$plain describe --job-id $job_id")
describe_launcher=$(median_ms "$through_launcher describe --job-id $job_id")
describe_curl=$(median_ms "$curl_describe")
echo "| command | java -jar | launcher (CDS) | curl |"
echo "|---|---:|---:|---:|"
echo "| \`--version\` | $version_plain ms | $version_launcher ms | |"
echo "| \`describe --job-id N\` | $describe_plain ms | $describe_launcher ms | $describe_curl ms |"
echo
awk -v launcher="$describe_launcher" -v curl="$describe_curl" \
    'BEGIN { printf "launcher describe / curl describe: %.1fx (target: within 15x)\n", launcher / curl }'
echo
echo "## list --name ext_books, stdout to /dev/null"
echo
echo "Wall time / peak RSS, medians of $list_runs runs."
echo
echo "| jobs | output | launcher (CDS) | java -jar |"
echo "|---:|---|---:|---:|"
# shellcheck disable=SC2016 # a JMESPath literal
query='records[?state==`"RefreshCompleted"`].jobId'
for jobs in 1000 10000 100000; do
    seed_to "$jobs"
    for output in table json csv query; do
        if [ "$output" = query ]; then
            args="--query $(q "$query") -o text"
            shown="--query '$query' -o text"
        else
            args="-o $output"
            shown=$args
        fi
        # shellcheck disable=SC2016 # Markdown code
        printf '| %s | `` %s `` | %s | %s |\n' "$jobs" "$shown" \
            "$(wall_and_rss "$through_launcher list --name ext_books $args")" \
            "$(wall_and_rss "$plain list --name ext_books $args")"
    done
done
