package dev.vigil.score;

import java.util.Objects;

/**
 * An item that passes when the selected findings are present (a required behaviour) or absent (a forbidden one).
 *
 * @param selector which findings count
 * @param expect   whether they are required or forbidden
 */
public record FindingCheck(FindingSelector selector, Expectation expect) implements ItemCheck {
    public FindingCheck {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(expect, "expect");
    }
}
