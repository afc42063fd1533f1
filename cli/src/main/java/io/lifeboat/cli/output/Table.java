package io.lifeboat.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows under upper-case headers, each column as wide as its widest cell, two spaces apart; no trailing
 * blanks. Cells are single lines: line breaks become spaces.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    /** Adds a row; {@code null} cells are empty, and missing cells at the end too. */
    public Table row(Object... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            row.add(i < cells.length && cells[i] != null ? cells[i].toString().replaceAll("\\R", " ") : "");
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as text, one line per row after the header line, each ending with a line break. */
    public String render() {
        int[] widths = new int[headers.size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers.stream().map(String::toUpperCase).toList());
        lines.addAll(rows);
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                text.append(cell);
                if (i < widths.length - 1) {
                    text.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
