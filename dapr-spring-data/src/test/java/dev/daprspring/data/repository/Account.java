package dev.daprspring.data.repository;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A test entity that is a record with a version. */
public record Account(@Id String id, String owner, long balance, @Version Long version) {

	Account withBalance(long balance) {
		return new Account(this.id, this.owner, balance, this.version);
	}

}
