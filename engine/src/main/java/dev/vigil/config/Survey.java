package dev.vigil.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One row of {@code surveys.csv}: the customer's answers for one interaction.
 *
 * @param interactionId the interaction the survey belongs to
 * @param csat          customer satisfaction, 1-5
 * @param nps           net promoter answer, 0-10
 * @param ces           customer effort, 1-7
 */
public record Survey(String interactionId, OptionalInt csat, OptionalInt nps, OptionalInt ces) {
    public Survey {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(ces, "ces");
        check("csat", csat, 1, 5);
        check("nps", nps, 0, 10);
        check("ces", ces, 1, 7);
    }

    private static void check(String name, OptionalInt value, int min, int max) {
        if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
            throw new IllegalArgumentException(name + " " + value.getAsInt() + " is outside " + min + "-" + max);
        }
    }
}
