package io.lifeboat.cli.output;

import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * Where a command writes: its result on stdout (a table, or the API's JSON), everything else (progress,
 * notes) on stderr, so that {@code --format json} output can always be parsed.
 */
public final class Output {

    private final Format format;
    private final boolean terminal;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    Output(Format format, boolean terminal) {
        this.format = format;
        this.terminal = terminal;
    }

    public boolean json() {
        return format == Format.json;
    }

    /** True on an interactive terminal; false under cron, in pipes and in tests. */
    public boolean terminal() {
        return terminal;
    }

    /** The result: the JSON as the API sent it, or the table made from it. */
    public void result(JsonNode value, Function<JsonNode, String> table) {
        out.print(json() ? value.toPrettyString() + "\n" : table.apply(value));
        out.flush();
    }

    /** A bare value on stdout (for {@code -P}): no table, no quotes. */
    public void value(String text) {
        out.println(text);
        out.flush();
    }

    /** A note for the person running the command, on stderr. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    /** The raw stderr stream, for the progress bar. */
    public PrintStream stderr() {
        return err;
    }
}
