package dev.daprspring.samples.saga;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The output of an {@link OrderSaga}: shipped, or compensated because a step failed.
 *
 * @param outcome whether the order went through
 * @param trackingNumber the shipment's tracking number once shipped
 * @param failure the step that failed, when compensated
 * @param compensations the compensating activities that ran, in the order they ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResult(Outcome outcome, @Nullable String trackingNumber, @Nullable StepFailure failure,
		List<String> compensations) {

	static OrderResult shipped(String trackingNumber) {
		return new OrderResult(Outcome.SHIPPED, trackingNumber, null, List.of());
	}

	static OrderResult compensated(StepFailure failure, List<String> compensations) {
		return new OrderResult(Outcome.COMPENSATED, null, failure, List.copyOf(compensations));
	}

	public enum Outcome {

		/** Stock reserved, payment taken, shipped. */
		SHIPPED,

		/** A step failed and the steps done before it were undone. */
		COMPENSATED

	}

	/**
	 * Why the saga was compensated.
	 *
	 * @param step the activity that failed
	 * @param type the class name of the exception it threw
	 * @param message its message
	 */
	public record StepFailure(String step, String type, String message) {
	}

}
