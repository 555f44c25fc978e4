package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ProcessRun;
import io.zrefresh.support.PseudoTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What zrefresh promises about the key, its files and standard input (SECURITY.md), checked on the
 * packaged build run as a process: under a umask of 000, with stdin closed or holding bytes that
 * are no key, in a piped shell, and on a terminal.
 */
class SecurityIT extends DevServerTest {

    private static final String KEY_STDIN = "--api-key-stdin";

    private Path config;

    @BeforeEach
    void start() {
        server(Duration.ofSeconds(30));
        config = home.resolve(".zilliz");
    }

    /** A run against the dev server with the key in the environment, as in CI. */
    private ProcessRun withKeyInEnvironment() {
        return new ProcessRun(home)
                .env("ZILLIZ_ENDPOINT", dev.server.url().toString())
                .env("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filesStayPrivateUnderAUmaskOf000() throws Exception {
        ProcessRun run = new ProcessRun(home).through("sh", "-c", "umask 000; exec \"$@\"", "sh");
        Result set = run.stdin(bytes(DevServerFixture.TOKEN + "\n"))
                .run("context", "set", "default", "--endpoint", dev.server.url().toString(), KEY_STDIN);
        assertThat(set.exit()).as(set.toString()).isZero();
        Result trigger = run.stdin(new byte[0]).run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        try (PseudoTerminal shell = PseudoTerminal.zrefresh(run, "umask 000", "", "shell")) {
            shell.waitFor("> ").type("list --name ext_books -o text --query 'records[0].state'\r");
            shell.waitFor("Refresh").type("exit\r");
            assertThat(shell.exitStatus()).as(shell.text()).isZero();
        }

        assertThat(mode(config)).isEqualTo("rwx------");
        for (String file : List.of("config", "credentials", "zrefresh_history")) {
            assertThat(mode(config.resolve(file))).as(file).isEqualTo("rw-------");
        }
        assertThat(mode(config.resolve("locks"))).isEqualTo("rwx------");
        try (Stream<Path> locks = Files.list(config.resolve("locks"))) {
            assertThat(locks.toList())
                    .singleElement()
                    .satisfies(lock -> assertThat(mode(lock)).isEqualTo("rw-------"));
        }
    }

    @Test
    void whereTheConfigDirectoryCannotHoldLocksTheyGoToAPrivateTempDirectory() throws Exception {
        Files.createDirectories(config);
        Files.writeString(config.resolve("locks"), "a file where the directory should be");
        ProcessRun run = withKeyInEnvironment();
        Result trigger = run.run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        assertThat(trigger.err())
                .startsWith("Warning: cannot keep locks in " + config.resolve("locks") + ": not a directory; using ")
                .endsWith("locks instead.\n");

        Result shell = run.stdin(bytes("trigger --name ext_broken -o text\n")).run("shell");
        assertThat(shell.exit()).as(shell.toString()).isZero();
        assertThat(shell.err()).doesNotContain("Internal error");
    }

    @Test
    void aConfigDirectoryThatCannotExistIsAConfigurationErrorAndTheShellRunsWithoutHistory() throws Exception {
        Path file = Files.writeString(home.resolve("file"), "");
        ProcessRun run = withKeyInEnvironment()
                .env("ZILLIZ_CONFIG_DIR", file.resolve(".zilliz").toString());
        Result trigger = run.run("trigger", "--name", "ext_books");
        assertThat(trigger.exit()).as(trigger.toString()).isEqualTo(3);
        assertThat(trigger.err())
                .contains("Cannot read " + file.resolve(".zilliz").resolve("config") + ": not a");

        try (PseudoTerminal shell = PseudoTerminal.zrefresh(run, "", "", "shell")) {
            shell.waitFor("Warning: no history in this session: Cannot create the config directory "
                            + file.resolve(".zilliz"))
                    .waitFor("> ")
                    .type("exit\r");
            assertThat(shell.exitStatus()).as(shell.text()).isZero();
        }
    }

    @Test
    void closedStandardInputIsAUsageErrorWhereInputIsNeededAndEndsTheShell() throws Exception {
        ProcessRun closed = withKeyInEnvironment().through("sh", "-c", "exec \"$@\" <&-", "sh");
        Result set = closed.run("context", "set", "x", "--endpoint", "https://x.example", KEY_STDIN);
        assertThat(set.exit()).as(set.toString()).isEqualTo(2);
        assertThat(set.err()).startsWith("--api-key-stdin: standard input is closed; pipe it in");
        assertThat(config).doesNotExist();

        Result spec =
                closed.run("trigger", "--name", "ext_new", "--external-source", "s3://b/new/", "--external-spec", "@-");
        assertThat(spec.exit()).as(spec.toString()).isEqualTo(2);
        assertThat(spec.err()).startsWith("--external-spec: cannot read stdin: standard input is closed");

        Result shell = ProcessRun.finish(closed.start("shell"), Duration.ofSeconds(20));
        assertThat(shell.exit()).as(shell.toString()).isEqualTo(2);
        assertThat(shell.err()).isEqualTo("shell: cannot read its commands: standard input is closed\n");
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void aKeyFromStdinIsOneLineOfText() throws Exception {
        ProcessRun run = new ProcessRun(home);
        String[] set = {"context", "set", "x", "--endpoint", "https://x.example", KEY_STDIN};
        Object[][] cases = {
            {new byte[] {'s', 'k', 0, 'k', 'e', 'y', '\n'}, "the key has a control character (U+0000) at character 3"},
            {new byte[] {'s', 'k', (byte) 0xff, 'k', 'e', 'y', '\n'}, "the first line of standard input is not UTF-8"},
            {bytes("sk-key\u00a0two\n"), "the key has a character that is not ASCII (U+00A0"},
            {bytes("sk".repeat(3000)), "the first line of standard input is longer than 4096 bytes"},
            {bytes("\n"), "stdin held no API key"},
            {new byte[0], "stdin held no API key"}
        };
        for (Object[] given : cases) {
            Result result = run.stdin((byte[]) given[0]).run(set);
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).startsWith("--api-key-stdin: " + given[1]).doesNotContain("sk-key", "skkey");
        }
        assertThat(config).doesNotExist();
        Result twoLines = run.stdin(bytes("sk-first-line-1\r\nsecond line\n")).run(set);
        assertThat(twoLines.exit()).as(twoLines.toString()).isZero();
        assertThat(Files.readString(config.resolve("credentials"))).isEqualTo("[x]\napi_key = sk-first-line-1\n");
    }

    @Test
    void inAPipedShellTheLineAfterApiKeyStdinIsTheKeyAndNeverRuns() throws Exception {
        Result shell = new ProcessRun(home)
                .stdin(bytes(String.join(
                        "\n",
                        "context set \"bad]\" --api-key-stdin",
                        "sk-meant-for-a-bad-name-1",
                        "context set t --endpoint https://t.example --api-key-stdin",
                        "sk-piped-secret-2",
                        "context show t -o json",
                        "")))
                .run("shell");
        assertThat(shell.exit()).as(shell.toString()).isZero();
        assertThat(shell.out()).contains("\"api_key\": \"****et-2\"");
        assertThat(shell.err())
                .contains("'bad]' is not a context name", "Context \"t\" saved")
                .doesNotContain("Unmatched", "sk-meant", "sk-piped");
        assertThat(shell.out()).doesNotContain("sk-meant", "sk-piped");
        assertThat(Files.readString(config.resolve("credentials"))).isEqualTo("[t]\napi_key = sk-piped-secret-2\n");
    }

    @Test
    void onATerminalTheKeyIsAskedForOnStderrNotEchoedAndCtrlCCancels() throws Exception {
        Path out = home.resolve("out.txt");
        String[] set = {"context", "set", "t", "--endpoint", "https://t.example", KEY_STDIN};
        try (PseudoTerminal terminal = PseudoTerminal.zrefresh(new ProcessRun(home), "", "> '" + out + "'", set)) {
            terminal.waitFor("API key: ").type("sk-typed-secret-3\r");
            assertThat(terminal.exitStatus()).as(terminal.text()).isZero();
            assertThat(terminal.text()).contains("Context \"t\" saved").doesNotContain("sk-typed");
        }
        assertThat(out).as("the prompt is not data: stdout stays empty").isEmptyFile();
        assertThat(Files.readString(config.resolve("credentials"))).isEqualTo("[t]\napi_key = sk-typed-secret-3\n");

        try (PseudoTerminal terminal =
                PseudoTerminal.zrefresh(new ProcessRun(home), "", "", "context", "set", "u", KEY_STDIN)) {
            terminal.waitFor("API key: ").type("sk-half").type("\u0003");
            assertThat(terminal.exitStatus()).as(terminal.text()).isEqualTo(130);
            assertThat(terminal.text())
                    .contains("Interrupted; nothing was read.")
                    .doesNotContain("sk-half");
        }
        assertThat(Files.readString(config.resolve("config"))).doesNotContain("[u]");
    }

    @Test
    void theTerminalShellAsksForTheKeyAndKeepsItOutOfItsHistory() throws Exception {
        try (PseudoTerminal shell = PseudoTerminal.zrefresh(new ProcessRun(home), "", "", "shell")) {
            shell.waitFor("> ").type("context set t --endpoint https://t.example --api-key-stdin\r");
            shell.waitFor("API key: ").type("sk-shell-secret-4\r");
            shell.waitFor("Context \"t\" saved").type("exit\r");
            assertThat(shell.exitStatus()).as(shell.text()).isZero();
            assertThat(shell.text()).doesNotContain("sk-shell");
        }
        assertThat(Files.readString(config.resolve("credentials"))).isEqualTo("[t]\napi_key = sk-shell-secret-4\n");
        assertThat(Files.readString(config.resolve("zrefresh_history")))
                .contains("context set t --endpoint https://t.example --api-key-stdin")
                .doesNotContain("sk-shell");
    }
}
