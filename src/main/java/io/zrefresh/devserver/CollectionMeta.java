package io.zrefresh.devserver;

import java.util.Optional;

/** A simulated collection: plain or external, with the external source its refreshes read (persisted by a refresh). */
final class CollectionMeta {

    private final String database;
    private final String name;
    private final boolean external;
    private final boolean refreshesFail;
    private ExternalSource persistedSource; // guarded by this
    private JobBehaviour jobBehaviour = JobBehaviour.normal(); // guarded by this

    private CollectionMeta(
            String database, String name, boolean external, boolean refreshesFail, ExternalSource persistedSource) {
        this.database = database;
        this.name = name;
        this.external = external;
        this.refreshesFail = refreshesFail;
        this.persistedSource = persistedSource;
    }

    static CollectionMeta plain(String database, String name) {
        return new CollectionMeta(database, name, false, false, null);
    }

    /** An external collection; {@code persistedSource} is null when no refresh has set one yet. */
    static CollectionMeta external(String database, String name, ExternalSource persistedSource) {
        return new CollectionMeta(database, name, true, false, persistedSource);
    }

    /** An external collection whose source holds no files: every refresh of it ends RefreshFailed. */
    static CollectionMeta withEmptySource(String database, String name, ExternalSource persistedSource) {
        return new CollectionMeta(database, name, true, true, persistedSource);
    }

    String database() {
        return database;
    }

    String name() {
        return name;
    }

    boolean external() {
        return external;
    }

    synchronized Optional<ExternalSource> persistedSource() {
        return Optional.ofNullable(persistedSource);
    }

    synchronized void persist(ExternalSource source) {
        persistedSource = source;
    }

    synchronized JobBehaviour jobBehaviour() {
        return jobBehaviour;
    }

    synchronized void setJobBehaviour(JobBehaviour behaviour) {
        jobBehaviour = behaviour;
    }

    /** Whether its refreshes end RefreshFailed: its source holds no files. */
    boolean refreshesFail() {
        return refreshesFail;
    }
}
