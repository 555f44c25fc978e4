#!/usr/bin/env bash
# zrefresh's startup, shell and list benchmarks against its own dev server, in one run. Builds nothing: run
# `mvn package` first (it makes target/zrefresh.jar and the JVM distribution whose launcher is measured).
#
#   src/bench/benchmark.sh [STARTUP_RUNS [LIST_RUNS]]     defaults: 15 and 3
#
# Compared: curl sending the same request; plain `java -jar` (on $JAVA_HOME/bin/java, else the java on PATH);
# the launcher on Java 17 (CDS archive) and on Java 25 (AOT cache), each with its archive recorded first. The Javas:
# JAVA17_HOME and JAVA25_HOME, else the first installation of that version in /usr/lib/jvm.
# Startup: medians of STARTUP_RUNS runs (hyperfine when installed, else a loop timed with date +%s%N) of `--version`
# and `describe --job-id N`. The shell: `describe` typed into a running `zrefresh shell` (lines on stdin), per
# command: (median time of 51 lines - median time of 1 line) / 50.
# list: `list --name ext_books` over 1,000, 10,000 and 100,000 jobs in each output format, stdout to /dev/null;
# medians of LIST_RUNS runs of wall time and peak RSS (GNU time). Prints Markdown.
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

# The home of a Java of this feature version: JAVA<N>_HOME, else the first one in /usr/lib/jvm; empty if none.
java_home_of() {
    local variable="JAVA$1_HOME" home
    if [ -n "${!variable:-}" ]; then
        echo "${!variable}"
        return
    fi
    for home in /usr/lib/jvm/*; do
        if grep -qs "^JAVA_VERSION=\"$1[.\"]" "$home/release"; then
            echo "$home"
            return
        fi
    done
}
java17=$(java_home_of 17)
java25=$(java_home_of 25)

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
        awk -F, 'NR == 2 { printf "%.1f\n", $4 * 1000 }' "$work/hyperfine.csv"
    else
        local start end
        for _ in 1 2; do eval "$1" > /dev/null 2>&1 || true; done
        for _ in $(seq "$startup_runs"); do
            start=$(date +%s%N)
            eval "$1" > /dev/null 2>&1 || true
            end=$(date +%s%N)
            echo $(((end - start) / 1000000))
        done | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
    fi
}

# "wall-seconds / peak-RSS-MB" of one command line, medians of list_runs runs; "failed (exit N)" if a run fails.
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

# Runs a measuring function with the launcher on a Java home ($1), or says that Java is missing.
on_java() {
    local home=$1
    shift
    if [ -z "$home" ]; then
        echo "not installed"
    else
        (export JAVA_HOME=$home && "$@")
    fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1fx", a / b; else print "n/a" }'; }

seed_to 1000
job_id=$("$java" -jar "$jar" list --name ext_books -o text --query 'records[0].jobId')
for home in "$java17" "$java25"; do
    # the first command that talks to the server records the launcher's archive for that Java
    [ -z "$home" ] || JAVA_HOME=$home "$launcher" describe --job-id "$job_id" > /dev/null
done

plain="$(q "$java") -jar $(q "$jar")"
through_launcher=$(q "$launcher")
api=$ZILLIZ_ENDPOINT/v2/vectordb/jobs/external_collection
curl_post="curl -s -X POST -H 'Content-Type: application/json' -H $(q "Authorization: Bearer $ZILLIZ_API_KEY")"
curl_describe="$curl_post -d '{\"jobId\":$job_id}' $(q "$api/describe")"
for lines in 1 51; do
    for _ in $(seq "$lines"); do echo "describe --job-id $job_id"; done > "$work/shell-$lines.txt"
done

# Time per command of describe typed into a running shell.
shell_ms() {
    local one many
    one=$(median_ms "sh -c $(q "exec $through_launcher shell < $work/shell-1.txt")")
    many=$(median_ms "sh -c $(q "exec $through_launcher shell < $work/shell-51.txt")")
    awk -v one="$one" -v many="$many" 'BEGIN { printf "%.1f\n", (many - one) / 50 }'
}

java_version() { "$1/bin/java" -version 2>&1 | head -n 1; }
echo "## Startup and the shell"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) vCPU ($(grep -m 1 'model name' /proc/cpuinfo 2> /dev/null | sed 's/.*: //')),"\
     "zrefresh $("$java" -jar "$jar" --version | sed 's/^zrefresh //')."
echo "java -jar: $("$java" -version 2>&1 | head -n 1); Java 17: ${java17:+$(java_version "$java17")};"\
     "Java 25: ${java25:+$(java_version "$java25")}."
echo "Medians of $startup_runs runs ($(command -v hyperfine > /dev/null && hyperfine --version || echo 'date +%s%N loop'));"\
     "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null)."
echo
describe_curl=$(median_ms "$curl_describe")
version_plain=$(median_ms "$plain --version")
describe_plain=$(median_ms "$plain describe --job-id $job_id")
version_17=$(on_java "$java17" median_ms "$through_launcher --version")
describe_17=$(on_java "$java17" median_ms "$through_launcher describe --job-id $job_id")
shell_17=$(on_java "$java17" shell_ms)
version_25=$(on_java "$java25" median_ms "$through_launcher --version")
describe_25=$(on_java "$java25" median_ms "$through_launcher describe --job-id $job_id")
shell_25=$(on_java "$java25" shell_ms)
echo "| command | curl | java -jar | launcher, Java 17 (CDS) | launcher, Java 25 (AOT cache) |"
echo "|---|---:|---:|---:|---:|"
echo "| \`--version\` | | $version_plain ms | $version_17 ms | $version_25 ms |"
echo "| \`describe --job-id N\` | $describe_curl ms | $describe_plain ms | $describe_17 ms | $describe_25 ms |"
echo "| \`describe\` typed into \`zrefresh shell\`, per command | | | $shell_17 ms | $shell_25 ms |"
echo
echo "- describe through the launcher / curl: Java 17 $(ratio "$describe_17" "$describe_curl") (target: at most 22x),"\
     "Java 25 $(ratio "$describe_25" "$describe_curl") (target: at most 15x)"
echo "- describe in the shell / curl: Java 17 $(ratio "$shell_17" "$describe_curl"),"\
     "Java 25 $(ratio "$shell_25" "$describe_curl") (target: at most 2x)"
echo
echo "## list --name ext_books, stdout to /dev/null"
echo
echo "Wall time / peak RSS, medians of $list_runs runs. curl: the same request, its JSON answer as it comes."
echo
echo "| jobs | output | curl | java -jar | launcher, Java 17 (CDS) | launcher, Java 25 (AOT cache) |"
echo "|---:|---|---:|---:|---:|---:|"
# shellcheck disable=SC2016 # a JMESPath literal
query='records[?state==`"RefreshCompleted"`].jobId'
curl_list="$curl_post -d '{\"dbName\":\"default\",\"collectionName\":\"ext_books\"}' $(q "$api/list")"
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
        by_curl=
        [ "$output" = json ] && by_curl=$(wall_and_rss "$curl_list")
        # shellcheck disable=SC2016 # Markdown code
        printf '| %s | `` %s `` | %s | %s | %s | %s |\n' "$jobs" "$shown" "$by_curl" \
            "$(wall_and_rss "$plain list --name ext_books $args")" \
            "$(on_java "$java17" wall_and_rss "$through_launcher list --name ext_books $args")" \
            "$(on_java "$java25" wall_and_rss "$through_launcher list --name ext_books $args")"
    done
done
echo
echo "Load average after: $(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null)."
