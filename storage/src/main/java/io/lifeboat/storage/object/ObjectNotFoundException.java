package io.lifeboat.storage.object;

/** The key does not exist in this location. Permanent. */
public class ObjectNotFoundException extends StorageException {

    public ObjectNotFoundException(String location, String key) {
        super("object " + key + " not found in location " + location, true, null);
    }
}
