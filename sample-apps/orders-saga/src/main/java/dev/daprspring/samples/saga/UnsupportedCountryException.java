package dev.daprspring.samples.saga;

/**
 * Shipping does not deliver to the order's country.
 */
public class UnsupportedCountryException extends RuntimeException {

	public UnsupportedCountryException(String message) {
		super(message);
	}

}
