package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.job.Job;
import io.zrefresh.json.Json;
import io.zrefresh.json.RecordsDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private static final String LIST = """
            {"records":[
              {"collectionName":"ext_books","endTime":0,"externalSource":"s3://bucket/books","jobId":466073417512550402,
               "progress":42,"startTime":1754550000123,"state":"RefreshInProgress"},
              {"collectionName":"ext_books","endTime":1754549065000,"externalSource":"s3://bucket/books","jobId":466073417512550401,
               "progress":37,"reason":"no files found in external source: s3://bucket/books","startTime":1754549000000,"state":"RefreshFailed"}
            ]}""";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1754550065123L), ZoneOffset.UTC);

    private Printer printer(OutputFormat format, String query, boolean header, boolean color, int width) {
        OutputSettings settings = new OutputSettings(
                format,
                query == null ? null : Query.compile(query),
                header,
                new Ansi(color),
                () -> width,
                ZoneId.of("Europe/Paris"),
                clock);
        return new Printer(
                settings,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String print(OutputFormat format, String json, Shape shape) throws Exception {
        printer(format, null, true, false, 0).print(Json.parse(json), shape);
        return stdout();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsPrettyExactAndEndsWithOneNewline() throws Exception {
        String printed = print(
                OutputFormat.JSON, "{\"jobId\":466073417512550401,\"unknown\":{\"a\":[]},\"x\":1.10}", Shape.GENERIC);
        assertThat(printed)
                .isEqualTo(
                        "{\n  \"jobId\": 466073417512550401,\n  \"unknown\": {\n    \"a\": []\n  },\n  \"x\": 1.10\n}\n");
    }

    @Test
    void yamlKeepsIdsExact() throws Exception {
        String printed = print(
                OutputFormat.YAML,
                "{\"jobId\":466073417512550401,\"externalSpec\":\"{\\\"format\\\":\\\"parquet\\\"}\",\"count\":\"123\"}",
                Shape.JOB);
        assertThat(printed)
                .isEqualTo(
                        "jobId: 466073417512550401\nexternalSpec: \"{\\\"format\\\":\\\"parquet\\\"}\"\ncount: \"123\"\n");
    }

    @Test
    void jobListTableHasTheJobColumnsLocalTimesAndDurations() throws Exception {
        String printed = print(OutputFormat.TABLE, LIST, Shape.JOB_LIST);
        assertThat(printed.lines())
                .containsExactly(
                        "JOB ID              COLLECTION  STATE              PROGRESS  STARTED              DURATION  REASON",
                        "466073417512550402  ext_books   RefreshInProgress  42%       2025-08-07 09:00:00  1m05s",
                        "466073417512550401  ext_books   RefreshFailed      37%       2025-08-07 08:43:20  1m05s     no files found in external source: s3://bucket/books");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void tablesFitATerminalAndCutWithAnEllipsis() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 100).print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(stdout())
                .contains("no files…")
                .contains("466073417512550401")
                .contains("ext_books");
    }

    private static final String WIDE_LIST = """
            {"records":[
              {"collectionName":"ext_unicode_数据","jobId":466073417512550402,"progress":42,"startTime":1754550000123,
               "state":"RefreshInProgress"},
              {"collectionName":"ext_books","jobId":466073417512550401,"progress":37,"startTime":1754549000000,
               "endTime":1754549065000,"state":"RefreshFailed","reason":"外部ソースにファイルが見つかりません: s3://bucket/本"}
            ]}""";

    @Test
    void wideCharactersCountTwoColumnsSoTheColumnsLineUp() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 0).print(Json.parse(WIDE_LIST), Shape.JOB_LIST);
        assertThat(stdout().lines())
                .extracting(line ->
                        DisplayWidth.of(line.substring(0, line.indexOf(line.startsWith("JOB") ? "STATE" : "Refresh"))))
                .as("STATE starts at the same terminal column on every line")
                .containsExactly(38, 38, 38);
        assertThat(stdout()).contains("外部ソースにファイルが見つかりません: s3://bucket/本");
    }

    @Test
    void wideValuesAreCutToTheTerminalWidth() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 110).print(Json.parse(WIDE_LIST), Shape.JOB_LIST);
        assertThat(stdout().lines())
                .allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(110));
        assertThat(stdout().lines())
                .containsExactly(
                        "JOB ID              COLLECTION      STATE              PROGRESS  STARTED              DURATION  REASON",
                        "466073417512550402  ext_unicode_…   RefreshInProgress  42%       2025-08-07 09:00:00  1m05s",
                        "466073417512550401  ext_books       RefreshFailed      37%       2025-08-07 08:43:20  1m05s     外部ソースに…");
    }

    @Test
    void onANarrowTerminalEachRowIsABlockOfHeaderAndValueLines() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 40).print(Json.parse(WIDE_LIST), Shape.JOB_LIST);
        assertThat(stdout().lines())
                .allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(40));
        assertThat(stdout().lines())
                .containsExactly(
                        "JOB ID      466073417512550402",
                        "COLLECTION  ext_unicode_数据",
                        "STATE       RefreshInProgress",
                        "PROGRESS    42%",
                        "STARTED     2025-08-07 09:00:00",
                        "DURATION    1m05s",
                        "REASON",
                        "",
                        "JOB ID      466073417512550401",
                        "COLLECTION  ext_books",
                        "STATE       RefreshFailed",
                        "PROGRESS    37%",
                        "STARTED     2025-08-07 08:43:20",
                        "DURATION    1m05s",
                        "REASON      外部ソースにファイルが見つ…");
    }

    @Test
    void onANarrowTerminalAnEmptyListShowsAsMuchOfTheHeaderAsFits() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 40).print(Json.parse("{\"records\":[]}"), Shape.JOB_LIST);
        assertThat(stdout()).isEqualTo("JOB ID  COLLECTION  STATE  PROGRESS  ST…\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("No refresh jobs found.\n");
    }

    @Test
    void aKeyValueTableStillFitsFortyColumnsAsATable() throws Exception {
        printer(OutputFormat.TABLE, null, true, false, 40)
                .print(
                        Json.parse(
                                "{\"jobId\":466073417512550402,\"externalSource\":\"s3://bucket/a/very/long/path/\"}"),
                        Shape.JOB);
        assertThat(stdout().lines())
                .containsExactly(
                        "KEY             VALUE",
                        "jobId           466073417512550402",
                        "externalSource  s3://bucket/a/very/long…");
    }

    @Test
    void statesAreColouredOnlyWhenColourIsOn() throws Exception {
        printer(OutputFormat.TABLE, null, false, true, 200).print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout()).contains("\u001b[33mRefreshInProgress\u001b[0m", "\u001b[31mRefreshFailed\u001b[0m");
        assertThat(stdout().lines().findFirst().orElseThrow()).startsWith("466073417512550402");
    }

    @Test
    void anEmptyListPrintsTheHeaderAndSaysSoOnStderr() throws Exception {
        String printed = print(OutputFormat.TABLE, "{\"records\":[]}", Shape.JOB_LIST);
        assertThat(printed).isEqualTo("JOB ID  COLLECTION  STATE  PROGRESS  STARTED  DURATION  REASON\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("No refresh jobs found.\n");
    }

    @Test
    void triggerRecordsOfSeveralCollectionsAreATableOfOutcomes() throws Exception {
        String records = """
                {"records":[
                  {"collectionName":"ext_books","outcome":"triggered","jobId":466073417512550402,"endTime":1754550065123,
                   "progress":100,"startTime":1754550000123,"state":"RefreshCompleted"},
                  {"collectionName":"ext_broken","outcome":"triggered","jobId":466073417512550403,"endTime":1754550010123,
                   "progress":44,"reason":"no files","startTime":1754550000123,"state":"RefreshFailed"},
                  {"collectionName":"plain_coll","outcome":"error",
                   "error":{"exitCode":5,"code":1100,"message":"Cannot check the refresh jobs of plain_coll"}}
                ]}""";
        assertThat(print(OutputFormat.TABLE, records, Shape.RECORDS).lines())
                .containsExactly(
                        "COLLECTION  OUTCOME    JOB ID              STATE             PROGRESS  DURATION  REASON",
                        "ext_books   triggered  466073417512550402  RefreshCompleted  100%      1m05s",
                        "ext_broken  triggered  466073417512550403  RefreshFailed     44%       10s       no files",
                        "plain_coll  error                                                                "
                                + "Cannot check the refresh jobs of plain_coll");
        out.reset();
        assertThat(print(OutputFormat.CSV, records, Shape.RECORDS))
                .as("csv keeps the raw fields")
                .startsWith("collectionName,outcome,jobId,endTime,progress,startTime,state,reason,error\r\n");
    }

    @Test
    void aSingleJobIsAKeyValueTable() throws Exception {
        String printed = print(OutputFormat.TABLE, """
                {"collectionName":"ext_books","endTime":0,"jobId":466073417512550402,"progress":42,"startTime":1754550000123,"state":"RefreshPending"}""", Shape.JOB);
        assertThat(printed.lines())
                .containsExactly(
                        "KEY             VALUE",
                        "collectionName  ext_books",
                        "endTime         -",
                        "jobId           466073417512550402",
                        "progress        42%",
                        "startTime       2025-08-07 09:00:00",
                        "state           RefreshPending");
    }

    @Test
    void csvIsRfc4180WithRawValues() throws Exception {
        String printed = print(OutputFormat.CSV, LIST, Shape.JOB_LIST);
        assertThat(printed)
                .isEqualTo("collectionName,endTime,externalSource,jobId,progress,startTime,state,reason\r\n"
                        + "ext_books,0,s3://bucket/books,466073417512550402,42,1754550000123,RefreshInProgress,\r\n"
                        + "ext_books,1754549065000,s3://bucket/books,466073417512550401,37,1754549000000,RefreshFailed,"
                        + "no files found in external source: s3://bucket/books\r\n");
        out.reset();
        printer(OutputFormat.CSV, null, false, false, 0)
                .print(Json.parse("[{\"a\":\"x,\\\"y\\\"\",\"b\":\"line\\nbreak\"}]"), Shape.GENERIC);
        assertThat(stdout()).isEqualTo("\"x,\"\"y\"\"\",\"line\nbreak\"\r\n");
    }

    @Test
    void textIsTabSeparatedWithoutHeaderAndScalarsBare() throws Exception {
        assertThat(print(OutputFormat.TEXT, "{\"jobId\":466073417512550401}", Shape.GENERIC))
                .isEqualTo("466073417512550401\n");
        out.reset();
        assertThat(print(
                        OutputFormat.TEXT,
                        "{\"records\":[{\"jobId\":1,\"state\":\"RefreshCompleted\"},{\"jobId\":2,\"state\":\"RefreshFailed\"}]}",
                        Shape.JOB_LIST))
                .isEqualTo("1\tRefreshCompleted\n2\tRefreshFailed\n");
    }

    @Test
    void queryAppliesBeforeFormattingAndThenGeneralRulesHold() throws Exception {
        printer(OutputFormat.TEXT, "records[?state=='RefreshFailed'].jobId", true, false, 0)
                .print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout()).isEqualTo("466073417512550401\n");
        out.reset();
        printer(OutputFormat.TABLE, "records[].{id: jobId, state: state}", true, false, 0)
                .print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout().lines())
                .containsExactly(
                        "ID                  STATE",
                        "466073417512550402  RefreshInProgress",
                        "466073417512550401  RefreshFailed");
        out.reset();
        printer(OutputFormat.JSON, "records[0].jobId", true, false, 0).print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout()).isEqualTo("466073417512550402\n");
    }

    @Test
    void aListOfListsIsARowPerInnerListInTextAndCsv() throws Exception {
        String query = "records[].[jobId, state]";
        printer(OutputFormat.TEXT, query, true, false, 0).print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout()).isEqualTo("466073417512550402\tRefreshInProgress\n466073417512550401\tRefreshFailed\n");
        out.reset();
        printer(OutputFormat.CSV, query, true, false, 0).print(Json.parse(LIST), Shape.JOB_LIST);
        assertThat(stdout()).isEqualTo("466073417512550402,RefreshInProgress\r\n466073417512550401,RefreshFailed\r\n");
    }

    @Test
    void noHeaderDropsTheHeaderRow() throws Exception {
        printer(OutputFormat.TABLE, null, false, false, 0).print(Json.parse("[{\"a\":1}]"), Shape.GENERIC);
        assertThat(stdout()).isEqualTo("1\n");
    }

    @Test
    void streamedListsPrintWhatTheTreePrintsInEveryFormat() throws Exception {
        RecordsDocument document = RecordsDocument.of(
                ("{\"code\":0,\"data\":" + LIST + "}").getBytes(StandardCharsets.UTF_8), "data", "records");
        for (OutputFormat format : OutputFormat.values()) {
            out.reset();
            printer(format, null, true, false, 0).print(Json.parse(LIST), Shape.JOB_LIST);
            String fromTree = stdout();
            out.reset();
            printer(format, null, true, false, 0).printList(document, record -> true);
            assertThat(stdout()).as(format.id()).isEqualTo(fromTree);
        }
        out.reset();
        printer(OutputFormat.TEXT, null, true, false, 0)
                .printList(document, record -> record.path("state").asText().equals("RefreshFailed"));
        assertThat(stdout())
                .startsWith("ext_books\t1754549065000\t")
                .endsWith("\tno files found in external source: s3://bucket/books\t1754549000000\tRefreshFailed\n");
    }

    @Test
    void anInvalidQueryNamesTheExpressionAndPosition() {
        assertThatThrownBy(() -> Query.compile("records[?state=='X'"))
                .hasMessageContaining("records[?state=='X'")
                .hasMessageContaining("position 19");
    }

    @Test
    void progressLinesInLogsChangeOnlyOnStateOrTenPoints() throws Exception {
        ProgressPrinter log = ProgressPrinter.forLog(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int[] progress = {0, 0, 5, 9, 10, 15, 25, 99, 100};
        String[] states = {
            "RefreshPending",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshInProgress",
            "RefreshCompleted"
        };
        for (int i = 0; i < progress.length; i++) {
            JsonNode job = Json.object().put("jobId", 7).put("state", states[i]).put("progress", progress[i]);
            log.update(new Job(job), Duration.ofSeconds(i * 2L));
        }
        log.finish();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r").isEqualTo("""
                job 7: RefreshPending 0% (waited 0s)
                job 7: RefreshInProgress 0% (waited 2s)
                job 7: RefreshInProgress 10% (waited 8s)
                job 7: RefreshInProgress 25% (waited 12s)
                job 7: RefreshInProgress 99% (waited 14s)
                job 7: RefreshCompleted 100% (waited 16s)
                """);
    }
}
