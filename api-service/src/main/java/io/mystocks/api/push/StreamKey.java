package io.mystocks.api.push;

/** A stream: one channel of one (upper-case) symbol. */
record StreamKey(Channel channel, String symbol) {
}
