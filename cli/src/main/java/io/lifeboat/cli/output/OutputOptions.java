package io.lifeboat.cli.output;

import picocli.CommandLine.Option;

/** {@code --format}, mixed into every command. */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (the API's JSON).")
    Format format;

    public Output output() {
        return new Output(format, System.console() != null);
    }
}
