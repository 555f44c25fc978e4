package io.zrefresh.refresh;

import java.time.Duration;

/**
 * A refresh to send, how to guard it, and whether to wait for the job.
 *
 * @param endpointKey    the endpoint, which with database and collection names the guard's lock
 * @param externalSource null unless given (then externalSpec is given too)
 * @param externalSpec   compact JSON of the spec object, or null
 * @param force          skip zrefresh's own check for an active job (the server's still applies)
 * @param ifOlderThan    skip the refresh when the newest completed one ended less than this ago, or null
 * @param waitForJob     follow the job (new or skipped to) until it ends
 */
public record TriggerRequest(
        String endpointKey,
        String database,
        String collection,
        String externalSource,
        String externalSpec,
        OnActive onActive,
        boolean force,
        Duration ifOlderThan,
        boolean waitForJob) {

    /** The same request for another collection. */
    public TriggerRequest forCollection(String other) {
        return new TriggerRequest(
                endpointKey, database, other, externalSource, externalSpec, onActive, force, ifOlderThan, waitForJob);
    }
}
