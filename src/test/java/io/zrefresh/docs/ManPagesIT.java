package io.zrefresh.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed man pages, rendered by groff and man as a reader's terminal shows them. */
class ManPagesIT {

    private static final Path MAN = Path.of("man");
    private static final Map<String, String> PLAIN_TERMINAL = Map.of("LANG", "C.UTF-8", "MANWIDTH", "80");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<Path> pages() throws Exception {
        try (Stream<Path> files = Files.list(MAN)) {
            return files.sorted().toList();
        }
    }

    @Test
    void thereIsAPageForZrefreshAndEachCommand() throws Exception {
        assertThat(pages())
                .extracting(page -> page.getFileName().toString())
                .contains(
                        "zrefresh.1",
                        "zrefresh-trigger.1",
                        "zrefresh-describe.1",
                        "zrefresh-list.1",
                        "zrefresh-wait.1",
                        "zrefresh-shell.1",
                        "zrefresh-completion.1",
                        "zrefresh-context.1",
                        "zrefresh-context-list.1",
                        "zrefresh-context-show.1",
                        "zrefresh-context-set.1",
                        "zrefresh-context-delete.1",
                        "zrefresh-dev-server.1",
                        "zrefresh-external-collection.1",
                        "zrefresh-external-collection-refresh.1",
                        "zrefresh-external-collection-refresh-trigger.1",
                        "zrefresh-external-collection-refresh-describe.1",
                        "zrefresh-external-collection-refresh-list.1")
                .allMatch(name -> name.endsWith(".1"));
    }

    @Test
    void groffRendersEachPageWithoutWarningsAndWithTheStandardSections() throws Exception {
        ExternalProgram.require("groff", "groff-base");
        for (Path page : pages()) {
            String name = page.getFileName().toString().replaceFirst("\\.1$", "");
            // -ww: all warnings; -P-cbou: plain text, no bold or underline sequences
            Result rendered = ExternalProgram.run(
                    PLAIN_TERMINAL, TIMEOUT, "groff", "-man", "-Tutf8", "-ww", "-P-cbou", page.toString());
            assertThat(rendered.exit()).as("%s: %s", page, rendered.err()).isZero();
            assertThat(rendered.err()).as("groff's warnings on %s", page).isEmpty();
            assertThat(rendered.out())
                    .as(page.toString())
                    .contains(
                            "\nNAME\n       " + name + " - ",
                            "\nSYNOPSIS\n",
                            "\nDESCRIPTION\n",
                            "\nOPTIONS\n",
                            "\nEXIT STATUS\n",
                            "\n       7\n           an active refresh job blocks the trigger\n",
                            "\nEXAMPLES\n",
                            "\nSEE ALSO\n");
        }
    }

    @Test
    void manShowsTheTriggerPage() throws Exception {
        ExternalProgram.require("groff", "groff-base");
        ExternalProgram.require("man", "man-db");
        Result shown = ExternalProgram.run(
                PLAIN_TERMINAL,
                TIMEOUT,
                "man",
                "--warnings",
                "-l",
                MAN.resolve("zrefresh-trigger.1").toString());
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.err()).isEmpty();
        String text = shown.out().replaceAll(".\b", "");
        assertThat(text)
                .startsWith("ZREFRESH-TRIGGER(1)")
                .contains("NAME\n       zrefresh-trigger - Start a refresh job of an external collection;")
                .contains("SYNOPSIS\n       zrefresh trigger [-hV] [--debug] [--force]")
                .contains("       --on-active=ACTION\n           When a job of the collection is active: fail (exit 7)")
                .containsPattern("the credential shows as Bearer\\s+\\*\\*\\*\\)")
                .contains("EXIT STATUS\n       0\n           success (for wait/--wait: the job is RefreshCompleted)")
                .contains("EXAMPLES\n       Trigger a refresh and print only the new job's id:\n\n"
                        + "           zrefresh trigger --name books -o text\n")
                .contains("SEE ALSO\n       zrefresh(1)\n")
                .containsPattern("\nzrefresh \\S+ +" + ManPages.DATE + " +ZREFRESH-TRIGGER\\(1\\)\n");
    }

    @Test
    void zrefreshPageHasEnvironmentAndFiles() throws Exception {
        ExternalProgram.require("groff", "groff-base");
        Result rendered = ExternalProgram.run(
                PLAIN_TERMINAL,
                TIMEOUT,
                "groff",
                "-man",
                "-Tutf8",
                "-ww",
                "-P-cbou",
                MAN.resolve("zrefresh.1").toString());
        assertThat(rendered.out())
                .contains("ENVIRONMENT\n       ZILLIZ_ENDPOINT\n           Endpoint, when --endpoint is not given.\n")
                .contains(
                        "       ZILLIZ_CONFIG_DIR\n           Directory of config and credentials (default: ~/.zilliz).\n")
                .contains(
                        "FILES\n       ~/.zilliz/config\n           Contexts (INI): endpoint, database, cluster_id.\n")
                .contains("       ~/.zilliz/credentials\n           API key per context or [default] (mode 0600).\n")
                .contains("COMMANDS\n       trigger\n           Start a refresh job of an external collection;");
    }
}
