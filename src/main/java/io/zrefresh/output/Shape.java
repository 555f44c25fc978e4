package io.zrefresh.output;

/** What a printed value is, so that table, csv and text can lay it out for people. */
public enum Shape {
    /** One job object (describe, wait). */
    JOB,
    /** list's {@code {"records": [...]}}: rendered by its records. */
    JOB_LIST,
    /**
     * {@code {"records": [...]}} of trigger over several collections: each record the
     * collection, its {@link #OUTCOME} and, as known, the job's fields or an {@link #ERROR}
     * object; rendered by its records.
     */
    RECORDS,
    /** Anything else, including whatever a --query returned. */
    GENERIC;

    /** The field of a trigger record that says how the collection's trigger ended. */
    public static final String OUTCOME = "outcome";

    /** The field of a trigger record that holds the error object of an {@code error} outcome. */
    public static final String ERROR = "error";
}
