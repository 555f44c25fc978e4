package io.zrefresh.devserver;

/**
 * Where an external collection's data lives: the source URI and the spec (a compact JSON object in a string).
 *
 * @param uri  e.g. {@code s3://bucket/books/}
 * @param spec e.g. {@code {"format":"parquet"}}
 */
record ExternalSource(String uri, String spec) {

    /** The reason of a refresh that found nothing to read here. */
    String noFilesFound() {
        return "no files found in external source: " + uri;
    }
}
