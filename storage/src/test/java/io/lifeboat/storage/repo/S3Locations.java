package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.S3ObjectStore;
import io.lifeboat.testing.TestInfra;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Locations in the real S3Proxy that scripts/test.sh starts, each one a prefix of its own in a shared test
 * bucket; each can be taken down. {@link #close} deletes what the test stored.
 */
final class S3Locations implements AutoCloseable {

    private static final String BUCKET = "lifeboat-repo-tests";

    final List<S3ObjectStore> raw;
    final List<SwitchableStore> stores;
    private final List<Repository> opened = new ArrayList<>();

    S3Locations(int count) {
        String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
        raw = IntStream.range(0, count).mapToObj(i -> new S3ObjectStore(new S3ObjectStore.Settings(
                "zone-" + (char) ('a' + i), TestInfra.s3Endpoint(), "us-east-1", BUCKET, run + "/zone-" + i,
                TestInfra.s3AccessKey(), TestInfra.s3SecretKey(), true))).toList();
        stores = raw.stream().map(SwitchableStore::new).toList();
    }

    /** A repository over every location, writing to {@code quorum} of them; {@link #close} closes it. */
    Repository open(Clock clock, int quorum) {
        Repository repository = Repository.open(List.copyOf(stores), quorum, RepositoryTests.KEYS, clock,
                RepositoryTests.OPTIONS);
        opened.add(repository);
        return repository;
    }

    SwitchableStore get(int i) {
        return stores.get(i);
    }

    /** Every object of location {@code i} under the prefix, read directly (even while it is down). */
    Map<String, byte[]> contents(int i, String prefix) {
        Map<String, byte[]> objects = new TreeMap<>();
        raw.get(i).list(prefix).map(ObjectInfo::key).forEach(key -> objects.put(key, raw.get(i).get(key)));
        return objects;
    }

    List<String> keys(int i, String prefix) {
        return raw.get(i).list(prefix).map(ObjectInfo::key).toList();
    }

    @Override
    public void close() {
        opened.forEach(Repository::close);
        for (S3ObjectStore store : raw) {
            store.list("").map(ObjectInfo::key).toList().forEach(store::delete);
            store.close();
        }
    }
}
