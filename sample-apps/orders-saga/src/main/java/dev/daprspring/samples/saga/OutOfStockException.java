package dev.daprspring.samples.saga;

/**
 * There is not enough stock of an item to reserve for an order.
 */
public class OutOfStockException extends RuntimeException {

	public OutOfStockException(String message) {
		super(message);
	}

}
