package dev.daprspring.samples.carts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the carts, under {@code carts.}.
 *
 * @param abandonAfter how long a cart may go unchanged before its reminder empties it
 */
@ConfigurationProperties("carts")
public record CartsProperties(@DefaultValue("30m") Duration abandonAfter) {
}
