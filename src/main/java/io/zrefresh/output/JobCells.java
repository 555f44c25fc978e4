package io.zrefresh.output;

import io.zrefresh.job.Job;
import io.zrefresh.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the fields of a job read in a table: local times, 42%, 1m05s. */
final class JobCells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final long now;

    /**
     * @param now when running jobs' durations end: one instant for a whole table, so that its
     *            widths and its rows agree
     */
    JobCells(ZoneId zone, long now) {
        this.zone = zone;
        this.now = now;
    }

    String time(long epochMillis) {
        return epochMillis <= 0
                ? "-"
                : TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    String progress(Job job) {
        return job.node().has(Job.PROGRESS) ? job.progress() + "%" : "-";
    }

    /** From start to end, or to now while the job runs. */
    String duration(Job job) {
        if (job.startTime() <= 0) {
            return "-";
        }
        long end = job.endTime() > 0 ? job.endTime() : now;
        return Durations.elapsed(Duration.ofMillis(end - job.startTime()));
    }
}
