package dev.daprspring.boot.autoconfigure.badinput.startup.unreachable;

import org.springframework.data.annotation.Id;

/** An entity, so that the application has a repository to check at startup. */
public record Note(@Id String id, String text) {

}
