package io.zrefresh.devserver;

/**
 * A failure the API reports in its envelope, {@code {"code":N,"message":"..."}}. The factories hold the exact
 * texts of the server contract; most are answered with HTTP 200, as the server does.
 */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;
    private static final String INVALID_PARAMETER = ": invalid parameter";

    private final int httpStatus;
    private final int code;

    private ApiError(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }

    /**
     * The status under the server's opt-in {@code proxy.http.standardErrorStatus}: the natural one for the code.
     * Not found (100, 800) is 404; invalid requests (703, 1100, 1801, 1802) are 400; no credential (1800) is 401;
     * the rate limit (1807) is 429; anything else is 500.
     */
    int standardHttpStatus() {
        return switch (code) {
            case 100, 800 -> 404;
            case 703, 1100, 1801, 1802 -> 400;
            case 1800 -> 401;
            case 1807 -> 429;
            default -> 500;
        };
    }

    static ApiError unauthenticated() {
        return new ApiError(401, 1800, "user hasn't authenticated");
    }

    static ApiError invalidJson(String detail) {
        return new ApiError(200, 1801, "can only accept json format request, error: " + detail);
    }

    static ApiError missingRequired(String goStruct, String goField) {
        return new ApiError(
                200,
                1802,
                "missing required parameters, error: Key: '" + goStruct + "." + goField
                        + "' Error:Field validation for '" + goField + "' failed on the 'required' tag");
    }

    static ApiError rateLimited() {
        return new ApiError(200, 1807, "request is rejected by limiter, rate limit exceeded[rate=20]");
    }

    static ApiError collectionNotFound(String database, String collection) {
        return new ApiError(200, 100, "collection not found[database=" + database + "][collection=" + collection + "]");
    }

    static ApiError databaseNotFound(String database) {
        return new ApiError(200, 800, "database not found[database=" + database + "]");
    }

    static ApiError refreshInProgress(long activeJobId, String collection) {
        return new ApiError(
                200,
                703,
                "refresh job " + activeJobId + " is already in progress for collection " + collection
                        + "; poll that jobID or wait for it to complete: task duplicates[taskType=refresh_external_collection]");
    }

    /** Code 1100; the server appends ": invalid parameter" to every such message. */
    static ApiError invalidParameter(String message) {
        return new ApiError(200, 1100, message + INVALID_PARAMETER);
    }

    static ApiError notExternal(String collection) {
        return invalidParameter("collection " + collection + " is not an external collection");
    }

    static ApiError jobNotFound(long jobId) {
        return invalidParameter("refresh job " + jobId + " not found");
    }

    static ApiError noPersistedSource(String collection) {
        return invalidParameter("collection " + collection + " has no persisted external_source/external_spec;"
                + " provide both in the refresh request to initialize");
    }
}
