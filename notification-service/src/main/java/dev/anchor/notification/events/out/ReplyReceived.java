package dev.anchor.notification.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The data of notification.reply-received: {@code {reply}}. */
@RegisterForReflection
public record ReplyReceived(ReplyState reply) {
}
