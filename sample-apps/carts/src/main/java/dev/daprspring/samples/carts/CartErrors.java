package dev.daprspring.samples.carts;

import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import dev.daprspring.actors.client.DaprActorInvocationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a rejected request with problem details: an invalid item before any actor is
 * called, and what a {@code Cart} actor threw, which reaches the controller as a
 * {@link DaprActorInvocationException} carrying the actor's exception type and message.
 */
@RestControllerAdvice
class CartErrors {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidItem(MethodArgumentNotValidException ex) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((field) -> field.getField() + " " + field.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid cart item");
		return problem;
	}

	@ExceptionHandler(DaprActorInvocationException.class)
	ProblemDetail refusedByTheCart(DaprActorInvocationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(ex.getRemoteType()), ex.getMessage());
		problem.setTitle("The cart refused the request");
		problem.setProperty("actor", ex.getActorType() + "/" + ex.getActorId());
		return problem;
	}

	private static HttpStatus status(String thrown) {
		if (thrown.equals(NoSuchElementException.class.getName())) {
			return HttpStatus.NOT_FOUND;
		}
		if (thrown.equals(IllegalStateException.class.getName())) {
			return HttpStatus.CONFLICT;
		}
		if (thrown.equals(IllegalArgumentException.class.getName())) {
			return HttpStatus.BAD_REQUEST;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
