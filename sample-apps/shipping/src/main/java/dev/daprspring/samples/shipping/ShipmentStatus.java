package dev.daprspring.samples.shipping;

/**
 * Where a shipment is.
 */
public enum ShipmentStatus {

	/** Booked with the carrier. */
	SCHEDULED

}
