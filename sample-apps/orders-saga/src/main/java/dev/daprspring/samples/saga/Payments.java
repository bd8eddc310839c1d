package dev.daprspring.samples.saga;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import org.springframework.stereotype.Component;

/**
 * Payments and their ledger, in memory: the saga's second step and its compensation, both
 * idempotent per order. A charge is a positive ledger entry, its refund the negative one,
 * so a refunded order's entries sum to zero.
 */
@Component
public class Payments {

	private final int limit;

	private final Map<String, Payment> payments = new HashMap<>();

	private final List<LedgerEntry> ledger = new ArrayList<>();

	public Payments(SagaProperties properties) {
		this.limit = properties.paymentLimit();
	}

	/** Charges the customer, unless the amount is over {@code saga.payment-limit}. */
	@DaprActivity
	public synchronized Payment takePayment(ActivityContext context, Order order) {
		Payment taken = this.payments.get(context.instanceId());
		if (taken != null) {
			return taken;
		}
		if (order.amount() > this.limit) {
			throw new PaymentDeclinedException("Payment of " + order.amount() + " by " + order.customer()
					+ " declined: the limit is " + this.limit);
		}
		Payment payment = new Payment(context.instanceId(), order.customer(), order.amount());
		this.payments.put(payment.orderId(), payment);
		this.ledger.add(new LedgerEntry(payment.orderId(), LedgerEntry.Kind.CHARGE, payment.amount()));
		return payment;
	}

	/** Compensates {@link #takePayment}: refunds the payment, once. */
	@DaprActivity
	public synchronized void refundPayment(Payment payment) {
		if (this.payments.remove(payment.orderId()) != null) {
			this.ledger.add(new LedgerEntry(payment.orderId(), LedgerEntry.Kind.REFUND, -payment.amount()));
		}
	}

	/** The order's ledger entries, oldest first. */
	public synchronized List<LedgerEntry> ledger(String orderId) {
		return this.ledger.stream().filter((entry) -> entry.orderId().equals(orderId)).toList();
	}

	/** What the order's ledger entries sum to: its amount once charged, zero once refunded. */
	public synchronized int balance(String orderId) {
		return ledger(orderId).stream().mapToInt(LedgerEntry::amount).sum();
	}

	/**
	 * A line of the ledger.
	 *
	 * @param orderId the order
	 * @param kind charge or refund
	 * @param amount positive for a charge, negative for a refund
	 */
	public record LedgerEntry(String orderId, Kind kind, int amount) {

		public enum Kind {

			CHARGE, REFUND

		}

	}

}
