package dev.anchor.bench;

import io.vertx.core.buffer.Buffer;

/** An HTTP answer: its status and its body, read in full. */
record Answer(int status, Buffer body) {
}
