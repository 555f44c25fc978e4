package io.zrefresh.output;

import io.zrefresh.job.Job;
import io.zrefresh.output.Table.Column;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The table of jobs a CI report shows at the end of a step: collection, job id, state, progress,
 * duration, reason. As Markdown for a GitHub step summary (server text escaped so that it cannot
 * become markup, links or HTML, and the whole kept within a size), or as aligned text for a log.
 */
public final class SummaryTable {

    /** A summary shows the start of a long reason; the job itself has all of it. */
    static final int MAX_REASON = 300;

    private static final List<String> HEADERS =
            List.of("COLLECTION", "JOB ID", "STATE", "PROGRESS", "DURATION", "REASON");
    private static final String MARKDOWN_HEADER =
            "| Collection | Job ID | State | Progress | Duration | Reason |\n|---|---|---|---|---|---|\n";
    /** Characters that Markdown or HTML would read as markup in a cell (GitHub also reads $ as math). */
    private static final String MARKUP = "\\`*_[]<>|~&$";

    /** One row: a job, or a collection's outcome when it has no job to show. */
    public record Row(String collection, String jobId, String state, String progress, String duration, String reason) {

        /** A job as last seen; {@code nowMillis} ends the duration of a job still running. */
        public static Row of(Job job, long nowMillis) {
            JobCells cells = new JobCells(ZoneOffset.UTC, nowMillis);
            return new Row(
                    job.collectionName(),
                    job.id().toString(),
                    job.stateName(),
                    cells.progress(job),
                    cells.duration(job),
                    job.reason());
        }

        String[] cells() {
            return new String[] {collection, jobId, state, progress, duration, cut(reason)};
        }
    }

    private SummaryTable() {}

    /**
     * A Markdown section: the heading, then the table with as many rows as fit in {@code maxBytes}
     * of UTF-8 (a last line says how many were left out).
     *
     * @return the section, or null when not even the heading and one line fit
     */
    public static String markdown(String heading, List<Row> rows, long maxBytes) {
        StringBuilder text =
                new StringBuilder("### ").append(markdownCell(heading)).append("\n\n");
        if (rows.isEmpty()) {
            text.append("No refresh jobs.\n\n");
            return bytes(text) <= maxBytes ? text.toString() : null;
        }
        text.append(MARKDOWN_HEADER);
        // Room for the note on rows left out, whatever their number.
        long budget = maxBytes - 100;
        long size = bytes(text);
        if (size > budget) {
            return null;
        }
        int shown = 0;
        for (Row row : rows) {
            StringBuilder line = new StringBuilder("|");
            for (String cell : row.cells()) {
                line.append(' ').append(markdownCell(cell)).append(" |");
            }
            line.append('\n');
            long lineSize = bytes(line);
            if (size + lineSize > budget) {
                break;
            }
            text.append(line);
            size += lineSize;
            shown++;
        }
        if (shown < rows.size()) {
            text.append("\n… and ")
                    .append(rows.size() - shown)
                    .append(" more (cut to keep the summary under its size limit)\n");
        }
        return text.append('\n').toString();
    }

    /** The table as aligned text, never cut to a width (a CI log has none). */
    public static void text(PrintStream out, String heading, List<Row> rows) {
        out.println(SafeText.escape(heading));
        if (rows.isEmpty()) {
            out.println("No refresh jobs.");
        } else {
            List<Column> columns =
                    HEADERS.stream().map(header -> Column.plain(header, true)).toList();
            new Table(
                            columns,
                            // Table shows control characters as escapes
                            each -> rows.forEach(row -> each.accept(row.cells())))
                    .print(out, true, 0, new Ansi(false));
        }
        out.flush();
    }

    /** Server text as one cell of Markdown: control characters visible, markup characters escaped. */
    static String markdownCell(String text) {
        String safe = SafeText.escape(text);
        StringBuilder cell = new StringBuilder(safe.length());
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                cell.append('\\');
            }
            cell.append(c);
        }
        return cell.toString();
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    private static long bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
