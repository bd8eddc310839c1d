package dev.daprspring.samples.checkout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /checkouts}.
 *
 * @param item what to buy
 * @param quantity how many, at least one
 */
public record CheckoutRequest(@NotBlank @Nullable String item, @NotNull @Positive @Nullable Integer quantity) {
}
