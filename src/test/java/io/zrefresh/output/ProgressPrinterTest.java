package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.job.Job;
import io.zrefresh.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private static Job job(long id, String collection, String state, int progress) {
        return new Job(Json.object()
                .put("jobId", id)
                .put("collectionName", collection)
                .put("state", state)
                .put("progress", progress));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * What a terminal of this width shows after these bytes: carriage returns, cursor-up and
     * erase-line applied, and a line longer than the width wrapped (so a trail would show).
     */
    private static String screen(String bytes, int width) {
        List<StringBuilder> rows = new ArrayList<>();
        rows.add(new StringBuilder());
        int row = 0;
        int column = 0;
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row++;
                column = 0;
                if (row == rows.size()) {
                    rows.add(new StringBuilder());
                }
            } else if (c == '\u001b') {
                int end = i + 2;
                while (!Character.isLetter(bytes.charAt(end))) {
                    end++;
                }
                String argument = bytes.substring(i + 2, end);
                switch (bytes.charAt(end)) {
                    case 'A' -> row -= Integer.parseInt(argument);
                    case 'K' -> rows.get(row).setLength(0);
                    default -> {}
                }
                i = end;
            } else {
                if (column == width) {
                    row++;
                    column = 0;
                    if (row == rows.size()) {
                        rows.add(new StringBuilder());
                    }
                }
                StringBuilder line = rows.get(row);
                if (line.length() > column) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        return String.join("\n", rows);
    }

    @Test
    void oneJobOnATerminalIsOneLineRedrawnInPlace() {
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 80, false);
        live.update(job(7, "books", "RefreshInProgress", 25), Duration.ofSeconds(65));
        live.update(job(7, "books", "RefreshInProgress", 50), Duration.ofSeconds(67));
        live.finish();
        assertThat(printed())
                .startsWith("\r\u001b[2Kjob 7  RefreshInProgress  ██████░░░")
                .endsWith("\n");
        assertThat(screen(printed(), 80)).isEqualTo("job 7  RefreshInProgress  ████████████░░░░░░░░░░░░  50%  1m07s\n");
    }

    @Test
    void severalJobsOnATerminalAreALiveLineEachNamingTheCollection() {
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 80, true);
        live.update(job(7, "books", "RefreshInProgress", 10), Duration.ofSeconds(2));
        live.update(job(8, "events", "RefreshPending", 0), Duration.ofSeconds(2));
        live.update(job(7, "books", "RefreshCompleted", 100), Duration.ofSeconds(4));
        live.update(job(8, "events", "RefreshInProgress", 50), Duration.ofSeconds(4));
        live.finish();
        assertThat(screen(printed(), 80).lines())
                .containsExactly(
                        "books  job 7  RefreshCompleted  ████████████████████████ 100%  4s",
                        "events  job 8  RefreshInProgress  ████████████░░░░░░░░░░░░  50%  4s");
    }

    @Test
    void onANarrowTerminalTheLinesFitAndRedrawWithoutATrail() {
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(true), () -> 40, true);
        for (int i = 0; i <= 10; i++) {
            live.update(job(466073417512550401L, "ext_books", "RefreshInProgress", i * 9), Duration.ofSeconds(i));
            live.update(job(466073417512550402L, "ext_events", "RefreshInProgress", i * 5), Duration.ofSeconds(i));
        }
        live.finish();
        String shown = screen(printed().replaceAll("\u001b\\[[0-9;]*m", ""), 40);
        assertThat(shown.lines())
                .as("state and percentage stay; bar and job id go")
                .containsExactly("ext_books  RefreshInProgress  90%  10s", "ext_events  RefreshInProgress  50%  10s");
    }

    @Test
    void onAVeryNarrowTerminalTheLabelIsCutFirst() {
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 30, true);
        live.update(job(7, "ext_books_of_the_library", "RefreshInProgress", 42), Duration.ZERO);
        assertThat(screen(printed(), 30)).isEqualTo("ext_b… RefreshInProgress  42%");
        err.reset();
        ProgressPrinter tiny = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 12, false);
        tiny.update(job(7, "books", "RefreshInProgress", 42), Duration.ZERO);
        assertThat(screen(printed(), 12)).isEqualTo("RefreshInP…");
    }

    @Test
    void wideCharactersCountTwoColumnsSoTheLineStillFits() {
        for (int width : new int[] {80, 40, 30}) {
            err.reset();
            ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> width, true);
            live.update(job(7, "ext_数据_图书馆的全部书籍", "RefreshInProgress", 42), Duration.ofSeconds(5));
            String drawn = printed().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replace("\r", "");
            assertThat(DisplayWidth.of(drawn))
                    .as("%s at width %d", drawn, width)
                    .isLessThan(width);
            assertThat(drawn).contains("RefreshInProgress", "42%");
        }
    }

    @Test
    void aWideEnoughNarrowTerminalKeepsStateAndPercentWithoutTheBar() {
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 60, false);
        live.update(job(466073417512550401L, "ext_books", "RefreshInProgress", 42), Duration.ofSeconds(65));
        assertThat(screen(printed(), 60)).isEqualTo("job 466073417512550401  RefreshInProgress  42%  1m05s");
    }

    @Test
    void serverTextCannotMoveTheCursorOrForgeALogLine() {
        ProgressPrinter log = ProgressPrinter.forLog(stream, true);
        log.update(job(7, "books\n::error::forged", "Refresh\u001b[2JDone\r", 5), Duration.ZERO);
        assertThat(printed())
                .isEqualTo("books\\n::error::forged  job 7: Refresh\\u001b[2JDone\\r 5% (waited 0s)\n")
                .doesNotContain("\u001b");
        err.reset();
        ProgressPrinter live = ProgressPrinter.forTerminal(stream, new Ansi(false), () -> 120, false);
        live.update(job(7, "books", "Refresh\u001b[2J", 5), Duration.ZERO);
        assertThat(printed()).contains("Refresh\\u001b[2J").doesNotContain("\u001b[2J");
    }

    @Test
    void inALogEachOfSeveralJobsGetsItsOwnLinesByTheTenPointRule() {
        ProgressPrinter log = ProgressPrinter.forLog(stream, true);
        log.update(job(7, "books", "RefreshInProgress", 0), Duration.ZERO);
        log.update(job(8, "events", "RefreshInProgress", 0), Duration.ZERO);
        log.update(job(7, "books", "RefreshInProgress", 5), Duration.ofSeconds(2));
        log.update(job(8, "events", "RefreshInProgress", 10), Duration.ofSeconds(2));
        log.update(job(7, "books", "RefreshCompleted", 100), Duration.ofSeconds(4));
        assertThat(printed()).doesNotContain("\r").isEqualTo("""
                books  job 7: RefreshInProgress 0% (waited 0s)
                events  job 8: RefreshInProgress 0% (waited 0s)
                events  job 8: RefreshInProgress 10% (waited 2s)
                books  job 7: RefreshCompleted 100% (waited 4s)
                """);
    }
}
