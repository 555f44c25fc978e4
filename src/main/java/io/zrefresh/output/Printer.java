package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.job.Job;
import io.zrefresh.json.Json;
import io.zrefresh.json.RecordsDocument;
import io.zrefresh.output.Table.Column;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Prints a command's value in the chosen format: data to stdout, nothing else. The value is the
 * one -o json prints; --query applies to it first, and the result is then laid out by the
 * general rules. A job list is streamed record by record wherever the format allows.
 */
public final class Printer {

    private static final String CSV_NEWLINE = "\r\n";
    private static final List<String> JOB_HEADERS =
            List.of("JOB ID", "COLLECTION", "STATE", "PROGRESS", "STARTED", "DURATION", "REASON");

    /** Produces records (JSON objects or values), each time it is asked, in the same order. */
    @FunctionalInterface
    private interface Records {
        void forEach(Consumer<JsonNode> record);
    }

    private final OutputSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    public Printer(OutputSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /**
     * @throws Query.EvaluationException when the --query fails on this value
     */
    public void print(JsonNode value, Shape shape) {
        JsonNode shown = settings.query() == null ? value : settings.query().apply(value);
        Shape layout = settings.query() == null ? shape : Shape.GENERIC;
        switch (settings.format()) {
            case JSON -> JsonWriter.json(out, generator -> Json.write(generator, shown));
            case YAML -> JsonWriter.yaml(out, generator -> Json.write(generator, shown));
            case TABLE -> table(shown, layout);
            case CSV -> csv(layout == Shape.JOB_LIST ? elements(shown.path("records")) : rowsOf(shown));
            case TEXT -> text(layout == Shape.JOB_LIST ? elements(shown.path("records")) : rowsOf(shown));
        }
        out.flush();
    }

    /**
     * Prints list's value, {@code {"records": [...]}}, keeping only some records, without ever
     * holding all of them (unless a --query needs the whole value).
     */
    public void printList(RecordsDocument data, Predicate<JsonNode> keep) {
        if (settings.query() != null) {
            print(data.tree(keep), Shape.JOB_LIST);
            return;
        }
        Records records = action -> data.forEachRecord(record -> {
            if (keep.test(record)) {
                action.accept(record);
            }
        });
        switch (settings.format()) {
            case JSON -> JsonWriter.json(out, generator -> data.write(generator, keep));
            case YAML -> JsonWriter.yaml(out, generator -> data.write(generator, keep));
            case TABLE -> jobTable(records);
            case CSV -> csv(records);
            case TEXT -> text(records);
        }
        out.flush();
    }

    private void table(JsonNode value, Shape layout) {
        if (layout == Shape.JOB_LIST) {
            jobTable(elements(value.path("records")));
        } else if (value.isObject()) {
            keyValueTable(value, layout == Shape.JOB);
        } else if (value.isArray() && isAllObjects(value)) {
            List<String> keys = keysOf(elements(value));
            List<Column> columns = keys.stream()
                    .map(key -> Column.plain(key.toUpperCase(Locale.ROOT), true))
                    .toList();
            printTable(new Table(columns, row -> value.forEach(object -> row.accept(cells(object, keys)))));
        } else {
            lines(value);
        }
    }

    private void jobTable(Records records) {
        Ansi ansi = settings.ansi();
        List<Column> columns = new ArrayList<>();
        for (String header : JOB_HEADERS) {
            boolean cuttable = header.equals("COLLECTION") || header.equals("REASON");
            UnaryOperator<String> paint = header.equals("STATE") ? ansi::state : UnaryOperator.identity();
            columns.add(new Column(header, cuttable, paint));
        }
        JobCells jobCells = new JobCells(settings.zone(), settings.clock().millis());
        // Rows are kept (the widths need them all) with repeated values shared: 100,000 jobs of a
        // few collections and states then take a few megabytes, and the list is parsed once.
        Map<String, String> shared = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        records.forEach(record -> {
            Job job = new Job(record);
            rows.add(new String[] {
                Cells.text(record.get(Job.JOB_ID)),
                share(shared, job.collectionName()),
                share(shared, job.stateName()),
                share(shared, jobCells.progress(job)),
                jobCells.time(job.startTime()),
                share(shared, jobCells.duration(job)),
                share(shared, job.reason())
            });
        });
        printTable(new Table(columns, rows::forEach));
        if (rows.isEmpty()) {
            err.println("No refresh jobs found.");
        }
    }

    private static String share(Map<String, String> shared, String value) {
        return shared.computeIfAbsent(value, first -> first);
    }

    private void keyValueTable(JsonNode object, boolean isJob) {
        Ansi ansi = settings.ansi();
        JobCells jobCells = new JobCells(settings.zone(), settings.clock().millis());
        Job job = new Job(object);
        List<String[]> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value =
                    isJob ? jobValue(jobCells, job, field.getKey(), field.getValue()) : Cells.text(field.getValue());
            rows.add(new String[] {field.getKey(), value});
        }
        List<Column> columns = List.of(
                Column.plain("KEY", false), new Column("VALUE", true, isJob ? ansi::state : UnaryOperator.identity()));
        printTable(new Table(columns, rows::forEach));
    }

