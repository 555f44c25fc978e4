# Sourced by the benchmark scripts, from the project's root, with $script set to the script's name: unpacks the JVM
# distribution into a temporary directory ($work, removed at exit) with its own cache and config, and starts a dev
# server there (ZILLIZ_ENDPOINT and ZILLIZ_API_KEY exported). Sets $launcher, $java (JAVA_HOME's, else the one on the
# PATH), $java17 and $java25 (JAVA17_HOME and JAVA25_HOME, else the first of that version in /usr/lib/jvm; empty
# if none). Builds nothing.
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=target/zrefresh.jar
distribution=
for archive in target/jreleaser/assemble/zrefresh/archive/zrefresh-*.tar.gz; do
    distribution=$archive
done
if [ ! -f "$jar" ] || [ ! -f "$distribution" ]; then
    echo "$script: no $jar or JVM distribution under target/jreleaser: run mvn package first" >&2
    exit 1
fi

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
[ -n "${ZILLIZ_ENDPOINT:-}" ] || { echo "$script: the dev server did not start: $(cat "$work/server.log")" >&2; exit 1; }
