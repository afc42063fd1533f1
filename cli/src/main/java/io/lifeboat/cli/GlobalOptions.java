package io.lifeboat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lets the options every command shares come before the command too ({@code lifeboat --format json
 * backup:list}): each command declares them, so they are moved after the command's name.
 */
final class GlobalOptions {

    private static final Set<String> WITH_VALUE = Set.of("--api", "--token", "--format", "-p", "--project",
            "-e", "--environment");

    static String[] afterCommand(String[] args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String arg = args[i];
            boolean attached = arg.matches("-[pe].+") || arg.contains("=") && WITH_VALUE.contains(arg.split("=")[0]);
            if (attached) {
                moved.add(args[i++]);
            } else if (WITH_VALUE.contains(arg) && i + 1 < args.length) {
                moved.add(args[i++]);
                moved.add(args[i++]);
            } else {
                return args;
            }
        }
        if (moved.isEmpty() || i >= args.length) {
            return args;
        }
        List<String> result = new ArrayList<>();
        result.add(args[i]);
        result.addAll(moved);
        result.addAll(List.of(args).subList(i + 1, args.length));
        return result.toArray(String[]::new);
    }

    private GlobalOptions() {
    }
}
