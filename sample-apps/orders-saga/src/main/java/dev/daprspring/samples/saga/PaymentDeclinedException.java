package dev.daprspring.samples.saga;

/**
 * The payment was refused: the amount is over the limit.
 */
public class PaymentDeclinedException extends RuntimeException {

	public PaymentDeclinedException(String message) {
		super(message);
	}

}
