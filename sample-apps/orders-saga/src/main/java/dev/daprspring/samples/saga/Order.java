package dev.daprspring.samples.saga;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * An order: the body of {@code POST /orders} and the input of the {@link OrderSaga}.
 *
 * @param customer who pays
 * @param item what to reserve and ship
 * @param quantity how many, at least one
 * @param amount what the payment takes, at least one
 * @param country where it is shipped to
 */
public record Order(@NotBlank String customer, @NotBlank String item, @Positive int quantity, @Positive int amount,
		@NotBlank String country) {
}
