package io.mystocks.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogTest {
    @TempDir
    Path dir;

    @Test
    void readsALogWrittenByGatling314() throws IOException, URISyntaxException {
        Path log = Path.of(getClass().getResource("one-failed-request.simulation.log").toURI());
        Recorder recorder = new Recorder();

        SimulationLog.Run run = SimulationLog.read(log, recorder);

        assertThat(run.gatlingVersion()).isEqualTo("3.14.9");
        assertThat(run.simulationClass()).isEqualTo("probe.ProbeSimulation");
        assertThat(run.scenarios()).containsExactly("s");
        assertThat(run.users()).isEqualTo(1);
        assertThat(run.firstUserMillis()).isEqualTo(185);
        assertThat(recorder.requests).singleElement().satisfies(request -> {
            assertThat(request.name()).isEqualTo("r");
            assertThat(request.responseTime()).isEqualTo(95);
            assertThat(request.ok()).isFalse();
            assertThat(request.message()).isEqualTo("status.find.is(201), found 200");
        });
    }

    @Test
    void resolvesRepeatedNamesAndNonLatinText() throws IOException {
        Writer writer = new Writer();
        writer.header("3.14.9", "io.mystocks.load.SeedSimulation", 1_700_000_000_000L, "seed users=5", "行情用户");
        writer.user(true, 100);
        writer.request("/api/data/stock/{symbol}", 110, 125, true, "");
        writer.group(130, 140);
        writer.request("/api/data/stock/{symbol}", 150, 152, false, "状态 404");
        writer.error("could not build the request", 160);
        Path log = writer.writeTo(dir.resolve("simulation.log"));
        Recorder recorder = new Recorder();

        SimulationLog.Run run = SimulationLog.read(log, recorder);

        assertThat(run.scenarios()).containsExactly("行情用户");
        assertThat(run.description()).isEqualTo("seed users=5");
        assertThat(run.requests()).isEqualTo(2);
        assertThat(run.lastEventMillis()).isEqualTo(160);
        assertThat(run.errors()).containsExactly("could not build the request");
        assertThat(recorder.requests).extracting(SimulationLog.Request::name)
                .containsExactly("/api/data/stock/{symbol}", "/api/data/stock/{symbol}");
        assertThat(recorder.requests.get(1).message()).isEqualTo("状态 404");
        assertThat(recorder.userStarts).containsExactly(100);
    }

    @Test
    void givesEachRequestItsGroupPath() throws IOException {
        Writer writer = new Writer();
        writer.header("3.14.9", "io.mystocks.load.SeedSimulation", 1_700_000_000_000L, "", "s");
        writer.request(List.of("warm-up"), "/health", 10, 12, true, "");
        writer.request(List.of("warm-up", "checkout"), "/health", 20, 23, true, "");
        writer.request("/health", 30, 31, true, "");
        Path log = writer.writeTo(dir.resolve("simulation.log"));
        Recorder recorder = new Recorder();

        SimulationLog.read(log, recorder);

        assertThat(recorder.requests).extracting(SimulationLog.Request::groups)
                .containsExactly(List.of("warm-up"), List.of("warm-up", "checkout"), List.of());
        assertThat(recorder.requests).extracting(request -> request.inGroup("warm-up"))
                .containsExactly(true, true, false);
    }

    @Test
    void refusesAFileThatIsNotABinaryLog() throws IOException {
        Path log = Files.writeString(dir.resolve("simulation.log"), "RUN\tsimulation\tid\t0\n");

        assertThatThrownBy(() -> SimulationLog.read(log, new Recorder())).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Gatling 3.12+ simulation.log");
    }

    private static final class Recorder implements SimulationLog.Listener {
        final List<SimulationLog.Request> requests = new ArrayList<>();
        final List<Integer> userStarts = new ArrayList<>();

        @Override
        public void userStarted(int time) {
            userStarts.add(time);
        }

        @Override
        public void request(SimulationLog.Request request) {
            requests.add(request);
        }
    }

    /** Writes records the way Gatling 3.14's BufferedFileChannelWriter does. */
    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final List<String> cached = new ArrayList<>();

        void header(String version, String simulation, long start, String description, String scenario)
                throws IOException {
            out.writeByte(0);
            string(version);
            string(simulation);
            out.writeLong(start);
            string(description);
            out.writeInt(1);
            string(scenario);
            out.writeInt(1);
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
        }

        void user(boolean start, int time) throws IOException {
            out.writeByte(2);
            out.writeInt(0);
            out.writeBoolean(start);
            out.writeInt(time);
        }

        void request(String name, int start, int end, boolean ok, String message) throws IOException {
            request(List.of(), name, start, end, ok, message);
        }

        void request(List<String> groups, String name, int start, int end, boolean ok, String message)
                throws IOException {
            out.writeByte(1);
            out.writeInt(groups.size());
            for (String group : groups) {
                cachedString(group);
            }
            cachedString(name);
            out.writeInt(start);
            out.writeInt(end);
            out.writeBoolean(ok);
            cachedString(message);
        }

        void group(int start, int end) throws IOException {
            out.writeByte(3);
            out.writeInt(1);
            cachedString("checkout");
            out.writeInt(start);
            out.writeInt(end);
            out.writeInt(end - start);
            out.writeBoolean(true);
        }

        void error(String message, int time) throws IOException {
            out.writeByte(4);
            cachedString(message);
            out.writeInt(time);
        }

        Path writeTo(Path file) throws IOException {
            return Files.write(file, bytes.toByteArray());
        }

        private void cachedString(String value) throws IOException {
            int index = cached.indexOf(value);
            if (index >= 0) {
                out.writeInt(-(index + 1));
                return;
            }
            cached.add(value);
            out.writeInt(cached.size());
            string(value);
        }

        private void string(String value) throws IOException {
            if (value.isEmpty()) {
                out.writeInt(0);
                return;
            }
            boolean latin1 = value.chars().allMatch(c -> c < 256);
            Charset charset = latin1 ? StandardCharsets.ISO_8859_1
                    : ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE;
            byte[] encoded = value.getBytes(charset);
            out.writeInt(encoded.length);
            out.write(encoded);
            out.writeByte(latin1 ? 0 : 1);
        }
    }
}
