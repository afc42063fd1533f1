package io.lifeboat.cli.output;

/** How a command prints its result on stdout. */
public enum Format {
    /** Aligned columns for people. */
    table,
    /** The API's JSON, pretty-printed, for scripts. */
    json
}
