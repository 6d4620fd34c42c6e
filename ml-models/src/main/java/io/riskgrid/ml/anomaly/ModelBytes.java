package io.riskgrid.ml.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The envelope of a saved scorer: a magic number, the {@link ScorerKind}, a format version, then the
 * model's own fields written by {@link DataOutputStream} (big-endian, IEEE-754 doubles, so the
 * bytes mean the same on every node). Reading checks the envelope and that the model's fields use
 * up the bytes exactly, so a truncated, padded or foreign byte array is rejected rather than
 * half-read.
 * <p>
 * This class is stateless and thread-safe.
 */
final class ModelBytes {

    /** "RGAS": RiskGrid anomaly scorer. */
    private static final int MAGIC = 0x52474153;

    /** Writes a model's fields. */
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a model's fields; throws {@link IllegalArgumentException} on values that cannot be that model. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private ModelBytes() {
    }

    static byte[] write(ScorerKind kind, int version, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(kind.name());
            out.writeInt(version);
            body.write(out);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; this would be a bug.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model of {@code kind}, written with {@code version}.
     *
     * @throws IllegalArgumentException if the bytes are not such a model
     */
    static <T> T read(ScorerKind kind, int version, byte[] bytes, Reader<T> body) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < Integer.BYTES || in.readInt() != MAGIC) {
                throw new IllegalArgumentException("bytes are not a saved RiskGrid anomaly scorer (bad magic number)");
            }
            String stored = in.readUTF();
            if (!stored.equals(kind.name())) {
                throw new IllegalArgumentException("bytes hold a " + stored + " scorer, not a " + kind + " scorer");
            }
            int storedVersion = in.readInt();
            if (storedVersion != version) {
                throw new IllegalArgumentException("bytes hold " + kind + " format version " + storedVersion
                        + ", this code reads version " + version);
            }
            T model = body.read(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("bytes hold " + in.available() + " unexpected trailing bytes after the "
                        + kind + " model");
            }
            return model;
        } catch (EOFException e) {
            throw new IllegalArgumentException("bytes end before the " + kind + " model is complete (truncated?)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes are not a readable " + kind + " model: " + e.getMessage(), e);
        }
    }

    /** Reads {@code count} doubles, each required to be finite. */
    static double[] readFiniteDoubles(DataInputStream in, int count, String what) throws IOException {
        if (count < 0 || count > in.available() / Double.BYTES) {
            throw new IllegalArgumentException(what + " length " + count + " does not match the bytes that follow");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite");
            }
        }
        return values;
    }

    static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }
}
