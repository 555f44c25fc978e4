package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.job.Job;
import io.zrefresh.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static Job job(long id, String collection, String state, String reason) {
        return new Job(Json.object()
                .put("jobId", id)
                .put("collectionName", collection)
                .put("state", state)
                .put("progress", 40)
                .put("startTime", 1_000_000L)
                .put("endTime", 1_065_000L)
                .put("reason", reason));
    }

    @Test
    void aJobIsARowOfItsCollectionIdStateProgressDurationAndReason() {
        String markdown = SummaryTable.markdown(
                "zrefresh trigger",
                List.of(SummaryTable.Row.of(job(466073417512550401L, "books", "RefreshFailed", "no files"), 0)),
                10_000);
        assertThat(markdown).isEqualTo("""
                ### zrefresh trigger

                | Collection | Job ID | State | Progress | Duration | Reason |
                |---|---|---|---|---|---|
                | books | 466073417512550401 | RefreshFailed | 40% | 1m05s | no files |

                """);
    }

    @Test
    void serverTextCannotBecomeMarkupLinksHtmlOrNewRows() {
        String reason = "x | y\n| forged | row |\n<img src=x onerror=alert(1)> [click](https://evil) **bold** $math$";
        String markdown = SummaryTable.markdown(
                "zrefresh trigger",
                List.of(SummaryTable.Row.of(job(7, "ext_|books", "RefreshFailed", reason), 0)),
                10_000);
        String row =
                markdown.lines().filter(line -> line.contains("7")).findFirst().orElseThrow();
        assertThat(markdown.lines()).hasSize(6);
        assertThat(row)
                .contains("ext\\_\\|books")
                .contains("x \\| y\\\\n\\| forged \\| row \\|\\\\n")
                .contains("\\<img src=x onerror=alert(1)\\>")
                .contains("\\[click\\](https://evil)")
                .contains("\\*\\*bold\\*\\*")
                .contains("\\$math\\$");
        assertThat(row.replace("\\|", "")).matches("\\|( [^|]* \\|){6}");
    }

    @Test
    void aLongReasonIsCutInTheTable() {
        String markdown = SummaryTable.markdown(
                "h", List.of(SummaryTable.Row.of(job(7, "books", "RefreshFailed", "r".repeat(5000)), 0)), 100_000);
        assertThat(markdown).contains("r".repeat(SummaryTable.MAX_REASON) + "…").doesNotContain("r".repeat(301));
    }

    @Test
    void theTableStaysWithinItsSizeAndSaysHowManyRowsAreLeftOut() {
        List<SummaryTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(SummaryTable.Row.of(job(466073417512550401L + i, "books", "RefreshCompleted", ""), 0));
        }
        String markdown = SummaryTable.markdown("zrefresh list --watch", rows, 50_000);
        assertThat(markdown.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(50_000);
        long shown = markdown.lines().filter(line -> line.startsWith("| books")).count();
        assertThat(shown).isBetween(500L, 10_000L - 1);
        assertThat(markdown).contains("… and " + (10_000 - shown) + " more");
        assertThat(SummaryTable.markdown("h", rows, 50))
                .as("not even the heading fits")
                .isNull();
    }

    @Test
    void asTextTheTableIsAlignedWithEscapedServerText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryTable.text(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                "zrefresh wait",
                List.of(SummaryTable.Row.of(job(7, "books", "RefreshFailed", "bad\r\u001b[2Jthing"), 0)));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                zrefresh wait
                COLLECTION  JOB ID  STATE          PROGRESS  DURATION  REASON
                books       7       RefreshFailed  40%       1m05s     bad\\r\\u001b[2Jthing
                """);
    }
}
