package dev.vigil.uptake;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Speaker;
import dev.vigil.rules.RuleMatchingStep;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts how often an agent uses each trained technique in one interaction, with the same {@link RuleMatchingStep}
 * (Lucene monitor, rule analysis) as the rule packs, over the trainings' generated rule packs. The counts are metrics
 * ({@link TrainingSet#metric}); they are never findings and never change a score.
 *
 * <p>Thread-safe: build it once and share it. {@link #close()} it at the end (the rule matcher owns a thread); an
 * empty training set needs no matcher and starts none.
 */
public final class UptakeMatcher implements AutoCloseable {
    private final TrainingSet trainings;
    private final Optional<RuleMatchingStep> matching;

    /**
     * @param trainings the validated trainings
     * @param company   the company that {@code ${company}} stands for in technique queries
     */
    public UptakeMatcher(TrainingSet trainings, CompanyProfile company) {
        this.trainings = Objects.requireNonNull(trainings, "trainings");
        this.matching = trainings.isEmpty() ? Optional.empty()
                : Optional.of(new RuleMatchingStep(trainings.rules(), company));
    }

    public TrainingSet trainings() {
        return trainings;
    }

    /**
     * The uptake metrics of {@code interaction}: for every technique with a query in the interaction's language, the
     * number of agent turns that use it (0 included), named {@code uptake.<training>.<technique>.<version>_count}
     * ({@link TrainingSet#metrics(dev.vigil.model.Language)} lists them). Techniques
     * without a query in that language are left out, so the interaction is not counted for them. Attendance is not
     * looked at here: the report picks the attendees.
     */
    public SortedMap<String, Double> metrics(Interaction interaction) {
        SortedMap<String, Double> out = new TreeMap<>();
        if (matching.isEmpty()) {
            return out;
        }
        Map<String, Integer> turnsByRule = new HashMap<>();
        for (Finding f : matching.get().findings(interaction)) {
            if (f.speaker() == Speaker.AGENT) {
                turnsByRule.merge(f.ruleId(), 1, Integer::sum); // one finding per rule and turn
            }
        }
        for (Training training : trainings.trainings()) {
            for (Technique technique : training.techniques()) {
                if (!technique.languages().contains(interaction.language())) {
                    continue;
                }
                int uses = 0;
                for (String ruleId : technique.ruleIds().values()) {
                    uses += turnsByRule.getOrDefault(ruleId, 0); // a turn in another language may use its query
                }
                out.put(TrainingSet.metric(training.id(), technique), (double) uses);
            }
        }
        return out;
    }

    /** Rules of techniques whose query failed while matching, with the first error (see RuleMatchingStep). */
    public Map<String, String> matchErrors() {
        return matching.map(RuleMatchingStep::matchErrors).orElse(Map.of());
    }

    @Override
    public void close() {
        matching.ifPresent(RuleMatchingStep::close);
    }
}
