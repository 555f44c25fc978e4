#!/usr/bin/env bash
# Where one `describe` through the launcher spends its time, on Java 17 (CDS archive) and Java 25 (AOT cache), against
# the dev server (warmed up first, so that it answers as fast as it does for curl). Builds nothing: run
# `mvn package` first.
#
#   src/bench/profile.sh [RUNS]      default: 15; the Javas as for benchmark.sh (JAVA17_HOME, JAVA25_HOME)
#
# Every class of a run comes from the archive, so the moments at which the JVM initialises classes
# (-Xlog:class+init with uptime) make a timeline; a step of the run ends when the class that begins the next one is
# first initialised. The runs of the two Javas alternate, so both meet the same moments of the machine. Prints, as
# Markdown, the median of each step in milliseconds. The log itself adds a few milliseconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
script=profile
# shellcheck source=src/bench/dev-server.sh
. src/bench/dev-server.sh

homes=()
for home in "$java17" "$java25"; do
    [ -n "$home" ] && homes+=("$home")
done
curl -sf -X POST "$ZILLIZ_ENDPOINT/_dev/seed" -d '{"dbName":"default","collectionName":"ext_books","jobs":10}' > /dev/null
job_id=$("$java" -jar "$jar" list --name ext_books -o text --query 'records[0].jobId')
for _ in $(seq 200); do
    curl -s -X POST -H "Authorization: Bearer $ZILLIZ_API_KEY" -d "{\"jobId\":$job_id}" \
        "$ZILLIZ_ENDPOINT/v2/vectordb/jobs/external_collection/describe" > /dev/null
done
for home in "${homes[@]}"; do
    # the first records the archive
    for _ in $(seq 3); do JAVA_HOME=$home "$launcher" describe --job-id "$job_id" > /dev/null; done
done

# The launcher passes ZREFRESH_JAVA_OPTS after its own options: the timeline is added to the run as it is.
for run in $(seq "$runs"); do
    for i in "${!homes[@]}"; do
        JAVA_HOME=${homes[$i]} ZREFRESH_JAVA_OPTS="-Xlog:class+init=info:file=$work/java$i.run$run.log:uptime" \
            "$launcher" describe --job-id "$job_id" > /dev/null
    done
done

# Each step, and the class whose first initialisation ends it.
steps=(
    "JVM start, until zrefresh's Main|io/zrefresh/Main'"
    "streams, terminal check, time zone|io/zrefresh/cli/RootCommand'"
    "picocli: the root's and describe's model, then parsing|io/zrefresh/cli/Session'"
    "settings and config files|io/zrefresh/api/JdkHttpTransport'"
    "the HttpClient built, the request sent, the answer read|io/zrefresh/api/HttpReply'"
    "the answer parsed (Jackson's parser, and the BigDecimal it initialises)|io/zrefresh/job/Job'"
    "printed, until the last class initialised|"
)
# medians FILE: the median of each column of FILE (one line a run: the moments, in seconds, each step ended) as
# the step's length in milliseconds, then the median of the last column.
medians() {
    local column
    for column in $(seq "${#steps[@]}"); do
        awk -v c="$column" '{ printf "%.3f\n", ($c - (c > 1 ? $(c - 1) : 0)) * 1000 }' "$1" | sort -n \
            | awk '{ v[NR] = $1 } END { printf "%.0f\n", v[int((NR + 1) / 2)] }'
    done
    awk -v c="${#steps[@]}" '{ printf "%.3f\n", $c * 1000 }' "$1" | sort -n \
        | awk '{ v[NR] = $1 } END { printf "%.0f\n", v[int((NR + 1) / 2)] }'
}
for i in "${!homes[@]}"; do
    for run in $(seq "$runs"); do
        log=$work/java$i.run$run.log
        for step in "${steps[@]}"; do
            class=${step#*|}
            if [ -n "$class" ]; then
                line=$(grep -m 1 "Initializing '$class" "$log")
            else
                line=$(tail -n 1 "$log")
            fi
            line=${line#[}
            printf '%s ' "${line%%s]*}"
        done
        echo
    done > "$work/moments$i"
    medians "$work/moments$i" > "$work/medians$i"
done

header="| step of \`describe\`, medians of $runs runs, ms |"
rule="|---|"
for home in "${homes[@]}"; do
    header="$header Java $("$home/bin/java" -version 2>&1 | head -n 1 | sed -E 's/^[^"]*"([^"]*)".*/\1/') |"
    rule="$rule---:|"
done
echo "$header"
echo "$rule"
for s in "${!steps[@]}" "${#steps[@]}"; do
    if [ "$s" -lt "${#steps[@]}" ]; then
        row="| ${steps[$s]%%|*} |"
    else
        row="| in all |"
    fi
    for i in "${!homes[@]}"; do
        row="$row $(sed -n "$((s + 1))p" "$work/medians$i") |"
    done
    echo "$row"
done
