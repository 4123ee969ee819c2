package io.mystocks.bench.stream;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each quote of the sampled symbols was sent, by symbol and by its number within the symbol's
 * trading day (the {@code trades} count a latest quote carries once it reflects that quote). The generator
 * writes, the latency probe reads, on other threads.
 */
final class SendLog {
    private final int sampleEvery;
    private final AtomicLongArray[] sendMicros;
    private final int[] sent;

    SendLog(int symbols, int sampleEvery, int capacityPerSymbol) {
        this.sampleEvery = sampleEvery;
        this.sendMicros = new AtomicLongArray[symbols];
        this.sent = new int[symbols];
        for (int symbol = 0; symbol < symbols; symbol += sampleEvery) {
            sendMicros[symbol] = new AtomicLongArray(capacityPerSymbol);
        }
    }

    boolean sampled(int symbol) {
        return symbol % sampleEvery == 0;
    }

    /** Called by the generator only, in send order per symbol; false once the symbol's log is full. */
    boolean record(int symbol, long micros) {
        AtomicLongArray times = sendMicros[symbol];
        if (sent[symbol] >= times.length()) {
            return false;
        }
        times.set(sent[symbol]++, micros);
        return true;
    }

    /** The send time of the {@code index}-th quote of a sampled symbol (0-based), or -1 if none was logged. */
    long sendMicros(int symbol, int index) {
        AtomicLongArray times = sendMicros[symbol];
        return index < times.length() ? times.get(index) : -1;
    }

    /** How many send times of a symbol were logged; read it after the generator's thread ended. */
    int logged(int symbol) {
        return sent[symbol];
    }

    int capacity(int symbol) {
        return sendMicros[symbol].length();
    }
}
