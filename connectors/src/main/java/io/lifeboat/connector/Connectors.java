package io.lifeboat.connector;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The connectors on the classpath, found through {@link ServiceLoader}, by part type. */
public final class Connectors {

    private final Map<String, Connector> byType = new TreeMap<>();

    public Connectors() {
        ServiceLoader.load(Connector.class).forEach(c -> byType.put(c.type(), c));
    }

    public Connector get(String type) {
        Connector connector = byType.get(type);
        if (connector == null) {
            throw new ConnectorException("no connector for part type '" + type + "' (known: " + byType.keySet()
                    + ")", true);
        }
        return connector;
    }

    public Set<String> types() {
        return byType.keySet();
    }
}
