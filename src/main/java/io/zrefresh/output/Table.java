package io.zrefresh.output;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Aligned columns separated by two spaces. On a terminal the table fits its width: cuttable
 * columns give up room, widest first, and their values end with an ellipsis. Piped output is
 * never cut, so scripts see whole values. The rows are asked for twice, once for the widths and
 * once to print, so the caller decides whether they are held or made again. Cells show control
 * characters as escapes ({@link SafeText}): a table is for people, and its values come from the
 * server.
 */
final class Table {

    private static final int MIN_CUT_WIDTH = 8;
    private static final String GAP = "  ";

    /** A column: its header, whether it may be cut, and how to paint a cell (colour). */
    record Column(String header, boolean cuttable, UnaryOperator<String> paint) {
        static Column plain(String header, boolean cuttable) {
            return new Column(header, cuttable, UnaryOperator.identity());
        }
    }

    /** Produces the rows, each time it is asked, in the same order. */
    @FunctionalInterface
    interface Rows {
        void forEach(Consumer<String[]> row);
    }

    private final List<Column> columns;
    private final Rows rows;

    Table(List<Column> columns, Rows rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param maxWidth the terminal's width, or 0 when not on a terminal (no fitting, no cutting)
     */
    void print(PrintStream out, boolean header, int maxWidth, Ansi ansi) {
        int[] widths = naturalWidths(header);
        if (maxWidth > 0) {
            fit(widths, maxWidth);
        }
        if (header) {
            printRow(out, columns.stream().map(Column::header).toArray(String[]::new), widths, true, ansi);
        }
        rows.forEach(row -> printRow(out, row, widths, false, ansi));
    }

    private int[] naturalWidths(boolean header) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header ? columns.get(c).header().length() : 0;
        }
        rows.forEach(row -> {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], width(SafeText.escape(row[c])));
            }
        });
        return widths;
    }

    private void fit(int[] widths, int maxWidth) {
        int total = (widths.length - 1) * GAP.length();
        for (int width : widths) {
            total += width;
        }
        while (total > maxWidth) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                if (columns.get(c).cuttable()
                        && widths[c] > MIN_CUT_WIDTH
                        && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    private void printRow(PrintStream out, String[] cells, int[] widths, boolean isHeader, Ansi ansi) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String text = cut(SafeText.escape(cells[c]), widths[c]);
            line.append(isHeader ? ansi.bold(text) : columns.get(c).paint().apply(text));
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - width(text))).append(GAP);
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        out.print(line.append('\n'));
    }

    private static String cut(String text, int width) {
        if (width(text) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    /** Columns a value takes: code points (enough for the ASCII and Latin text of job data). */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
