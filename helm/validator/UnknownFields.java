import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The second half of the chart's offline schema check: rejects any field that the Kubernetes API does
 * not define, at any depth (a misspelled {@code imagePullPolicyy}, a field put one level too deep).
 * The JSON Schema check (validate-schemas.mjs) checks types, required fields and enumerations, but the
 * upstream schemas allow unknown properties, which the API server then drops or rejects.
 *
 * <p>The field lists come from the official Kubernetes Java client's models
 * ({@code io.kubernetes:client-java-api}), generated from the same OpenAPI document; each model's
 * {@code validateJsonElement} rejects properties it does not define and checks nested objects too.
 *
 * <p>Usage: {@code java -cp 'helm/.tools/java/*' helm/validator/UnknownFields.java FILE.json...}, where each
 * FILE holds a JSON array of Kubernetes objects (validate-schemas.mjs writes them). Prints one line per
 * rejected object and exits 1 if there was any.
 */
public final class UnknownFields {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: UnknownFields FILE.json...");
            System.exit(2);
        }
        int objects = 0;
        int rejected = 0;
        for (String arg : args) {
            JsonArray docs = JsonParser.parseString(Files.readString(Path.of(arg))).getAsJsonArray();
            for (JsonElement doc : docs) {
                objects++;
                String problem = problem(doc.getAsJsonObject());
                if (problem != null) {
                    rejected++;
                    System.out.println(arg + ": " + describe(doc.getAsJsonObject()) + ": " + problem);
                }
            }
        }
        System.out.println("unknown-field check: " + objects + " objects, " + rejected + " rejected");
        System.exit(rejected == 0 ? 0 : 1);
    }

    /** Why the API would not take this object's fields, or null if every field is defined. */
    static String problem(JsonObject doc) {
        String apiVersion = text(doc, "apiVersion");
        String kind = text(doc, "kind");
        if (apiVersion == null || kind == null) {
            return "apiVersion and kind are required";
        }
        // "apps/v1" -> V1, "policy/v1beta1" -> V1beta1: the client's model class name is the version + kind.
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        Method validate;
        try {
            validate = Class.forName(MODELS + model).getMethod("validateJsonElement", JsonElement.class);
        } catch (ReflectiveOperationException e) {
            return "no Kubernetes model " + model + " for " + apiVersion + " " + kind;
        }
        try {
            validate.invoke(null, doc);
            return null;
        } catch (InvocationTargetException e) {
            return shorten(String.valueOf(e.getCause().getMessage()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's message without the offending object's whole JSON, which it appends. */
    static String shorten(String message) {
        int json = message.indexOf(" JSON: ");
        if (json < 0) {
            json = message.indexOf(" in the JSON string: ");
        }
        String s = json < 0 ? message : message.substring(0, json);
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static String describe(JsonObject doc) {
        JsonElement meta = doc.get("metadata");
        String name = meta != null && meta.isJsonObject() ? text(meta.getAsJsonObject(), "name") : null;
        return text(doc, "kind") + "/" + name;
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
