package io.mystocks.api.analysis;

import java.util.List;

/**
 * The oscillator group of the rating, with the conditions TradingView's technical ratings publish for each
 * indicator. Rising and falling compare the newest bar with the one before; a crossing is a line above the
 * other at the newest bar and not above it at the one before. Where a rule asks for the trend, an uptrend is
 * a close above the SMA(50), a downtrend one below it.
 */
final class Oscillators {
    private static final String RSI = "RSI:timeperiod=14";
    private static final String STOCH = "STOCH:fastk_period=14,slowk_period=3,slowd_period=3";
    private static final String CCI = "CCI:timeperiod=20";
    private static final String ADX = "ADX:timeperiod=14";
    private static final String AO = "AO:fastperiod=5,slowperiod=34";
    private static final String MOM = "MOM:timeperiod=10";
    private static final String MACD = "MACD:fastperiod=12,slowperiod=26,signalperiod=9";
    private static final String STOCH_RSI = "STOCHRSI:timeperiod=14,fastk_period=14,fastd_period=3";
    private static final String WILLR = "WILLR:timeperiod=14";
    private static final String EMA_13 = "EMA:timeperiod=13";
    private static final String ULTOSC = "ULTOSC:timeperiod1=7,timeperiod2=14,timeperiod3=28";
    private static final String TREND = "SMA:timeperiod=50";
    /** Every indicator the group reads. */
    static final List<String> SPECS = List.of(RSI, STOCH, CCI, ADX, AO, MOM, MACD, STOCH_RSI, WILLR, EMA_13, ULTOSC,
            TREND);

    private Oscillators() {
    }

    static List<AnalysisViews.RatingVote> votes(Readings readings) {
        return List.of(rsi(readings), stochastic(readings), cci(readings), adx(readings), awesome(readings),
                momentum(readings), macd(readings), stochasticRsi(readings), williams(readings),
                bullBearPower(readings), ultimate(readings));
    }

    /** RSI(14): buy below 30 and rising, sell above 70 and falling. */
    static AnalysisViews.RatingVote rsi(Readings readings) {
        return turningInZone(readings, "RSI(14)", RSI, 30, 70);
    }

    /** Stochastic %K (14, 3, 3): buy when %K and %D are below 20 and %K crosses above %D; sell mirrored at 80. */
    static AnalysisViews.RatingVote stochastic(Readings readings) {
        Ballot ballot = new Ballot("Stochastic %K (14, 3, 3)", readings);
        Readings.Line stoch = readings.line(STOCH);
        double k = ballot.read(stoch, "k", 0, "k");
        double d = ballot.read(stoch, "d", 0, "d");
        double previousK = ballot.read(stoch, "k", 1, "previous_k");
        double previousD = ballot.read(stoch, "d", 1, "previous_d");
        return ballot.decide(k < 20 && d < 20 && crossesAbove(k, d, previousK, previousD),
                "%K and %D below 20, %K crossing above %D",
                k > 80 && d > 80 && crossesAbove(d, k, previousD, previousK),
                "%K and %D above 80, %K crossing below %D", "no crossing of %K and %D below 20 or above 80");
    }

    /** CCI(20): buy below -100 and rising, sell above 100 and falling. */
    static AnalysisViews.RatingVote cci(Readings readings) {
        return turningInZone(readings, "CCI(20)", CCI, -100, 100);
    }

    /** ADX(14): with ADX above 20, buy when +DI crosses above -DI, sell when it crosses below. */
    static AnalysisViews.RatingVote adx(Readings readings) {
        Ballot ballot = new Ballot("ADX(14)", readings);
        Readings.Line adx = readings.line(ADX);
        double strength = ballot.read(adx, "adx", 0, "adx");
        double plus = ballot.read(adx, "plus_di", 0, "plus_di");
        double minus = ballot.read(adx, "minus_di", 0, "minus_di");
        double previousPlus = ballot.read(adx, "plus_di", 1, "previous_plus_di");
        double previousMinus = ballot.read(adx, "minus_di", 1, "previous_minus_di");
        return ballot.decide(strength > 20 && crossesAbove(plus, minus, previousPlus, previousMinus),
                "ADX above 20, +DI crossing above -DI",
                strength > 20 && crossesAbove(minus, plus, previousMinus, previousPlus),
                "ADX above 20, +DI crossing below -DI", "no crossing of +DI and -DI with ADX above 20");
    }

    /**
     * Awesome oscillator (5, 34): buy when it crosses above zero or makes a bullish saucer above it (a fall,
     * then a rise); sell mirrored below zero.
     */
    static AnalysisViews.RatingVote awesome(Readings readings) {
        Ballot ballot = new Ballot("Awesome Oscillator", readings);
        Readings.Line ao = readings.line(AO);
        double now = ballot.read(ao, "value", 0, "value");
        double before = ballot.read(ao, "value", 1, "previous");
        double earlier = ballot.read(ao, "value", 2, "earlier");
        boolean saucerUp = now > 0 && before > 0 && earlier > before && now > before;
        boolean saucerDown = now < 0 && before < 0 && earlier < before && now < before;
        return ballot.decide(crossesAbove(now, 0, before, 0) || saucerUp, "crossing above zero, or a saucer above it",
                crossesAbove(0, now, 0, before) || saucerDown, "crossing below zero, or a saucer below it",
                "no zero crossing or saucer");
    }

