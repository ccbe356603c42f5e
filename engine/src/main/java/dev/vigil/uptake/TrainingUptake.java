package dev.vigil.uptake;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One agent's use of what one training taught, before and after its day: what an agent page's "Training uptake"
 * section shows.
 *
 * @param trainingId the training's id
 * @param title      the training's title
 * @param date       the training day
 * @param techniques every technique of the training, in the pack's order
 */
public record TrainingUptake(String trainingId, String title, LocalDate date, List<TechniqueUptake> techniques) {
    public TrainingUptake {
        Objects.requireNonNull(trainingId, "trainingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        techniques = List.copyOf(techniques);
    }

    /** Whether any technique applied to any of the agent's interactions (on either side of the day). */
    public boolean hasInteractions() {
        return techniques.stream().anyMatch(t -> t.before().interactions() + t.after().interactions() > 0);
    }
}
