package dev.daprspring.samples.checkout;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem-details answers: an invalid checkout names each rejected field; a failed call to
 * shipping says so with shipping's (or its sidecar's) answer, instead of a bare 500.
 */
@RestControllerAdvice
class CheckoutProblems extends ResponseEntityExceptionHandler {

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
		body.setTitle("Invalid checkout");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail shippingFailed(RestClientResponseException ex) {
		// A 5xx from the sidecar itself (ERR_DIRECT_INVOKE) usually means shipping is not running.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Calling app 'shipping' through Dapr service invocation failed with " + ex.getStatusCode().value()
						+ ": " + ex.getResponseBodyAsString()
						+ ". Is shipping running with its sidecar, on the same network (mDNS) or cluster?");
		problem.setTitle("Shipping unavailable");
		return problem;
	}

	private static String rejected(FieldError error) {
		Object value = error.getRejectedValue();
		return (value != null) ? "'" + value + "'" : "missing";
	}

}
