package io.zrefresh.devserver;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The databases and collections of a dev server, created fresh at each start. */
final class Catalog {

    private static final String PARQUET = "{\"format\":\"parquet\"}";

    private final Map<String, Map<String, CollectionMeta>> databases;

    private Catalog(CollectionMeta... collections) {
        databases = Arrays.stream(collections)
                .collect(Collectors.groupingBy(
                        CollectionMeta::database,
                        Collectors.toUnmodifiableMap(CollectionMeta::name, Function.identity())));
    }

    /**
     * {@code default}: ext_books (external), ext_broken (external, refreshes fail), ext_new (external, nothing
     * persisted yet), plain_coll (not external); {@code analytics}: ext_events (external, iceberg).
     */
    static Catalog withExamples() {
        return new Catalog(
                CollectionMeta.external("default", "ext_books", new ExternalSource("s3://bucket/books/", PARQUET)),
                CollectionMeta.withEmptySource(
                        "default", "ext_broken", new ExternalSource("s3://bucket/broken/", PARQUET)),
                CollectionMeta.external("default", "ext_new", null),
                CollectionMeta.plain("default", "plain_coll"),
                CollectionMeta.external(
                        "analytics",
                        "ext_events",
                        new ExternalSource("s3://bucket/events/", "{\"format\":\"iceberg-table\"}")));
    }

    /** The collection, or code 800 for an unknown database and 100 for an unknown collection. */
    CollectionMeta find(String database, String collection) throws ApiError {
        Map<String, CollectionMeta> collections = databases.get(database);
        if (collections == null) {
            throw ApiError.databaseNotFound(database);
        }
        CollectionMeta found = collections.get(collection);
        if (found == null) {
            throw ApiError.collectionNotFound(database, collection);
        }
        return found;
    }
}
