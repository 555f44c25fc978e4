package io.zrefresh.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.ExternalProgram;
import io.zrefresh.support.ProcessRun;
import io.zrefresh.support.PseudoTerminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed completion scripts, run by their shells with this build as {@code zrefresh} on
 * PATH and contexts in a config directory of their own.
 */
class CompletionScriptsIT {

    private static final Path BASH_SCRIPT = Path.of("completions/zrefresh.bash").toAbsolutePath();
    private static final Path ZSH_SCRIPT = Path.of("completions/_zrefresh").toAbsolutePath();
    private static final Path FISH_SCRIPT = Path.of("completions/zrefresh.fish").toAbsolutePath();
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private final Map<String, String> env = new LinkedHashMap<>();
    private Path zrefresh;
    /** The working directory of the shells: spec.json, other.json and specs/, for --external-spec @FILE. */
    private Path work;

    @BeforeEach
    void zrefreshOnPathWithContexts() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        zrefresh = bin.resolve("zrefresh");
        String command =
                ProcessRun.command().stream().map(CompletionScriptsIT::quote).collect(Collectors.joining(" "));
        Files.writeString(zrefresh, "#!/bin/sh\nexec " + command + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(zrefresh, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.createDirectories(home.resolve("zilliz"));
        Files.writeString(
                config.resolve("config"),
                "[default]\nendpoint = https://a.example\n\n[prod]\nendpoint = https://p.example\n\n"
                        + "[staging]\nendpoint = https://s.example\n");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("ZILLIZ_CONFIG_DIR", config.toString());
        env.put("LANG", "C.UTF-8");
        work = Files.createDirectories(home.resolve("work"));
        Files.writeString(work.resolve("spec.json"), "{}");
        Files.writeString(work.resolve("other.json"), "{}");
        Files.createDirectories(work.resolve("specs"));
    }

    @Test
    void eachShellAcceptsItsScript() throws Exception {
        ExternalProgram.require("zsh", "zsh");
        ExternalProgram.require("fish", "fish");
        for (List<String> check : List.of(
                List.of("bash", "-n", BASH_SCRIPT.toString()),
                List.of("zsh", "-n", ZSH_SCRIPT.toString()),
                List.of("fish", "--no-execute", FISH_SCRIPT.toString()))) {
            Result result = shell(check.toArray(String[]::new));
            assertThat(result.exit()).as("%s: %s", check, result).isZero();
            assertThat(result.err()).as("%s", check).isEmpty();
        }
    }

    @Test
    void thisBuildPrintsTheCommittedScripts() throws Exception {
        for (Map.Entry<String, Path> script : Map.of("bash", BASH_SCRIPT, "zsh", ZSH_SCRIPT, "fish", FISH_SCRIPT)
                .entrySet()) {
            Result result = shell(zrefresh.toString(), "completion", script.getKey());
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out())
                    .as("zrefresh completion %s", script.getKey())
                    .isEqualTo(Files.readString(script.getValue(), StandardCharsets.UTF_8));
        }
    }

    /**
     * bash calls the function that the script registers for zrefresh with the COMP_* variables
     * set as readline sets them, and the test reads COMPREPLY.
     */
    @Test
    void bashCompletesCommandsOptionValuesAndContextNames() throws Exception {
        Map<String, List<String>> completions = bashComplete(
                "zrefresh tr",
                "zrefresh -o ",
                "zrefresh --context ",
                "zrefresh list --context st",
                "zrefresh context show ",
                "zrefresh context delete p",
                "zrefresh external-collection refresh tr",
                "zrefresh trigger --name c --on-active ",
                "zrefresh --ci ",
                "zrefresh wait --ci g",
                "zrefresh completion ");
        assertThat(completions)
                .containsExactly(
                        Map.entry("zrefresh tr", List.of("trigger")),
                        Map.entry("zrefresh -o ", List.of("table", "json", "yaml", "csv", "text")),
                        Map.entry("zrefresh --context ", List.of("default", "prod", "staging")),
                        Map.entry("zrefresh list --context st", List.of("staging")),
                        Map.entry("zrefresh context show ", List.of("default", "prod", "staging")),
                        Map.entry("zrefresh context delete p", List.of("prod")),
                        Map.entry("zrefresh external-collection refresh tr", List.of("trigger")),
                        Map.entry("zrefresh trigger --name c --on-active ", List.of("fail", "wait", "skip")),
                        Map.entry("zrefresh --ci ", List.of("auto", "github", "gitlab", "off")),
                        Map.entry("zrefresh wait --ci g", List.of("github", "gitlab")),
                        Map.entry("zrefresh completion ", List.of("bash", "zsh", "fish")));
    }

