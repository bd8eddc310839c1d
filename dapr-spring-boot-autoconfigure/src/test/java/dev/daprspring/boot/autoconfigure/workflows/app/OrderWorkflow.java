package dev.daprspring.boot.autoconfigure.workflows.app;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprWorkflow;

/** A chain of three activities. */
@DaprWorkflow
public class OrderWorkflow implements Workflow<Order, Receipt> {

	@Override
	public Receipt run(WorkflowContext context, Order order) {
		String reservation = context.callActivity("reserve", order, String.class).await();
		context.setCustomStatus("reserved");
		String payment = context.callActivity("charge", order, String.class).await();
		String shipment = context.callActivity("ship", order, String.class).await();
		return new Receipt(order.id(), reservation, payment, shipment);
	}

}
