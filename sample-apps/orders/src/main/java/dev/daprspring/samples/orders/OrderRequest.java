package dev.daprspring.samples.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}.
 *
 * @param item what to order
 * @param quantity how many, at least one
 */
public record OrderRequest(@NotBlank @Nullable String item, @NotNull @Positive @Nullable Integer quantity) {
}
