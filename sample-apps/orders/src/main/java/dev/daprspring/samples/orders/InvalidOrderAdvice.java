package dev.daprspring.samples.orders;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers an invalid order with a problem-details body that names each rejected field and
 * what it must be, instead of Spring's generic "Invalid request content".
 */
@RestControllerAdvice
class InvalidOrderAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage() + " (was " + rejected(error) + ")")
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle("Invalid order");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	private static String rejected(FieldError error) {
		Object value = error.getRejectedValue();
		return (value != null) ? "'" + value + "'" : "missing";
	}

}
