package dev.vigil.report;

/** Two-sided 95 % critical values of Student's t distribution. */
final class StudentT {
    /** t(0.975, df) for df = 1..30, from the standard tables. */
    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    private static final double Z975 = 1.959964;

    private StudentT() {
    }

    /**
     * The 0.975 quantile for {@code df} degrees of freedom: the table up to 30, then the Cornish-Fisher expansion
     * around the normal quantile (error below 0.001 from df 31 on).
     */
    static double critical95(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }
}
