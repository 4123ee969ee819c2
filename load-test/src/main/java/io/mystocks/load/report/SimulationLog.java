package io.mystocks.load.report;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the binary {@code simulation.log} Gatling 3.12 and later writes (checked against 3.14), so the
 * summary takes exact figures from every recorded request rather than from the HTML report. The file is a
 * run header followed by records, each a type byte and big-endian fields:
 * <ul>
 *   <li>run (0): Gatling version, simulation class, start (epoch ms, long), description, scenario names,
 *       assertions (length-prefixed blobs, skipped);</li>
 *   <li>request (1): group path, name, start and end (int ms since the run start), OK flag, message;</li>
 *   <li>user (2): scenario index, start flag, time;</li>
 *   <li>group (3): group path, start, end, cumulated response time, OK flag;</li>
 *   <li>error (4): message, time.</li>
 * </ul>
 * Strings are an int byte length (0 for empty), the bytes of Java's compact string and its coder byte;
 * names and messages go through a cache: a positive index introduces a string, a negative one repeats it.
 */
public final class SimulationLog {
    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte GROUP = 3;
    private static final byte ERROR = 4;
    private static final byte LATIN1 = 0;

    private SimulationLog() {
    }

    /**
     * One request as Gatling recorded it.
     *
     * @param start   ms since the run started
     * @param end     ms since the run started
     * @param message the failure's message, empty when OK
     */
    /** One request; {@code groups} is the path of Gatling groups it ran in, outermost first, empty for none. */
    public record Request(String name, int start, int end, boolean ok, String message, List<String> groups) {
        public Request {
            groups = List.copyOf(groups);
        }

        public Request(String name, int start, int end, boolean ok, String message) {
            this(name, start, end, ok, message, List.of());
        }

        public int responseTime() {
            return end - start;
        }

        /** Whether it ran in a group of that name at any depth. */
        public boolean inGroup(String group) {
            return groups.contains(group);
        }
    }

    /** Receives the records in the order Gatling wrote them; a user's start comes before its requests. */
    public interface Listener {
        void userStarted(int time);

        void request(Request request);
    }

    /**
     * The run's header and totals; the requests went to the listener.
     *
     * @param startMillis     epoch ms the run started; request times count from here
     * @param firstUserMillis ms since the start when the first user started, -1 without users
     * @param lastEventMillis ms since the start of the last thing recorded
     * @param errors          messages of errors outside requests (a request that could not be built)
     */
    public record Run(String gatlingVersion, String simulationClass, long startMillis, String description,
                      List<String> scenarios, long requests, int users, int firstUserMillis, int lastEventMillis,
                      List<String> errors) {
    }

    /** Streams the log's requests to the listener, so that runs of many millions of requests fit in memory. */
    public static Run read(Path file, Listener listener) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Reader(new DataInputStream(in), listener).read();
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final Listener listener;
        private final Map<Integer, String> cache = new HashMap<>();
        private final List<String> errors = new ArrayList<>();
        private long requests;
        private int users;
        private int firstUser = -1;
        private int lastEvent;

        Reader(DataInputStream in, Listener listener) {
            this.in = in;
            this.listener = listener;
        }

        Run read() throws IOException {
            byte type = in.readByte();
            if (type != RUN) {
                throw new IOException("not a Gatling 3.12+ simulation.log: it starts with record type " + type);
            }
            String version = string();
            String simulation = string();
            long start = in.readLong();
            String description = string();
            List<String> scenarios = strings(in.readInt());
            skipAssertions(in.readInt());
            while (next()) {
                // each call reads one record
            }
            return new Run(version, simulation, start, description, scenarios, requests, users, firstUser,
                    lastEvent, List.copyOf(errors));
        }

        /** Reads one record; false at the end of the file. */
        private boolean next() throws IOException {
            int type = in.read();
            switch (type) {
                case -1 -> {
                    return false;
                }
                case REQUEST -> request();
                case USER -> user();
                case GROUP -> group();
                case ERROR -> {
                    errors.add(cachedString());
                    seen(in.readInt());
                }
                default -> throw new IOException("unknown record type " + type + " after " + requests
                        + " requests: is this log from a Gatling version other than 3.14?");
            }
            return true;
        }

        private void request() throws IOException {
            List<String> groups = groups();
            String name = cachedString();
            int start = in.readInt();
            int end = in.readInt();
            boolean ok = in.readBoolean();
            String message = cachedString();
            requests++;
            listener.request(new Request(name, start, end, ok, message, groups));
            seen(end);
        }

        private void user() throws IOException {
            in.readInt();
            boolean start = in.readBoolean();
            int time = in.readInt();
            if (start) {
                users++;
                firstUser = firstUser < 0 ? time : Math.min(firstUser, time);
                listener.userStarted(time);
            }
            seen(time);
        }

        private void group() throws IOException {
            groups();
            in.readInt();
            seen(in.readInt());
            in.readInt();
            in.readBoolean();
        }

        private void seen(int time) {
            lastEvent = Math.max(lastEvent, time);
        }

        private List<String> groups() throws IOException {
            int depth = in.readInt();
            if (depth == 0) {
                return List.of();
            }
            List<String> path = new ArrayList<>(depth);
            for (int i = 0; i < depth; i++) {
                path.add(cachedString());
            }
            return path;
        }

        private void skipAssertions(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                in.skipNBytes(in.readInt());
            }
        }

        private List<String> strings(int count) throws IOException {
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        private String cachedString() throws IOException {
            int index = in.readInt();
            if (index > 0) {
                String value = string();
                cache.put(index, value);
                return value;
            }
            String value = cache.get(-index);
            if (value == null) {
                throw new EOFException("string " + (-index) + " is used before it is defined");
            }
            return value;
        }

        private String string() throws IOException {
            int length = in.readInt();
            if (length == 0) {
                return "";
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("the log ends inside a string");
            }
            return in.readByte() == LATIN1 ? new String(bytes, StandardCharsets.ISO_8859_1) : utf16(bytes);
        }

        /** Java's UTF-16 compact-string bytes are in the platform's order, which is Gatling's too. */
        private static String utf16(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            char[] chars = new char[bytes.length / 2];
            buffer.asCharBuffer().get(chars);
            return new String(chars);
        }
    }
}
