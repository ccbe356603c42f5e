package dev.vigil.pii;

import dev.vigil.analyze.Analysis;
import dev.vigil.analyze.AnalysisStep;
import dev.vigil.analyze.Product;
import dev.vigil.model.Category;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Signal;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports the personal data the ingestor redacted: one {@code pii} finding (signal {@code detector}, rule
 * {@code pii.<kind>}) per placeholder in a turn, whose text is the placeholder, never the value. For calls the
 * finding carries the placeholder word's time and confidence. Stateless and thread-safe.
 */
public final class PiiStep implements AnalysisStep {
    /** Any kind's placeholder, as a whole word: built from {@link PiiKind}, the one list of kinds. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?:"
            + java.util.Arrays.stream(PiiKind.values()).map(k -> Pattern.quote(k.placeholder()))
                    .collect(java.util.stream.Collectors.joining("|"))
            + ")(?![\\p{L}\\p{N}])");

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public Set<Product> requires() {
        return Set.of();
    }

    @Override
    public Set<Product> produces() {
        return Set.of();
    }

    @Override
    public Analysis apply(Analysis analysis) {
        Interaction interaction = analysis.interaction();
        var findings = new ArrayList<Finding>();
        for (Turn turn : interaction.turns()) {
            findings.addAll(findings(turn));
        }
        return findings.isEmpty() ? analysis : analysis.withFindings(findings);
    }

    /** The turn's placeholders as findings, in text order. */
    static List<Finding> findings(Turn turn) {
        var out = new ArrayList<Finding>();
        List<Word> placeholders = turn.words().stream()
                .filter(w -> PiiKind.ofPlaceholder(w.text().strip()).isPresent()).toList();
        Matcher m = PLACEHOLDER.matcher(turn.text());
        int n = 0;
        while (m.find()) {
            PiiKind kind = PiiKind.ofPlaceholder(m.group()).orElseThrow();
            TimeSpan time = turn.time();
            double confidence = 1.0;
            // the n-th placeholder of the text is the n-th placeholder word when the text was made from the words
            if (n < placeholders.size() && placeholders.get(n).text().strip().equals(m.group())) {
                time = placeholders.get(n).time();
                confidence = placeholders.get(n).confidence();
            }
            n++;
            out.add(new Finding(kind.ruleId(), Category.PII, turn.speaker(), turn.index(), time,
                    new CharSpan(m.start(), m.end()), m.group(), confidence, Signal.DETECTOR, List.of()));
        }
        return out;
    }
}
