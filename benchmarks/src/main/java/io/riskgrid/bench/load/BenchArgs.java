package io.riskgrid.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of a load driver: {@code --name value} or {@code --name=value} options, each
 * known in advance. Typed getters return the option's value or its documented default; every
 * problem (an unknown option, a missing value, a value of the wrong kind or out of range) is
 * collected, and {@link #validate()} reports them all together.
 * <p>
 * Not thread-safe: one thread parses the arguments at start.
 */
public final class BenchArgs {

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    private BenchArgs(Map<String, String> values, List<String> problems) {
        this.values = values;
        this.problems.addAll(problems);
    }

    /**
     * Reads {@code args}; options not in {@code known} (names without the leading dashes) are
     * problems.
     */
    public static BenchArgs parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                problems.add("unexpected argument '" + a + "': options are --name value");
                continue;
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    problems.add("--" + name + " needs a value");
                    continue;
                }
                value = args[++i];
            }
            if (!known.contains(name)) {
                problems.add("unknown option --" + name + " (known: " + knownList(known) + ")");
            } else if (values.put(name, value) != null) {
                problems.add("--" + name + " is given more than once");
            }
        }
        return new BenchArgs(values, problems);
    }

    /** The option's text, or {@code defaultValue} when it is absent. */
    public String text(String name, String defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.isBlank()) {
            problems.add("--" + name + " must not be empty");
            return defaultValue;
        }
        return v;
    }

    /** A whole number of at least {@code min}, or {@code defaultValue} when absent. */
    public int intAtLeast(String name, int defaultValue, int min) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        Integer n = parseInt(name, v.trim());
        if (n == null) {
            return defaultValue;
        }
        if (n < min) {
            problems.add("--" + name + " must be at least " + min + ", was " + n);
            return defaultValue;
        }
        return n;
    }

    /** A comma-separated list of whole numbers, each at least {@code min}; {@code defaultValue} when absent. */
    public List<Integer> intList(String name, List<Integer> defaultValue, int min) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            Integer n = parseInt(name, part.trim());
            if (n == null) {
                return defaultValue;
            }
            if (n < min) {
                problems.add("--" + name + " values must be at least " + min + ", was " + n);
                return defaultValue;
            }
            out.add(n);
        }
        return Collections.unmodifiableList(out);
    }

    /** Adds a problem found outside the typed getters (one option measured against another). */
    public void problem(String message) {
        problems.add(message);
    }

    /** Every problem found so far, in the order found. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws one {@link IllegalArgumentException} that lists every problem, if there is any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private Integer parseInt(String name, String v) {
        try {
            // Underscores as digit separators, so that 50_000 reads as it would in Java.
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add("--" + name + " must be a whole number, was '" + v + "'");
            return null;
        }
    }

    private static String knownList(Set<String> known) {
        List<String> names = new ArrayList<>();
        for (String k : new TreeSet<>(known)) {
            names.add("--" + k);
        }
        return String.join(", ", names);
    }
}
