package dev.daprspring.data.repository;

import java.time.Duration;
import java.util.UUID;

import dev.daprspring.data.mapping.TimeToLive;
import org.springframework.data.annotation.Id;

/** A test entity that expires. */
public class Session {

	@Id
	private UUID id;

	private String user;

	@TimeToLive
	private Duration ttl;

	public Session() {
	}

	public Session(String user, Duration ttl) {
		this.user = user;
		this.ttl = ttl;
	}

	public UUID getId() {
		return this.id;
	}

	public void setId(UUID id) {
		this.id = id;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

}