    /**
     * bash on a terminal, where readline splits the words as it does for people: at "=" and "@"
     * too, which the harness above does not do. Ctrl-X shows the edited line.
     */
    @Test
    void bashCompletesAttachedValuesAndFilesAfterAnAt() throws Exception {
        Map<String, String> terminalEnv = new LinkedHashMap<>(env);
        terminalEnv.put("TERM", "dumb");
        terminalEnv.put("HISTFILE", "");
        try (PseudoTerminal bash = PseudoTerminal.start(terminalEnv, 200, "exec bash --norc --noprofile -i")) {
            bash.type("source " + BASH_SCRIPT + "; cd " + work + "; PS1='$ '; "
                    + "bind -x '\"\\C-x\": printf \"LINE<%s>\\n\" \"$READLINE_LINE\"'; echo READY-$((6 * 7))\n");
            bash.await(Pattern.compile("READY-42"), SHELL_TIMEOUT);
            Map<String, String> unique = new LinkedHashMap<>();
            unique.put("zrefresh --output=js", "zrefresh --output=json ");
            unique.put("zrefresh list --context=st", "zrefresh list --context=staging ");
            unique.put("zrefresh trigger --external-spec @ot", "zrefresh trigger --external-spec @other.json ");
            unique.put("zrefresh trigger --external-spec=@ot", "zrefresh trigger --external-spec=@other.json ");
            unique.put("zrefresh trigger --external-spec @specs", "zrefresh trigger --external-spec @specs/");
            unique.put(
                    "zrefresh external-collection refresh trigger --external-spec @sp",
                    "zrefresh external-collection refresh trigger --external-spec @spec");
            unique.put("zrefresh trigger --external-spec {", "zrefresh trigger --external-spec {");
            unique.put("zrefresh trigger --events=ot", "zrefresh trigger --events=other.json ");
            for (Map.Entry<String, String> line : unique.entrySet()) {
                bash.type(line.getKey() + "\t\u0018");
                bash.await(Pattern.compile(Pattern.quote("LINE<" + line.getValue() + ">")), SHELL_TIMEOUT);
                bash.type("\u0015");
            }
            Map<String, String> listed = new LinkedHashMap<>();
            listed.put("zrefresh --output=", "csv +json +table +text +yaml");
            listed.put("zrefresh --context=", "default +prod +staging");
            listed.put("zrefresh trigger --external-spec @", "@other\\.json +@spec\\.json +@specs/");
            for (Map.Entry<String, String> line : listed.entrySet()) {
                bash.type(line.getKey() + "\t\t");
                bash.await(Pattern.compile(line.getValue()), SHELL_TIMEOUT);
                bash.type("\u0015");
            }
            bash.type("exit\n").finish(SHELL_TIMEOUT);
        }
    }

