package io.riskgrid.api.image;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import smile.math.matrix.Matrix;

import java.util.Locale;

/**
 * Loads the native code the grid's models run on, the way the application loads it, inside the
 * image: PyTorch through DJL (the autoencoder), offline, from the native jar on the class path; and
 * OpenBLAS with LAPACK through JavaCPP (Smile's matrices). Run by {@link ImageRootfsIT} with the
 * image's own Java, so a shared library that the image lacks fails here and not in a pod.
 * <p>
 * Prints one line per library and exits 0, or prints why not and exits 1.
 */
public final class NativeLibrariesProbe {

    private NativeLibrariesProbe() {
    }

    public static void main(String[] args) {
        try {
            try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
                // 1 + 2 + 3, computed by libtorch.
                float sum = manager.create(new float[] {1f, 2f, 3f}).sum().getFloat();
                System.out.println("pytorch " + Engine.getEngine("PyTorch").getVersion() + " sum=" + sum);
            }
            // [[1,2],[3,4]] squared is [[7,10],[15,22]] (BLAS); its inverse is [[-2,1],[1.5,-0.5]] (LAPACK).
            Matrix a = new Matrix(new double[][] {{1, 2}, {3, 4}});
            Matrix squared = a.mm(a);
            Matrix inverse = a.inverse();
            System.out.printf(Locale.ROOT, "openblas squared00=%.6f squared11=%.6f inverse10=%.6f%n",
                    squared.get(0, 0), squared.get(1, 1), inverse.get(1, 0));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
