package io.zrefresh.output;

import java.util.List;

/** How a row of cells becomes one line of csv or text output. */
enum Delimited {
    /** RFC 4180: comma-separated, quoted where a cell needs it, CRLF line ends. */
    CSV {
        @Override
        String line(List<String> cells) {
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (line.length() > 0) {
                    line.append(',');
                }
                boolean quote = cell.indexOf(',') >= 0
                        || cell.indexOf('"') >= 0
                        || cell.indexOf('\n') >= 0
                        || cell.indexOf('\r') >= 0;
                line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            return line.append("\r\n").toString();
        }
    },
    /**
     * Tab-separated, LF line ends; control characters in values as escapes ({@code \t}, {@code \n},
     * {@code \u001b}), so a record is one line and a value one field whatever it holds, and server
     * text cannot drive the terminal or a CI log that shows it. Exact values: json or csv.
     */
    TEXT {
        @Override
        String line(List<String> cells) {
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(SafeText.escape(cell));
            }
            return line.append('\n').toString();
        }
    };

    abstract String line(List<String> cells);
}
