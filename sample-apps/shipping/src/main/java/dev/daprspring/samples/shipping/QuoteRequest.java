package dev.daprspring.samples.shipping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /quotes}.
 *
 * @param item what to ship
 * @param quantity how many
 */
public record QuoteRequest(@NotBlank @Nullable String item, @NotNull @Positive @Nullable Integer quantity) {
}
