package dev.daprspring.messaging.streaming;

/**
 * A subscription that streaming subscriptions cannot deliver: its problem, and what to
 * change in the handlers. Which other delivery to configure instead is for the
 * application's configuration to say (Spring Boot's failure analysis does).
 */
public class StreamingDeliveryException extends IllegalStateException {

	private final String problem;

	private final String remedy;

	StreamingDeliveryException(String problem, String remedy) {
		super(problem + ". " + remedy);
		this.problem = problem;
		this.remedy = remedy;
	}

	/** What streaming subscriptions cannot do for this subscription. */
	public String getProblem() {
		return this.problem;
	}

	/** What to change in the handlers so that streaming subscriptions can deliver it. */
	public String getRemedy() {
		return this.remedy;
	}

}
