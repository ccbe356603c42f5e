package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/**
 * One scorecard item's verdict and the reason for it.
 *
 * @param itemId   the scorecard item's id
 * @param section  the id of the section it belongs to
 * @param outcome  passed, failed or not applicable (a condition was not met)
 * @param autoFail whether this failure fails the whole interaction
 * @param reason   a sentence a trainer can read, for example "required greeting_ok not found in the first 2 agent turns"
 * @param evidence indexes into the evaluation's findings that decided the item
 */
public record ItemResult(String itemId, String section, ItemOutcome outcome, boolean autoFail, String reason,
                         List<Integer> evidence) {
    public ItemResult {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }
}
