package io.riskgrid.api.testing;

import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the whole API over real HTTP on a random port, with its own embedded grid
 * node. The context is closed after the test class, so no grid node outlives the class that
 * started it. Each class supplies its grid through {@link ApiTestGrid#register}.
 *
 * <p>The client waits up to 30 s for a response instead of WebTestClient's 5 s. The first requests
 * of a fresh context load and compile the whole request path; on a loaded two-core CI machine one
 * static file once took longer than 5 s, which failed a test that measures nothing about speed.
 * Latency is measured by the benchmarks, never by a test's timeout.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface GridApiTest {
}
