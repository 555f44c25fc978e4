package io.zrefresh.refresh;

import io.zrefresh.job.Job;
import java.time.Duration;

/** Why nothing was sent for a collection, and the job that stands for its refresh instead. */
public sealed interface SkipReason {

    /** --on-active skip found an active job. */
    SkipReason ACTIVE = new Active();

    /** The word of the event stream and of the records: {@code active} or {@code fresh}. */
    String id();

    /** --on-active skip found an active job. */
    record Active() implements SkipReason {
        @Override
        public String id() {
            return "active";
        }
    }

    /**
     * --if-older-than: the collection's newest completed refresh is recent enough.
     *
     * @param completed that job, as listed
     * @param age       how long ago it ended
     * @param limit     the --if-older-than duration
     */
    record Fresh(Job completed, Duration age, Duration limit) implements SkipReason {
        @Override
        public String id() {
            return "fresh";
        }
    }
}
