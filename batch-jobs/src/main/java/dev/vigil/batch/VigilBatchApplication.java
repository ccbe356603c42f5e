package dev.vigil.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application that hosts the {@code nightly-qa} job. Started by the CLI's {@code nightly} command. */
@SpringBootApplication
public class VigilBatchApplication {
}
