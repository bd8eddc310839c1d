package dev.daprspring.boot.autoconfigure.data.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** A Spring Boot application with a Dapr repository and no Dapr annotation beyond it. */
@SpringBootApplication
@EnableTransactionManagement
public class BooksApplication {

}
