package io.zrefresh.output;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Aligned columns separated by two spaces, measured in terminal columns ({@link DisplayWidth}).
 * On a terminal the table fits its width: cuttable columns give up room, widest first, and their
 * values end with an ellipsis; when that is not enough, each row is printed as a block of
 * HEADER value lines, as psql's expanded mode does. Piped output is never cut, so scripts see
 * whole values. The rows are asked for twice, once for the widths and once to print, so the
 * caller decides whether they are held or made again. Cells show control
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
        int[] widths = new int[columns.size()];
        int rowCount = measure(widths, header);
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        if (maxWidth > 0 && !fit(widths, maxWidth)) {
            if (rowCount > 0) {
                printExpanded(out, maxWidth, ansi);
            } else if (header) {
                out.print(ansi.bold(cut(String.join(GAP, headers), maxWidth)) + "\n");
            }
            return;
        }
        if (header) {
            printRow(out, headers, widths, true, ansi);
        }
        rows.forEach(row -> printRow(out, row, widths, false, ansi));
    }

    /** Sets each column's natural width (its widest value, or header); returns how many rows there are. */
    private int measure(int[] widths, boolean header) {
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header ? width(columns.get(c).header()) : 0;
        }
        int[] count = {0};
        rows.forEach(row -> {
            count[0]++;
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], width(SafeText.escape(row[c])));
            }
        });
        return count[0];
    }

    /** Narrows the cuttable columns until the table fits; false when it cannot. */
    private boolean fit(int[] widths, int maxWidth) {
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
                return false;
            }
            widths[widest]--;
            total--;
        }
        return true;
    }

    /** Each row as lines of header and value, rows apart by a blank line; values cut to the width. */
    private void printExpanded(PrintStream out, int maxWidth, Ansi ansi) {
        int labelWidth = 0;
        for (Column column : columns) {
            labelWidth = Math.max(labelWidth, width(column.header()));
        }
        int labels = labelWidth;
        int valueWidth = Math.max(maxWidth - labels - GAP.length(), 1);
        boolean[] first = {true};
        rows.forEach(row -> {
            StringBuilder block = new StringBuilder(first[0] ? "" : "\n");
            first[0] = false;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                String value = cut(SafeText.escape(row[c]), valueWidth);
                String line = ansi.bold(column.header())
                        + (value.isEmpty()
                                ? ""
                                : " ".repeat(labels - width(column.header()))
                                        + GAP
                                        + column.paint().apply(value));
                block.append(line).append('\n');
            }
            out.print(block);
        });
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
        return DisplayWidth.cut(text, width);
    }

    private static int width(String text) {
        return DisplayWidth.of(text);
    }
}
