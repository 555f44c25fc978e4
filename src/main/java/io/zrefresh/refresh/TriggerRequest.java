package io.zrefresh.refresh;

import java.time.Instant;

/**
 * A refresh to send and how to guard it.
 *
 * @param externalSource null unless given (then externalSpec is given too)
 * @param externalSpec   compact JSON of the spec object, or null
 * @param force          skip zrefresh's own check for an active job (the server's still applies)
 * @param deadline       end of all waiting this trigger may do, or null for none
 */
public record TriggerRequest(
        String endpointKey,
        String database,
        String collection,
        String externalSource,
        String externalSpec,
        OnActive onActive,
        boolean force,
        Instant deadline) {}
