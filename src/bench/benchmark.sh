#!/usr/bin/env bash
# zrefresh's startup, shell and list benchmarks against its own dev server, in one run. Builds nothing: run
# `mvn package` first (it makes target/zrefresh.jar and the JVM distribution whose launcher is measured).
#
#   src/bench/benchmark.sh [STARTUP_RUNS [LIST_RUNS]]     defaults: 15 and 3
#
# Compared: curl sending the same request; plain `java -jar` (on $JAVA_HOME/bin/java, else the java on PATH);
# the launcher on Java 17 (CDS archive) and on Java 25 (AOT cache), each with its archive recorded first. The Javas:
# JAVA17_HOME and JAVA25_HOME, else the first installation of that version in /usr/lib/jvm.
# Startup: `--version` and `describe --job-id N`, medians of STARTUP_RUNS rounds in which every command runs once in
# turn, so that all of them meet the same moments of a machine whose speed drifts (shared vCPUs do), and the ratios
# to curl stay fair. The shell: `describe` typed into a running `zrefresh shell` (lines on stdin), per command:
# (median time of 51 lines - median time of 1 line) / 50.
# list: `list --name ext_books` over 1,000, 10,000 and 100,000 jobs in each output format, stdout to /dev/null;
# medians of LIST_RUNS runs of wall time and peak RSS (GNU time). Prints Markdown. Needs bash 5 (EPOCHREALTIME).
set -euo pipefail
cd "$(dirname "$0")/../.."
LC_NUMERIC=C # EPOCHREALTIME with a decimal point

startup_runs=${1:-15}
list_runs=${2:-3}
for tool in curl /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "benchmark: needs $tool (apt-get install curl time)" >&2; exit 1; }
done

script=benchmark
# shellcheck source=src/bench/dev-server.sh
. src/bench/dev-server.sh

jobs_seeded=0
seed_to() {
    curl -sf -X POST "$ZILLIZ_ENDPOINT/_dev/seed" \
        -d "{\"dbName\":\"default\",\"collectionName\":\"ext_books\",\"jobs\":$(($1 - jobs_seeded))}" > /dev/null
    jobs_seeded=$1
}

# Medians of the wall times of command lines (strings, words quoted as in the shell), in milliseconds, one a line:
# STARTUP_RUNS rounds after two of warm-up, each running every command once, in turn, each round starting one
# command later (so that no command always follows the same one: a JVM's exit, the server's work after a shell).
medians_ms() {
    local commands=("$@") command round i start
    for ((i = 0; i < $#; i++)); do
        : > "$work/times.$i"
        for _ in 1 2; do eval "${commands[$i]}" > /dev/null 2>&1 || true; done
    done
    for ((round = 0; round < startup_runs; round++)); do
        for ((command = 0; command < $#; command++)); do
            i=$(((round + command) % $#))
            start=$EPOCHREALTIME
            eval "${commands[$i]}" > /dev/null 2>&1 || true
            echo "$start $EPOCHREALTIME" >> "$work/times.$i"
        done
    done
    for ((i = 0; i < $#; i++)); do
        awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' "$work/times.$i" | sort -n \
            | awk '{ v[NR] = $1 } END { printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
    done
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

java_version() { "$1/bin/java" -version 2>&1 | head -n 1; }
echo "## Startup and the shell"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) vCPU ($(grep -m 1 'model name' /proc/cpuinfo 2> /dev/null | sed 's/.*: //')),"\
     "zrefresh $("$java" -jar "$jar" --version | sed 's/^zrefresh //')."
echo "java -jar: $("$java" -version 2>&1 | head -n 1); Java 17: ${java17:+$(java_version "$java17")};"\
     "Java 25: ${java25:+$(java_version "$java25")}."
echo "Medians of $startup_runs rounds; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null)."
echo
names=(describe_curl version_plain describe_plain)
commands=("$curl_describe" "$plain --version" "$plain describe --job-id $job_id")
for version in 17 25; do
    home=java$version
    [ -n "${!home}" ] || continue
    on="JAVA_HOME=$(q "${!home}") $through_launcher"
    names+=("version_$version" "describe_$version" "shell_one_$version" "shell_many_$version")
    commands+=("$on --version" "$on describe --job-id $job_id"
        "$on shell < $(q "$work/shell-1.txt")" "$on shell < $(q "$work/shell-51.txt")")
done
mapfile -t medians < <(medians_ms "${commands[@]}")
declare -A ms
for i in "${!names[@]}"; do
    ms[${names[$i]}]=${medians[$i]}
done
for version in 17 25; do
    if [ -n "${ms[shell_many_$version]:-}" ]; then
        ms[shell_$version]=$(awk -v one="${ms[shell_one_$version]}" -v many="${ms[shell_many_$version]}" \
            'BEGIN { printf "%.1f", (many - one) / 50 }')
    fi
done
cell() {
    if [ -n "${ms[$1]:-}" ]; then
        echo "${ms[$1]} ms"
    else
        echo "not installed"
    fi
}
echo "| command | curl | java -jar | launcher, Java 17 (CDS) | launcher, Java 25 (AOT cache) |"
echo "|---|---:|---:|---:|---:|"
echo "| \`--version\` | | $(cell version_plain) | $(cell version_17) | $(cell version_25) |"
echo "| \`describe --job-id N\` | $(cell describe_curl) | $(cell describe_plain) | $(cell describe_17) | $(cell describe_25) |"
echo "| \`describe\` typed into \`zrefresh shell\`, per command | | | $(cell shell_17) | $(cell shell_25) |"
echo
echo "- describe through the launcher / curl: Java 17 $(ratio "${ms[describe_17]:-}" "${ms[describe_curl]}")"\
     "(target: at most 22x), Java 25 $(ratio "${ms[describe_25]:-}" "${ms[describe_curl]}") (target: at most 15x)"
echo "- describe in the shell / curl: Java 17 $(ratio "${ms[shell_17]:-}" "${ms[describe_curl]}"),"\
     "Java 25 $(ratio "${ms[shell_25]:-}" "${ms[describe_curl]}") (target: at most 2x)"
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
