package io.zrefresh.support;

/** Job objects as the server writes them, for scripted answers. */
public final class Jobs {

    private Jobs() {}

    public static String job(long id, String collection, String state, int progress) {
        return "{\"collectionName\":\"" + collection + "\",\"endTime\":0,\"externalSource\":\"s3://b/\",\"jobId\":" + id
                + ",\"progress\":" + progress + ",\"startTime\":1754550000123,\"state\":\"" + state + "\"}";
    }

    public static String failed(long id, String collection, String reason) {
        return "{\"collectionName\":\"" + collection + "\",\"endTime\":1754550009000,\"jobId\":" + id
                + ",\"progress\":40,\"reason\":\"" + reason
                + "\",\"startTime\":1754550000123,\"state\":\"RefreshFailed\"}";
    }

    public static String records(String... jobs) {
        return "{\"records\":[" + String.join(",", jobs) + "]}";
    }
}
