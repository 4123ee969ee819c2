package io.mystocks.ta;

/**
 * One line of an indicator: a number per bar index of a ta4j series, {@code NaN} where it is not defined
 * (before the first bar of the series, after its last, or before enough bars exist). Arithmetic on
 * {@code NaN} yields {@code NaN}, so a line built on an undefined value is undefined too.
 */
@FunctionalInterface
interface Line {
    double at(int index);
}