    private Map<String, List<String>> bashComplete(String... lines) throws Exception {
        Path harness = home.resolve("complete.bash");
        Files.writeString(harness, """
                source "$1"
                shift
                # readline's compopt works only while it completes; here the function is called directly
                compopt() { :; }
                function=$(complete -p zrefresh | sed -E 's/.*-F ([^ ]+).*/\\1/')
                for line in "$@"; do
                  COMP_LINE="$line"
                  COMP_POINT=${#line}
                  read -ra COMP_WORDS <<< "$line"
                  [[ "$line" == *" " ]] && COMP_WORDS+=("")
                  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                  COMPREPLY=()
                  "$function" zrefresh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                  printf '%s' "$line"
                  printf '\\t%s' "${COMPREPLY[@]}"
                  printf '\\n'
                done
                """, StandardCharsets.UTF_8);
        String[] command = new String[lines.length + 3];
        command[0] = "bash";
        command[1] = harness.toString();
        command[2] = BASH_SCRIPT.toString();
        System.arraycopy(lines, 0, command, 3, lines.length);
        Result result = shell(command);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        Map<String, List<String>> completions = new LinkedHashMap<>();
        for (String line : result.out().split("\n")) {
            String[] fields = line.split("\t");
            completions.put(fields[0], Arrays.asList(fields).subList(1, fields.length));
        }
        return completions;
    }

    /**
     * zsh completes in a real interactive shell on a pseudo terminal (zsh's zpty), with the script
     * installed each of the two documented ways. A unique completion is read from the edited
     * line, a list from the screen.
     */
    @Test
    void zshCompletesThroughBashcompinitAutoloadedOrSourced() throws Exception {
        ExternalProgram.require("zsh", "zsh");
        Path functions = Files.createDirectories(home.resolve("zsh-functions"));
        Files.copy(ZSH_SCRIPT, functions.resolve("_zrefresh"));
        String autoloaded = "cd " + work + "; fpath=(" + functions + " $fpath); autoload -U compinit; compinit -u -D";
        String sourced = "cd " + work + "; autoload -U compinit; compinit -u -D; source " + ZSH_SCRIPT;
        for (String setup : List.of(autoloaded, sourced)) {
            zshShows(setup, "zrefresh tr\t", "LINE<zrefresh trigger >");
            zshShows(setup, "zrefresh --context p\t", "LINE<zrefresh --context prod >");
            zshShows(
                    setup,
                    "zrefresh external-collection refresh tr\t",
                    "LINE<zrefresh external-collection refresh trigger >");
            zshShows(setup, "zrefresh --output=js\t", "LINE<zrefresh --output=json >");
            zshShows(setup, "zrefresh list --context=st\t", "LINE<zrefresh list --context=staging >");
            zshShows(
                    setup,
                    "zrefresh trigger --external-spec @ot\t",
                    "LINE<zrefresh trigger --external-spec @other.json >");
            zshShows(
                    setup,
                    "zrefresh trigger --external-spec=@ot\t",
                    "LINE<zrefresh trigger --external-spec=@other.json >");
            zshShows(setup, "zrefresh trigger --events=ot\t", "LINE<zrefresh trigger --events=other.json >");
            zshShows(setup, "zrefresh trigger --events ot\t", "LINE<zrefresh trigger --events other.json >");
        }
        zshShows(autoloaded, "zrefresh -o \t", "csv*json*table*text*yaml");
        zshShows(autoloaded, "zrefresh --output=\t", "--output=csv*--output=json*--output=yaml");
        zshShows(autoloaded, "zrefresh context show \t", "default*prod*staging");
        zshShows(autoloaded, "zrefresh list --ci \t", "auto*github*gitlab*off");
        zshShows(autoloaded, "zrefresh trigger --external-spec @\t", "@other.json*@spec.json*@specs/");
    }

