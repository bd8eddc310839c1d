package dev.daprspring.samples.orders;

/**
 * Where an order is in its life.
 */
public enum OrderStatus {

	/** Saved; its {@link OrderPlaced} event is on its way. */
	PLACED,

	/** The {@link OrderPlaced} event was handled. */
	CONFIRMED

}