    private static String jobValue(JobCells jobCells, Job job, String key, JsonNode value) {
        return switch (key) {
            case Job.START_TIME, Job.END_TIME ->
                value.isIntegralNumber() ? jobCells.time(value.asLong()) : Cells.text(value);
            case Job.PROGRESS -> jobCells.progress(job);
            default -> Cells.text(value);
        };
    }

    private void printTable(Table table) {
        table.print(out, settings.header(), settings.terminalWidth().getAsInt(), settings.ansi());
    }

    /**
     * RFC 4180: a header of the keys in first-seen order (one pass), then a row per record
     * (a second pass). A single value stands alone.
     */
    private void csv(Records records) {
        List<String> keys = keysOf(records);
        if (keys.isEmpty()) {
            records.forEach(value -> out.print(csvLine(List.of(Cells.text(value)))));
            return;
        }
        if (settings.header()) {
            out.print(csvLine(keys));
        }
        records.forEach(record -> out.print(csvLine(List.of(cells(record, keys)))));
    }

    private static String csvLine(List<String> cells) {
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
        return line.append(CSV_NEWLINE).toString();
    }

    /** Tab-separated, a record per line, no header; values bare. */
    private void text(Records records) {
        List<String> keys = keysOf(records);
        records.forEach(record -> {
            String[] cells = keys.isEmpty() ? new String[] {Cells.text(record)} : cells(record, keys);
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                // One record per line, whatever a value holds.
                line.append(cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            out.print(line.append('\n'));
        });
    }

    /** Scalars bare, arrays of scalars one per line, null as nothing. */
    private void lines(JsonNode value) {
        if (value.isArray()) {
            value.forEach(element -> out.print(Cells.text(element) + "\n"));
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.print(Cells.text(value) + "\n");
        }
    }

    /**
     * The rows a general value makes: an array's elements, an object alone (one row), a scalar
     * alone, and nothing for null.
     */
    private static Records rowsOf(JsonNode value) {
        if (value.isArray()) {
            return elements(value);
        }
        if (value.isNull() || value.isMissingNode()) {
            return action -> {};
        }
        return action -> action.accept(value);
    }

    private static Records elements(JsonNode array) {
        return array::forEach;
    }

    /** Keys of the records in first-seen order; none when any record is not an object. */
    private static List<String> keysOf(Records records) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        boolean[] allObjects = {true};
        records.forEach(record -> {
            if (record.isObject()) {
                record.fieldNames().forEachRemaining(key -> keys.put(key, Boolean.TRUE));
            } else {
                allObjects[0] = false;
            }
        });
        return allObjects[0] ? List.copyOf(keys.keySet()) : List.of();
    }

    private static String[] cells(JsonNode record, List<String> keys) {
        String[] cells = new String[keys.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Cells.text(record.get(keys.get(i)));
        }
        return cells;
    }

    private static boolean isAllObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }
}
