package io.riskgrid.api.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.riskgrid.api.grid.GridCallException;
import io.riskgrid.api.request.Echo;
import org.apache.ignite.internal.processors.cache.CacheInvalidStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST handler into an {@link ApiError} body: wrong input is a 400 that
 * says what is wrong and in which field, an unknown id a 404, a grid that cannot take the call a
 * 503, data in a lost partition a 503 {@code partitions_lost}, anything else a 500 that says no more
 * than "internal error". Messages of Jackson, Spring or Ignite never reach the caller: they name
 * internal classes and are logged instead.
 * <p>
 * This class is stateless and thread-safe.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The error code of a request that needs data of a lost partition. */
    static final String PARTITIONS_LOST = "partitions_lost";
    static final String PARTITIONS_LOST_MESSAGE = "the data this request needs is in a lost partition: every grid node "
            + "that held a copy of it has left the cluster. Reads and writes of that data are refused (partition-loss "
            + "policy READ_WRITE_SAFE) until those nodes return, or until an operator resets the lost partitions "
            + "(POST /api/v1/admin/lost-partitions/reset), which accepts the loss of the data they held";
    /** The reason Spring gives when a required request body is absent. */
    private static final String NO_BODY = "No request body";

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<ApiError> invalidInput(InvalidInputException e) {
        return badRequest(e.getMessage(), e.field());
    }

    /** Domain types reject bad values with messages written for the caller (they name the field). */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ApiError> illegalArgument(IllegalArgumentException e) {
        return badRequest(e.getMessage(), null);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ApiError> notFound(NotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, new ApiError("not_found", e.getMessage(), null));
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ApiError> unreadableInput(ServerWebInputException e) {
        LOG.debug("unreadable request input", e);
        MethodParameter parameter = e.getMethodParameter();
        String name = parameter == null || parameter.getParameterName() == null ? "body" : parameter.getParameterName();
        DataBufferLimitException tooLarge = find(e, DataBufferLimitException.class);
        if (tooLarge != null) {
            return payloadTooLarge();
        }
        if (NO_BODY.equals(e.getReason())) {
            return badRequest("request body is required", null);
        }
        JsonProcessingException json = find(e, JsonProcessingException.class);
        if (json != null) {
            return describeJson(json, name);
        }
        TypeMismatchException mismatch = find(e, TypeMismatchException.class);
        if (mismatch != null && parameter != null) {
            return badRequest(name + " must be " + expected(parameter.getParameterType()) + ", was '"
                    + Echo.clip(String.valueOf(mismatch.getValue())) + "'", name);
        }
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
            return badRequest("request body could not be read", null);
        }
        return badRequest(parameter == null ? "request could not be read" : name + " is missing or not valid",
                parameter == null ? null : name);
    }

    @ExceptionHandler(DecodingException.class)
    public ResponseEntity<ApiError> undecodableBody(DecodingException e) {
        LOG.debug("undecodable request body", e);
        JsonProcessingException json = find(e, JsonProcessingException.class);
        return json != null ? describeJson(json, "body") : badRequest("request body could not be read", null);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ApiError> bodyTooLarge(DataBufferLimitException e) {
        return payloadTooLarge();
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ApiError> bindFailure(WebExchangeBindException e) {
        List<InputProblem> problems = new ArrayList<>();
        for (ObjectError error : e.getAllErrors()) {
            String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
            problems.add(new InputProblem(field, field + " " + error.getDefaultMessage()));
        }
        return problems.isEmpty() ? badRequest("request input is not valid", null)
                : invalidInput(new InvalidInputException(problems));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ApiError> methodValidationFailure(HandlerMethodValidationException e) {
        List<InputProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String field = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> problems.add(new InputProblem(field, field + " " + err.getDefaultMessage())));
        });
        return problems.isEmpty() ? badRequest("request input is not valid", null)
                : invalidInput(new InvalidInputException(problems));
    }

    @ExceptionHandler(GridCallException.class)
    public ResponseEntity<ApiError> gridFailure(GridCallException e) {
        if (lostPartition(e)) {
            return partitionsLost(e);
        }
        if (e.isUnavailable()) {
            LOG.warn("grid unavailable for a request: {}", e.getCause().toString());
            return respond(HttpStatus.SERVICE_UNAVAILABLE,
                    new ApiError("unavailable", "the grid cannot take the request now; retry later", null));
        }
        LOG.error("grid call failed", e.getCause());
        return internal();
    }

    /** Status exceptions of the framework (405, 406, 415, ...), with a message of our own. */
    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        String message;
        if (e instanceof UnsupportedMediaTypeStatusException u) {
            message = "content type " + (u.getContentType() == null ? "(none)" : "'" + u.getContentType() + "'")
                    + " is not supported; send application/json";
        } else if (e instanceof MethodNotAllowedException m) {
            message = "method " + m.getHttpMethod() + " is not allowed here; allowed: "
                    + m.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (e instanceof NotAcceptableStatusException) {
            message = "cannot produce the requested media type; accept application/json";
        } else if (code.value() == HttpStatus.CONFLICT.value() && e.getReason() != null) {
            // Only the API's own handlers answer 409 (an alert already resolved, say), with a
            // reason written for the caller; no framework exception of WebFlux carries that status.
            message = e.getReason();
        } else {
            HttpStatus status = HttpStatus.resolve(code.value());
            message = status == null ? "request failed" : status.getReasonPhrase().toLowerCase(Locale.ROOT);
        }
        if (code.is5xxServerError()) {
            LOG.error("request failed", e);
        }
        return respond(code, new ApiError(errorCode(code), message, null));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> unexpected(Exception e) {
        if (lostPartition(e)) {
            // A grid read outside GridCalls (a stream's snapshot, say) that met a lost partition.
            return partitionsLost(e);
        }
        LOG.error("unexpected failure of a request", e);
        return internal();
    }

    /**
     * True when the failure is Ignite refusing data of a lost partition under READ_WRITE_SAFE: a
     * {@link CacheInvalidStateException} ("... partition data has been lost", "... cache partition has
     * been lost") somewhere in the cause chain, whether from a get, a put inside a transaction or SQL.
     * Ignite has no public exception for it; the class name is stable across 2.x.
     */
    private static boolean lostPartition(Throwable e) {
        CacheInvalidStateException invalid = find(e, CacheInvalidStateException.class);
        return invalid != null && invalid.getMessage() != null
                && invalid.getMessage().toLowerCase(Locale.ROOT).contains("lost");
    }

    private static ResponseEntity<ApiError> partitionsLost(Throwable e) {
        LOG.warn("request refused: it needs data of a lost partition: {}", find(e, CacheInvalidStateException.class).getMessage());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, new ApiError(PARTITIONS_LOST, PARTITIONS_LOST_MESSAGE, null));
    }

    private static ResponseEntity<ApiError> describeJson(JsonProcessingException json, String root) {
        StreamReadException syntax = find(json, StreamReadException.class);
        if (syntax != null) {
            JsonLocation at = syntax.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return badRequest("request body is not valid JSON" + where, null);
        }
        if (json instanceof MismatchedInputException mismatch) {
            String field = path(root, mismatch.getPath());
            Class<?> target = mismatch.getTargetType();
            String message = field + " must be " + expected(target);
            if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                message += ", was '" + Echo.clip(String.valueOf(invalid.getValue())) + "'";
            }
            return badRequest(message, field);
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(root, mapping.getPath());
            return badRequest(field + " is not valid", field);
        }
        return badRequest("request body could not be read", null);
    }

    /**
     * The field path of a Jackson path: {@code fills} + [1, quantity] is {@code fills[1].quantity}. A
     * body that is one JSON object names its fields without the root: {@code body} + [quantity] is
     * {@code quantity}, as the API's own checks of such bodies name them.
     */
    private static String path(String root, List<JsonMappingException.Reference> references) {
        boolean objectBody = !references.isEmpty() && references.get(0).getIndex() < 0
                && references.get(0).getFieldName() != null;
        StringBuilder b = new StringBuilder(objectBody ? "" : root);
        for (JsonMappingException.Reference r : references) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return b.toString();
    }

    /** What a value of a Java type looks like in JSON, in words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String errorCode(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? "http_" + code.value() : status.name().toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<ApiError> badRequest(String message, String field) {
        return respond(HttpStatus.BAD_REQUEST, ApiError.badRequest(message, field));
    }

    private static ResponseEntity<ApiError> payloadTooLarge() {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE,
                new ApiError("payload_too_large", "request body is too large; send smaller batches", null));
    }

    private static ResponseEntity<ApiError> internal() {
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal", "internal error", null));
    }

    /**
     * The error as JSON whatever the request accepted: a stream request ({@code Accept:
     * text/event-stream}) that fails before its stream starts gets the same JSON body as any other.
     */
    private static ResponseEntity<ApiError> respond(HttpStatusCode status, ApiError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
