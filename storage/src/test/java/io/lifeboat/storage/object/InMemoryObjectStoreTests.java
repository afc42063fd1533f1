package io.lifeboat.storage.object;

import java.time.Clock;

class InMemoryObjectStoreTests extends ObjectStoreConformance {

    @Override
    protected ObjectStore create(String name) {
        return new InMemoryObjectStore(name, Clock.systemUTC());
    }
}