    /** Types keys (then Ctrl-X, which shows the edited line) in an interactive zsh; fails unless the screen shows the pattern. */
    private void zshShows(String setup, String keys, String pattern) throws Exception {
        Path driver = home.resolve("zpty.zsh");
        Files.writeString(driver, """
                zmodload zsh/zpty zsh/zselect
                # Reads the shell's screen until it matches the pattern; fails after a minute.
                await() {
                  local screen='' chunk
                  while (( SECONDS < 60 )); do
                    if zpty -r -t shell chunk; then screen+=$chunk; else zselect -t 10; fi
                    [[ $screen == ${~1} ]] && return 0
                  done
                  print -r -- "the screen never showed $1: ${(q+)screen}" >&2
                  return 1
                }
                zpty shell 'zsh -f -i'
                zpty -w shell 'show-line() { zle -M "LINE<$BUFFER>" }; zle -N show-line; bindkey "^X" show-line'
                zpty -w shell "$1; print READY-\\$((6 * 7))"
                await '*READY-42*' || exit 1
                zpty -w -n shell "$2"$'\\C-x'
                await "*$3*"
                shown=$?
                zpty -d shell
                exit $shown
                """, StandardCharsets.UTF_8);
        Result result = shell("zsh", "-f", driver.toString(), setup, keys, pattern);
        assertThat(result.exit())
                .as("zsh after %s, typing %s: %s", setup, keys, result)
                .isZero();
    }

    /** fish's own completion engine, asked with complete -C. */
    @Test
    void fishCompletesCommandsOptionValuesAndContextNames() throws Exception {
        ExternalProgram.require("fish", "fish");
        assertThat(fishComplete("zrefresh tr")).containsExactly("trigger");
        assertThat(fishComplete("zrefresh context ")).containsExactlyInAnyOrder("list", "show", "set", "delete");
        assertThat(fishComplete("zrefresh -o ")).containsExactlyInAnyOrder("table", "json", "yaml", "csv", "text");
        assertThat(fishComplete("zrefresh --context ")).containsExactlyInAnyOrder("default", "prod", "staging");
        assertThat(fishComplete("zrefresh -o json list --context st")).containsExactly("staging");
        assertThat(fishComplete("zrefresh context show ")).containsExactlyInAnyOrder("default", "prod", "staging");
        assertThat(fishComplete("zrefresh context show prod ")).isEmpty();
        assertThat(fishComplete("zrefresh external-collection refresh tr")).containsExactly("trigger");
        assertThat(fishComplete("zrefresh external-collection refresh trigger --on-active "))
                .containsExactlyInAnyOrder("fail", "wait", "skip");
        assertThat(fishComplete("zrefresh wait --job-")).containsExactly("--job-id");
        assertThat(fishComplete("zrefresh --ci ")).containsExactlyInAnyOrder("auto", "github", "gitlab", "off");
        assertThat(fishComplete("zrefresh trigger --name c --ci gi")).containsExactlyInAnyOrder("github", "gitlab");
        assertThat(fishComplete("zrefresh list --events ot")).as("file names").containsExactly("other.json");
        assertThat(fishComplete("zrefresh --output=j")).containsExactly("--output=json");
        assertThat(fishComplete("zrefresh list --context=st")).containsExactly("--context=staging");
        assertThat(fishComplete("zrefresh trigger --external-spec @"))
                .containsExactlyInAnyOrder("@other.json", "@spec.json", "@specs/");
        assertThat(fishComplete("zrefresh trigger --external-spec=@ot")).containsExactly("--external-spec=@other.json");
        assertThat(fishComplete("zrefresh external-collection refresh trigger --external-spec @sp"))
                .containsExactlyInAnyOrder("@spec.json", "@specs/");
        assertThat(fishComplete("zrefresh trigger --external-spec {")).isEmpty();
    }

    private List<String> fishComplete(String line) throws Exception {
        Result result = shell(
                "fish",
                "--no-config",
                "-c",
                "cd $argv[3]; source $argv[1]; complete -C $argv[2]",
                FISH_SCRIPT.toString(),
                line,
                work.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        return result.out().lines().map(completion -> completion.split("\t")[0]).toList();
    }

    private Result shell(String... command) throws Exception {
        return ExternalProgram.run(env, SHELL_TIMEOUT, command);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
