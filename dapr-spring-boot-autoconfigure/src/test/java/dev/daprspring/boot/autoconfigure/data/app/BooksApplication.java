package dev.daprspring.boot.autoconfigure.data.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with a Dapr repository and no Dapr annotation beyond it. */
@SpringBootApplication
public class BooksApplication {

}
