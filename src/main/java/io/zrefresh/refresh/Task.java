package io.zrefresh.refresh;

import java.time.Instant;

/**
 * One thread of work of a command that waits (following a job, guarding and triggering a
 * collection, watching a list), stepped by {@link JobWaiter#run} from one thread: whichever is
 * due first goes next, so several jobs are followed at once over the one client of the command.
 */
interface Task {

    /** When the next step is due; null once the task is done. */
    Instant due();

    /** Does what is due: one request, as a rule. Must not throw for a failure of its own collection or job. */
    void step() throws InterruptedException;

    /**
     * The command was interrupted before this task was done: ends what the task shows and says
     * what goes on without it, or returns null when there is nothing to say.
     */
    String abandon();
}
