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
    /** Tab-separated, one record per line whatever a value holds, LF line ends. */
    TEXT {
        @Override
        String line(List<String> cells) {
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            return line.append('\n').toString();
        }
    };

    abstract String line(List<String> cells);
}
