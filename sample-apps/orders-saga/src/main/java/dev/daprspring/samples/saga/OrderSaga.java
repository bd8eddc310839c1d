package dev.daprspring.samples.saga;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.samples.saga.OrderResult.StepFailure;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.WorkflowRetryPolicy;
import dev.daprspring.workflows.WorkflowTaskFailedException;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/**
 * The order saga: reserve stock, take payment, ship, each an activity. When a step fails,
 * the compensations of the steps done before it run in reverse order, and the saga
 * completes with a result that names the failed step and what it threw. It is replayed
 * from its history after each step, so it only calls activities and keeps no state of its
 * own: the list of compensations is built again on every replay.
 */
@DaprWorkflow
public class OrderSaga implements Workflow<Order, OrderResult> {

	private static final Log logger = LogFactory.getLog(OrderSaga.class);

	/** A compensation must go through: attempted up to five times, 1, 2, 4 and 8 seconds apart. */
	private static final WorkflowRetryPolicy COMPENSATION_RETRY = WorkflowRetryPolicy.of(5, Duration.ofSeconds(1))
		.withBackoff(2.0, Duration.ofSeconds(8));

	@Override
	public OrderResult run(WorkflowContext context, Order order) {
		Deque<Compensation> compensations = new ArrayDeque<>();
		try {
			Reservation reservation = context.callActivity("reserveStock", order, Reservation.class).await();
			compensations.push(new Compensation("releaseStock", reservation));
			context.setCustomStatus("stock reserved");

			Payment payment = context.callActivity("takePayment", order, Payment.class).await();
			compensations.push(new Compensation("refundPayment", payment));
			context.setCustomStatus("paid");

			Shipment shipment = context.callActivity("ship", order, Shipment.class).await();
			context.setCustomStatus("shipped");
			return OrderResult.shipped(shipment.trackingNumber());
		}
		catch (WorkflowTaskFailedException ex) {
			context.setCustomStatus("compensating");
			List<String> done = new ArrayList<>();
			while (!compensations.isEmpty()) {
				Compensation compensation = compensations.pop();
				context.callActivity(compensation.activity(), compensation.input(), Void.class, COMPENSATION_RETRY)
					.await();
				done.add(compensation.activity());
			}
			StepFailure failure = new StepFailure(ex.getTaskName(), ex.getFailure().type(),
					ex.getFailure().message());
			if (!context.isReplaying()) {
				logger.info("Order " + context.instanceId() + " compensated after " + failure.step() + " failed ("
						+ ex.getFailure() + "): ran " + done);
			}
			context.setCustomStatus("compensated");
			return OrderResult.compensated(failure, done);
		}
	}

	/** The activity that undoes a step, and its input (what the step returned). */
	private record Compensation(String activity, Object input) {
	}

}
