package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.Job;
import io.zrefresh.output.Table.Column;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Prints a command's value in the chosen format: data to stdout, nothing else. The value is the
 * one -o json prints; --query applies to it first, and the result is then laid out by the
 * general rules.
 */
public final class Printer {

    private static final String CSV_NEWLINE = "\r\n";
    private static final List<String> JOB_HEADERS =
            List.of("JOB ID", "COLLECTION", "STATE", "PROGRESS", "STARTED", "DURATION", "REASON");

    private final OutputSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final JobCells jobCells;

    public Printer(OutputSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.jobCells = new JobCells(settings.zone(), settings.clock());
    }

    public OutputFormat format() {
        return settings.format();
    }

    /**
     * @throws IllegalArgumentException when the --query fails on this value
     */
    public void print(JsonNode value, Shape shape) {
        JsonNode shown = settings.query() == null ? value : settings.query().apply(value);
        Shape layout = settings.query() == null ? shape : Shape.GENERIC;
        switch (settings.format()) {
            case JSON -> JsonWriter.write(shown, out);
            case YAML -> YamlWriter.write(shown, out);
            case TABLE -> table(shown, layout);
            case CSV -> csv(layout == Shape.JOB_LIST ? shown.path("records") : shown);
            case TEXT -> text(layout == Shape.JOB_LIST ? shown.path("records") : shown);
        }
        out.flush();
    }

    private void table(JsonNode value, Shape layout) {
        if (layout == Shape.JOB_LIST) {
            jobTable(value.path("records"));
        } else if (layout == Shape.JOB && value.isObject()) {
            keyValueTable(value, true);
        } else if (value.isObject()) {
            keyValueTable(value, false);
        } else if (value.isArray() && isAllObjects(value)) {
            Grid grid = Grid.of(value);
            Table table = new Table(grid.keys.stream().map(key -> Column.plain(key.toUpperCase(java.util.Locale.ROOT), true)).toList());
            grid.rows.forEach(row -> table.add(row.stream().map(Cells::text).toArray(String[]::new)));
            printTable(table);
        } else {
            lines(value);
        }
    }

    private void jobTable(JsonNode records) {
        Ansi ansi = settings.ansi();
        List<Column> columns = new ArrayList<>();
        for (String header : JOB_HEADERS) {
            boolean cuttable = header.equals("COLLECTION") || header.equals("REASON");
            UnaryOperator<String> paint = header.equals("STATE") ? ansi::state : UnaryOperator.identity();
            columns.add(new Column(header, cuttable, paint));
        }
        Table table = new Table(columns);
        for (JsonNode record : records) {
            Job job = new Job(record);
            table.add(Cells.text(record.get(Job.JOB_ID)), job.collectionName(), job.stateName(), jobCells.progress(job),
                    jobCells.time(job.startTime()), jobCells.duration(job), job.reason());
        }
        printTable(table);
        if (records.isEmpty()) {
            err.println("No refresh jobs found.");
        }
    }

    private void keyValueTable(JsonNode object, boolean isJob) {
        Ansi ansi = settings.ansi();
        Table table = new Table(List.of(Column.plain("KEY", false),
                new Column("VALUE", true, isJob ? value -> ansi.state(value) : UnaryOperator.identity())));
        Job job = new Job(object);
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            table.add(field.getKey(), isJob ? jobValue(job, field.getKey(), field.getValue()) : Cells.text(field.getValue()));
        }
        printTable(table);
    }

    private String jobValue(Job job, String key, JsonNode value) {
        return switch (key) {
            case Job.START_TIME, Job.END_TIME -> value.isIntegralNumber() ? jobCells.time(value.asLong()) : Cells.text(value);
            case Job.PROGRESS -> jobCells.progress(job);
            default -> Cells.text(value);
        };
    }

    private void printTable(Table table) {
        int width = settings.terminalWidth().getAsInt();
        table.print(out, settings.header(), width, settings.ansi());
    }

    private void csv(JsonNode value) {
        if (value.isArray() && isAllObjects(value)) {
            Grid grid = Grid.of(value);
            if (settings.header() && !grid.rows.isEmpty()) {
                out.print(csvLine(grid.keys));
            }
            grid.rows.forEach(row -> out.print(csvLine(row.stream().map(Cells::text).toList())));
        } else if (value.isObject()) {
            Grid grid = Grid.of(List.of(value));
            if (settings.header()) {
                out.print(csvLine(grid.keys));
            }
            out.print(csvLine(grid.rows.get(0).stream().map(Cells::text).toList()));
        } else if (value.isArray()) {
            value.forEach(element -> out.print(csvLine(List.of(Cells.text(element)))));
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.print(csvLine(List.of(Cells.text(value))));
        }
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.append(CSV_NEWLINE).toString();
    }

    private void text(JsonNode value) {
        if (value.isArray() && isAllObjects(value)) {
            Grid.of(value).rows.forEach(row -> out.print(textLine(row)));
        } else if (value.isObject()) {
            out.print(textLine(Grid.of(List.of(value)).rows.get(0)));
        } else {
            lines(value);
        }
    }

    private static String textLine(List<JsonNode> cells) {
        StringBuilder line = new StringBuilder();
        for (JsonNode cell : cells) {
            if (line.length() > 0) {
                line.append('\t');
            }
            // One record per line, whatever a value holds.
            line.append(Cells.text(cell).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        return line.append('\n').toString();
    }

    /** Scalars bare, arrays of scalars one per line, null as nothing. */
    private void lines(JsonNode value) {
        if (value.isArray()) {
            value.forEach(element -> out.print(Cells.text(element) + "\n"));
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.print(Cells.text(value) + "\n");
        }
    }

    private static boolean isAllObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** Objects as rows; columns are the keys in first-seen order. */
    private static final class Grid {
        final List<String> keys;
        final List<List<JsonNode>> rows = new ArrayList<>();

        private Grid(List<String> keys) {
            this.keys = keys;
        }

        static Grid of(Iterable<JsonNode> objects) {
            Set<String> keys = new LinkedHashSet<>();
            objects.forEach(object -> object.fieldNames().forEachRemaining(keys::add));
            Grid grid = new Grid(List.copyOf(keys));
            for (JsonNode object : objects) {
                List<JsonNode> row = new ArrayList<>(keys.size());
                keys.forEach(key -> row.add(object.get(key)));
                grid.rows.add(row);
            }
            return grid;
        }
    }
}
