package io.mystocks.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void givesNearestRankPercentiles() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            histogram.record(millis);
        }

        long p50 = histogram.percentile(50);
        long p99 = histogram.percentile(99);
        long p100 = histogram.percentile(100);

        assertThat(p50).isEqualTo(50);
        assertThat(p99).isEqualTo(99);
        assertThat(p100).isEqualTo(100);
        assertThat(histogram.mean()).isEqualTo(50.5);
    }

    @Test
    void keepsTheTrueMaximumBeyondItsRange() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(5);
        histogram.record(90_000);

        long p100 = histogram.percentile(100);

        assertThat(p100).isEqualTo(90_000);
        assertThat(histogram.max()).isEqualTo(90_000);
    }

    @Test
    void survivesEncodingForAMetricsFile() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3);
        histogram.record(3);
        histogram.record(250);
        histogram.record(-2);

        LatencyHistogram decoded = LatencyHistogram.decode(histogram.encode());

        assertThat(histogram.encode()).isEqualTo("0:1,3:2,250:1");
        assertThat(decoded.count()).isEqualTo(4);
        assertThat(decoded.percentile(75)).isEqualTo(3);
        assertThat(decoded.max()).isEqualTo(250);
    }

    @Test
    void isZeroWhenEmpty() {
        LatencyHistogram histogram = new LatencyHistogram();

        assertThat(histogram.percentile(99)).isZero();
        assertThat(histogram.mean()).isZero();
    }
}
