package dev.vigil.model;

import java.util.Objects;

/** Points a section earned out of its weight; {@code max} is 0 when no item of the section applied. */
public record SectionScore(String id, double score, double max) {
    public SectionScore {
        Objects.requireNonNull(id, "id");
    }
}
