package io.riskgrid.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The OpenAPI document served at {@code /v3/api-docs} (and rendered by Swagger UI at
 * {@code /swagger-ui.html}, served from the jar). Controllers describe their own operations with
 * springdoc annotations; this class adds what belongs to the API as a whole:
 * <ul>
 *   <li>the title, version and a Markdown description of the conventions every endpoint follows
 *       ({@code openapi/api.md}), followed by the return-series and VaR conventions;</li>
 *   <li>the same conventions on the two analytics operations they govern, read from the same
 *       resources ({@code openapi/return-series-conventions.md}, {@code openapi/var-conventions.md}),
 *       so the text lives in one place;</li>
 *   <li>the {@link ApiError} body on every error response (4xx, 5xx) an operation declares, so a
 *       controller declares an error with its status and a description only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Operations whose description is followed by a section of conventions, by path. */
    static final Map<String, Section> CONVENTIONS_BY_PATH = Map.of(
            "/api/v1/analytics/performance", Section.RETURN_SERIES,
            "/api/v1/analytics/var", Section.VAR);

    /** The version of the API's contract: its paths are under {@code /api/v1}. */
    static final String API_VERSION = "v1";
    private static final String API_ERROR = "ApiError";

    static {
        // A Jackson tree in a REST record (a rate that is a number or an array, a job's result) is any JSON
        // value, not an object with JsonNode's Java properties; the field's own @Schema says which.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>());
    }

    /** A section of conventions: its heading and the Markdown resource that holds its text. */
    enum Section {
        RETURN_SERIES("Return-series conventions", "openapi/return-series-conventions.md"),
        VAR("VaR conventions", "openapi/var-conventions.md");

        final String heading;
        final String resource;

        Section(String heading, String resource) {
            this.heading = heading;
            this.resource = resource;
        }

        /** The section as Markdown under a heading of the given level (2 for "##"). */
        String markdown(int level) {
            return "#".repeat(level) + " " + heading + "\n\n" + read(resource);
        }
    }


    @Bean
    public OpenAPI riskGridOpenApi() {
        String description = read("openapi/api.md") + "\n" + Section.RETURN_SERIES.markdown(2) + "\n"
                + Section.VAR.markdown(2);
        return new OpenAPI()
                .info(new Info()
                        .title("RiskGrid API")
                        .version(API_VERSION)
                        .description(description))
                .components(new Components().addSchemas(API_ERROR, apiErrorSchema()));
    }

    /** Puts the conventions on the analytics operations and the error body on every error response. */
    @Bean
    public OpenApiCustomizer riskGridOpenApiCustomizer() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                Section section = CONVENTIONS_BY_PATH.get(path);
                for (Operation op : item.readOperations()) {
                    if (section != null) {
                        String own = op.getDescription() == null ? "" : op.getDescription() + "\n\n";
                        op.setDescription(own + section.markdown(3));
                    }
                    errorBodies(op);
                }
            });
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null
                    && !openApi.getComponents().getSchemas().containsKey(API_ERROR)) {
                openApi.getComponents().addSchemas(API_ERROR, apiErrorSchema());
            }
        };
    }

    private static void errorBodies(Operation op) {
        if (op.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
            if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
                e.getValue().setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + API_ERROR))));
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema apiErrorSchema() {
        return ModelConverters.getInstance(true).readAllAsResolvedSchema(ApiError.class).schema;
    }

    private static String read(String resource) {
        try {
            return new String(new ClassPathResource(resource).getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }
}
