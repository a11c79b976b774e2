package io.qabot.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: options it declares ({@code --knowledge PATH}, repeatable; flags
 * such as {@code --json}) and the words that remain. Anything undeclared is a usage error
 * naming the option, so a typo never silently changes what a command does.
 */
record Arguments(Map<String, List<String>> options, List<String> words) {

    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                words.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                words.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + ": takes no value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + ": needs a value");
                    }
                    value = args.get(++i);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException(name + ": unknown option");
            }
        }
        return new Arguments(Map.copyOf(options), List.copyOf(words));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    String one(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new UsageException(name + ": given " + values.size() + " times, once expected");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
