package dev.anchor.issue.api;

import dev.anchor.issue.domain.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A comment: {@code public} reaches the customer, {@code internal} stays with staff. */
public record CommentRequest(@NotBlank @Size(max = 5000) String text, @NotNull Visibility visibility) {
}
