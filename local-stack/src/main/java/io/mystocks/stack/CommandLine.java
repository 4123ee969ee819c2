package io.mystocks.stack;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Parses the launcher's arguments by hand: a command, then {@code --name value} or {@code --name=value}. */
final class CommandLine {
    static final String USAGE = """
            Usage:
              mystocks up [--port 8080] [--data-dir ./data] [--fresh] [--rate N] [--jars DIR]
                  Start Kafka, Redis and the four services; Ctrl-C stops everything.
                  --port       HTTP port of the API (default 8080)
                  --data-dir   where Kafka, Redis, service state and logs live (default ./data)
                  --fresh      wipe the data directory first
                  --rate       simulated quotes per second (default: the ingest service's own)
                  --jars       folder holding <module>/target/<module>-exec.jar (default: current folder)
              mystocks create-topics --bootstrap-servers HOST:PORT[,...] --replication-factor N
                  Create every catalogued topic the cluster lacks, then exit.
              mystocks help
            """;

    private static final Set<String> UP_VALUES = Set.of("--port", "--data-dir", "--rate", "--jars");
    private static final Set<String> UP_FLAGS = Set.of("--fresh");
    private static final Set<String> TOPIC_VALUES = Set.of("--bootstrap-servers", "--replication-factor");

    private CommandLine() {
    }

    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "up" -> up(options(command, rest, UP_VALUES, UP_FLAGS));
            case "create-topics" -> createTopics(options(command, rest, TOPIC_VALUES, Set.of()));
            case "help", "--help", "-h" -> new Command.Help();
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private static Command.Up up(Map<String, String> options) {
        return new Command.Up(
                integer(options, "--port", 8080),
                path(options, "--data-dir", "data"),
                options.containsKey("--fresh"),
                options.containsKey("--rate") ? OptionalInt.of(integer(options, "--rate", 0)) : OptionalInt.empty(),
                path(options, "--jars", "."));
    }

    private static Command.CreateTopics createTopics(Map<String, String> options) {
        String bootstrap = required(options, "--bootstrap-servers");
        required(options, "--replication-factor");
        int replicationFactor = integer(options, "--replication-factor", 0);
        if (replicationFactor > Short.MAX_VALUE) {
            throw new UsageException("--replication-factor is too large: " + replicationFactor);
        }
        return new Command.CreateTopics(bootstrap, (short) replicationFactor);
    }

    private static Map<String, String> options(String command, List<String> args, Set<String> valued,
                                               Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            String value;
            if (flags.contains(name)) {
                if (equals > 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "";
            } else if (valued.contains(name)) {
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option " + name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option '" + arg + "' for " + command);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option " + name + " is given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option " + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, not '" + value + "'");
        }
    }

    private static Path path(Map<String, String> options, String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        if (value.isBlank()) {
            throw new UsageException("option " + name + " needs a folder");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("option " + name + " is not a valid path: '" + value + "'");
        }
    }
}
