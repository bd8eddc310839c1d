package dev.daprspring.core.convert;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * A value could not be converted to or from JSON.
 */
public class DaprConversionException extends DataRetrievalFailureException {

	public DaprConversionException(String message, Throwable cause) {
		super(message, cause);
	}

}