    /** Momentum(10): buy when rising, sell when falling. */
    static AnalysisViews.RatingVote momentum(Readings readings) {
        Ballot ballot = new Ballot("Momentum(10)", readings);
        Readings.Line mom = readings.line(MOM);
        double now = ballot.read(mom, "value", 0, "value");
        double before = ballot.read(mom, "value", 1, "previous");
        return ballot.decide(now > before, "rising", now < before, "falling", "unchanged");
    }

    /** MACD (12, 26, 9): buy when the MACD line is above its signal line, sell when below. */
    static AnalysisViews.RatingVote macd(Readings readings) {
        Ballot ballot = new Ballot("MACD (12, 26, 9)", readings);
        Readings.Line macd = readings.line(MACD);
        double line = ballot.read(macd, "macd", 0, "macd");
        double signal = ballot.read(macd, "signal", 0, "signal");
        return ballot.decide(line > signal, "MACD above its signal line", line < signal,
                "MACD below its signal line", "MACD on its signal line");
    }

    /**
     * Stochastic RSI (3, 3, 14, 14): %K is the 3-bar mean of the raw stochastic of RSI(14) over 14 bars (the
     * catalogue's STOCHRSI d), %D the 3-bar mean of %K. Buy in a downtrend with %K and %D below 20 and %K
     * crossing above %D; sell in an uptrend with both above 80 and %K crossing below %D.
     */
    static AnalysisViews.RatingVote stochasticRsi(Readings readings) {
        Ballot ballot = new Ballot("Stochastic RSI (3, 3, 14, 14)", readings);
        Readings.Line stochRsi = readings.line(STOCH_RSI);
        double k = ballot.read(stochRsi, "d", 0, "k");
        double previousK = ballot.read(stochRsi, "d", 1, "previous_k");
        double k2 = ballot.read(stochRsi, "d", 2, null);
        double k3 = ballot.read(stochRsi, "d", 3, null);
        double d = ballot.show("d", (k + previousK + k2) / 3);
        double previousD = ballot.show("previous_d", (previousK + k2 + k3) / 3);
        double trend = trend(ballot, readings);
        return ballot.decide(trend < 0 && k < 20 && d < 20 && crossesAbove(k, d, previousK, previousD),
                "downtrend, %K and %D below 20, %K crossing above %D",
                trend > 0 && k > 80 && d > 80 && crossesAbove(d, k, previousD, previousK),
                "uptrend, %K and %D above 80, %K crossing below %D",
                "no crossing below 20 in a downtrend or above 80 in an uptrend");
    }

    /** Williams %R(14): buy below -80 and rising, sell above -20 and falling. */
    static AnalysisViews.RatingVote williams(Readings readings) {
        return turningInZone(readings, "Williams %R(14)", WILLR, -80, -20);
    }

    /**
     * Bull Bear Power(13): bull power is the high less EMA(13) of the close, bear power the low less it. Buy in
     * an uptrend with bear power below zero and rising; sell in a downtrend with bull power above zero and
     * falling.
     */
    static AnalysisViews.RatingVote bullBearPower(Readings readings) {
        Ballot ballot = new Ballot("Bull Bear Power(13)", readings);
        Readings.Line ema = readings.line(EMA_13);
        double average = ballot.read(ema, "value", 0, "ema_13");
        double previousAverage = ballot.read(ema, "value", 1, null);
        double bull = ballot.show("bull_power", ballot.high(0) - average);
        double bear = ballot.show("bear_power", ballot.low(0) - average);
        double previousBull = ballot.show("previous_bull_power", ballot.high(1) - previousAverage);
        double previousBear = ballot.show("previous_bear_power", ballot.low(1) - previousAverage);
        ballot.show("value", bull + bear);
        double trend = trend(ballot, readings);
        return ballot.decide(trend > 0 && bear < 0 && bear > previousBear, "uptrend, bear power below zero and rising",
                trend < 0 && bull > 0 && bull < previousBull, "downtrend, bull power above zero and falling",
                "neither bear power rising below zero in an uptrend nor bull power falling above zero in a "
                        + "downtrend");
    }

    /**
     * Ultimate oscillator (7, 14, 28): buy above 70, sell below 30. This is TradingView's published rule,
     * which reads a high value as buying pressure rather than as overbought.
     */
    static AnalysisViews.RatingVote ultimate(Readings readings) {
        Ballot ballot = new Ballot("Ultimate Oscillator (7, 14, 28)", readings);
        double now = ballot.read(readings.line(ULTOSC), "value", 0, "value");
        return ballot.decide(now > 70, "above 70", now < 30, "below 30", "between 30 and 70");
    }

    /** Buy below {@code low} and rising, sell above {@code high} and falling: an oscillator turning in its zone. */
    private static AnalysisViews.RatingVote turningInZone(Readings readings, String indicator, String spec, int low,
                                                    int high) {
        Ballot ballot = new Ballot(indicator, readings);
        Readings.Line line = readings.line(spec);
        double now = ballot.read(line, "value", 0, "value");
        double before = ballot.read(line, "value", 1, "previous");
        return ballot.decide(now < low && now > before, "below " + low + " and rising", now > high && now < before,
                "above " + high + " and falling", "neither below " + low + " and rising nor above " + high
                        + " and falling");
    }

    /** The close less the SMA(50): positive in an uptrend, negative in a downtrend. */
    private static double trend(Ballot ballot, Readings readings) {
        double average = ballot.read(readings.line(TREND), "value", 0, "sma_50");
        return ballot.close(0) - average;
    }

    /** Whether {@code a} is above {@code b} now and was not above it one bar before. */
    private static boolean crossesAbove(double a, double b, double previousA, double previousB) {
        return a > b && previousA <= previousB;
    }
}
