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

    private static final List<String> OUTCOME_HEADERS =
            List.of("COLLECTION", "OUTCOME", "JOB ID", "STATE", "PROGRESS", "DURATION", "REASON");
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
            case CSV -> delimited(rowsOf(shown, layout), Delimited.CSV);
            case TEXT -> delimited(rowsOf(shown, layout), Delimited.TEXT);
        }
        out.flush();
    }

    /**
     * Prints an array of objects whose keys are known before any object is seen, so that an empty
     * table still shows its header, as an empty job list does.
     */
    public void printRecords(JsonNode records, List<String> keys) {
        if (settings.query() == null && settings.format() == OutputFormat.TABLE && records.isEmpty()) {
            printTable(new Table(columnsOf(keys), row -> {}));
            out.flush();
            return;
        }
        print(records, Shape.GENERIC);
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
            case CSV -> delimited(records, Delimited.CSV);
            case TEXT -> delimited(records, Delimited.TEXT);
        }
        out.flush();
    }

    /**
     * One compact JSON line of a value (a watched list's job), after --query, whatever the format:
     * lines that a pipeline reads as they come.
     */
    public void printLine(JsonNode value) {
        JsonNode shown = settings.query() == null ? value : settings.query().apply(value);
        out.print(Json.compact(shown) + "\n");
        out.flush();
    }

    private void table(JsonNode value, Shape layout) {
        if (layout == Shape.JOB_LIST) {
            jobTable(elements(value.path("records")));
        } else if (layout == Shape.RECORDS) {
            outcomeTable(value.path("records"));
        } else if (value.isObject()) {
            keyValueTable(value, layout == Shape.JOB);
        } else if (value.isArray() && isAllObjects(value)) {
            List<String> keys = keysOf(elements(value));
            printTable(new Table(
                    columnsOf(keys),
                    row -> value.forEach(
                            object -> row.accept(cells(object, keys).toArray(String[]::new)))));
        } else {
            lines(value);
        }
    }

    private static List<Column> columnsOf(List<String> keys) {
        return keys.stream()
                .map(key -> Column.plain(key.toUpperCase(Locale.ROOT), true))
                .toList();
    }

    private void jobTable(Records records) {
        List<Column> columns = jobColumns(JOB_HEADERS);
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

    /**
     * Trigger over several collections, for people: a row per collection with its outcome and what
     * is known of its job, the reason column holding the job's reason or the error's message.
     */
    private void outcomeTable(JsonNode records) {
        List<Column> columns = jobColumns(OUTCOME_HEADERS);
        JobCells jobCells = new JobCells(settings.zone(), settings.clock().millis());
        List<String[]> rows = new ArrayList<>();
        records.forEach(record -> {
            Job job = new Job(record);
            boolean described = record.has(Job.STATE);
            rows.add(new String[] {
                job.collectionName(),
                record.path(Shape.OUTCOME).asText(""),
                Cells.text(record.get(Job.JOB_ID)),
                job.stateName(),
                described ? jobCells.progress(job) : "",
                described ? jobCells.duration(job) : "",
                record.has(Shape.ERROR)
                        ? record.path(Shape.ERROR).path("message").asText("")
                        : job.reason()
            });
        });
        printTable(new Table(columns, rows::forEach));
    }

    /** Columns of a table about jobs: collection and reason give up room first, states are coloured. */
    private List<Column> jobColumns(List<String> headers) {
        Ansi ansi = settings.ansi();
        List<Column> columns = new ArrayList<>();
        for (String header : headers) {
            boolean cuttable = header.equals("COLLECTION") || header.equals("REASON");
            UnaryOperator<String> paint = header.equals("STATE") ? ansi::state : UnaryOperator.identity();
            columns.add(new Column(header, cuttable, paint));
        }
        return columns;
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
     * csv and text: with records that are all objects, a header of their keys in first-seen order
     * (one pass; csv only) then a row per record (a second pass); otherwise a row per record, an
     * array's elements as its fields and any other value alone.
     */
    private void delimited(Records records, Delimited encoding) {
        List<String> keys = keysOf(records);
        if (!keys.isEmpty() && encoding == Delimited.CSV && settings.header()) {
            out.print(encoding.line(keys));
        }
        records.forEach(record -> out.print(encoding.line(keys.isEmpty() ? fields(record) : cells(record, keys))));
    }

    /** A record that is not an object: an array's elements, or the value alone. */
    private static List<String> fields(JsonNode record) {
        if (!record.isArray()) {
            return List.of(Cells.text(record));
        }
        List<String> fields = new ArrayList<>();
        record.forEach(element -> fields.add(Cells.text(element)));
        return fields;
    }

    /** Scalars bare, arrays of scalars one per line, null as nothing; for people, so control characters escaped. */
    private void lines(JsonNode value) {
        if (value.isArray()) {
            value.forEach(element -> out.print(SafeText.escape(Cells.text(element)) + "\n"));
        } else if (!value.isNull() && !value.isMissingNode()) {
            out.print(SafeText.escape(Cells.text(value)) + "\n");
        }
    }

    /**
     * The rows a general value makes: an array's elements, an object alone (one row), a scalar
     * alone, and nothing for null.
     */
    private static Records rowsOf(JsonNode value, Shape layout) {
        if (layout == Shape.JOB_LIST || layout == Shape.RECORDS) {
            return elements(value.path("records"));
        }
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

    private static List<String> cells(JsonNode record, List<String> keys) {
        List<String> cells = new ArrayList<>(keys.size());
        for (String key : keys) {
            cells.add(Cells.text(record.get(key)));
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
