package io.zrefresh.output;

/** What a printed value is, so that table, csv and text can lay it out for people. */
public enum Shape {
    /** One job object (describe, wait). */
    JOB,
    /** list's {@code {"records": [...]}}: rendered by its records. */
    JOB_LIST,
    /** {@code {"records": [...]}} of other objects (trigger of several collections): rendered by its records. */
    RECORDS,
    /** Anything else, including whatever a --query returned. */
    GENERIC
}
