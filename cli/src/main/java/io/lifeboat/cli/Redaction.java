package io.lifeboat.cli;

import java.util.ArrayList;
import java.util.List;

/** Masks the API token wherever it might be echoed: a misspelt option, a value picocli quotes back. */
record Redaction(List<String> secrets) {

    static Redaction of(String[] args, String environmentToken) {
        List<String> secrets = new ArrayList<>();
        add(secrets, environmentToken);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--token") && i + 1 < args.length) {
                add(secrets, args[i + 1]);
            } else if (args[i].startsWith("--token=")) {
                add(secrets, args[i].substring("--token=".length()));
            }
        }
        return new Redaction(List.copyOf(secrets));
    }

    String apply(String message) {
        String text = message == null ? "" : message;
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        return text;
    }

    private static void add(List<String> secrets, String secret) {
        if (secret != null && secret.trim().length() >= 4) {
            secrets.add(secret.trim());
        }
    }
}
