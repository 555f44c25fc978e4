package io.zrefresh.job;

import io.zrefresh.json.RecordsDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer of list: the server's {@code data} kept as it came, to be streamed record by record
 * (a list may hold 100,000 jobs), and its records as jobs for callers that need them all.
 */
public final class JobList {

    private final RecordsDocument data;
    private List<Job> records;

    public JobList(RecordsDocument data) {
        this.data = data;
    }

    /** The data object, {@code {"records": [...]}} and whatever else the server sent. */
    public RecordsDocument data() {
        return data;
    }

    /** All records as jobs, newest first as the server orders them. */
    public List<Job> records() {
        if (records == null) {
            List<Job> jobs = new ArrayList<>();
            data.forEachRecord(record -> jobs.add(new Job(record)));
            records = Collections.unmodifiableList(jobs);
        }
        return records;
    }
}
