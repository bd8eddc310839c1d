package dev.daprspring.data.repository;

import org.springframework.data.annotation.Id;

/** A test entity that is a record without a version. */
public record Label(@Id String id, String text) {

}
