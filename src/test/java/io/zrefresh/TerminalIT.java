package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ProcessRun;
import io.zrefresh.support.PseudoTerminal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What zrefresh prints on a terminal, run on a pseudo-terminal of the width a person has. */
class TerminalIT extends DevServerTest {

    @Test
    void tablesFitAFortyColumnTerminal() throws Exception {
        server(Duration.ofSeconds(60));
        Map<String, String> env = Map.of(
                "PATH", System.getenv("PATH"),
                "HOME", home.toString(),
                "ZILLIZ_CONFIG_DIR", home.resolve(".zilliz").toString(),
                "LANG", "C.UTF-8",
                "ZILLIZ_ENDPOINT", dev.server.url().toString(),
                "ZILLIZ_API_KEY", DevServerFixture.TOKEN);
        ProcessRun piped = new ProcessRun(home);
        env.forEach(piped::env);
        Result trigger = piped.run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        String command =
                ProcessRun.command().stream().map(word -> "'" + word + "'").collect(Collectors.joining(" "));
        for (String args :
                new String[] {"list", "describe --job-id " + trigger.out().strip()}) {
            String shown;
            try (PseudoTerminal terminal = PseudoTerminal.start(env, 40, command + " " + args)) {
                shown = terminal.finish(Duration.ofSeconds(60));
            }
            assertThat(shown.lines())
                    .as("zrefresh %s on 40 columns:\n%s", args, shown)
                    .isNotEmpty()
                    .allSatisfy(line ->
                            assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(40));
            assertThat(shown).contains(trigger.out().strip(), "ext_books");
        }
        Result pipedList = piped.run("list");
        assertThat(pipedList.out().lines().findFirst().orElseThrow())
                .as("piped output is never fitted")
                .startsWith("JOB ID              COLLECTION  STATE");
    }
}
