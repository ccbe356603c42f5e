package dev.vigil.tone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.eval.CategoryScore;
import dev.vigil.eval.Split;
import dev.vigil.ingest.Ingestor;
import dev.vigil.model.Category;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Turn;
import dev.vigil.rules.RuleSource;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures rules alone against rules + tone classifier on the labelled sets in {@code -Dvigil.evalData=DIR} (the
 * shared evaluation data, never copied into the project), and checks that every enabled model beats rules alone on
 * the tune half. Prints, per set: F1 of rules alone, of the classifier alone and of the union, on the tune half for a
 * range of thresholds, and on both halves at the configured threshold. Skipped without the property.
 *
 * <pre>{@code
 * mvn -B -q -o -pl engine,rules -am test -Dtest=ToneEvalDataTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvigil.evalData=$PWD/../shared/eval-data
 * }</pre>
 */
@EnabledIfSystemProperty(named = "vigil.evalData", matches = ".+")
class ToneEvalDataTest {
    private record EvalSet(String name, Category category, Language language) {
    }

    private static final List<EvalSet> SETS = List.of(
            new EvalSet("complaints-en", Category.COMPLAINT, Language.EN),
            new EvalSet("complaints-ru", Category.COMPLAINT, Language.RU),
            new EvalSet("politeness-en", Category.RUDENESS, Language.EN),
            new EvalSet("toxicity-ru", Category.RUDENESS, Language.RU),
            new EvalSet("detox-ru", Category.RUDENESS, Language.RU));

    /** Per labelled item: its label, whether rules found the category, the classifier's highest probability. */
    private record Item(String id, boolean expected, boolean rule, double probability) {
    }

    @Test
    void everyEnabledModelBeatsRulesAloneOnTheTuneHalf() throws Exception {
        Path data = Path.of(System.getProperty("vigil.evalData"));
        ToneModels all = ToneModels.classpath(getClass().getClassLoader(), true);
        var report = new StringBuilder();
        var failures = new ArrayList<String>();
        for (EvalSet set : SETS) {
            var found = all.models().stream().filter(m -> m.spec().category() == set.category()
                    && m.spec().language() == set.language()).findFirst();
            if (found.isEmpty() || !Files.isDirectory(data.resolve(set.name()))) {
                report.append("\n## ").append(set.name()).append(": no model or no data\n");
                continue;
            }
            ToneModel model = found.get();
            List<Item> items = measure(data.resolve(set.name()), set, model);
            double t = model.spec().threshold();
            report.append(String.format(Locale.ROOT, "%n## %s (%s, %s, threshold %.2f)%n", set.name(),
                    model.spec().name(), model.spec().enabled() ? "enabled" : "disabled", t));
            for (Split split : List.of(Split.TUNE, Split.HOLDOUT)) {
                report.append(String.format(Locale.ROOT, "%-7s rules %s | classifier %s | union %s%n",
                        split.name().toLowerCase(Locale.ROOT), fmt(score(items, split, 2)), fmt(score(items, split, t)),
                        fmt(union(items, split, t))));
            }
            report.append("tune sweep (threshold: classifier F1 / union F1):");
            for (double s = 0.30; s < 0.999; s += 0.05) {
                report.append(String.format(Locale.ROOT, " %.2f:%.3f/%.3f", s, score(items, Split.TUNE, s).f1(),
                        union(items, Split.TUNE, s).f1()));
            }
            double best = 0.30;
            for (double s = 0.30; s < 0.999; s += 0.05) {
                if (union(items, Split.TUNE, s).f1() > union(items, Split.TUNE, best).f1() + 1e-9) {
                    best = s;
                }
            }
            report.append(String.format(Locale.ROOT, "%nbest tune threshold %.2f (union F1 %.3f)%n", best,
                    union(items, Split.TUNE, best).f1()));
            if (model.spec().enabled()
                    && union(items, Split.TUNE, t).f1() < score(items, Split.TUNE, 2).f1()) {
                failures.add(set.name());
            }
        }
        System.out.println(report);
        assertThat(failures).as("enabled models that do worse than rules alone on the tune half").isEmpty();
    }

    private static List<Item> measure(Path set, EvalSet spec, ToneModel model) throws Exception {
        Map<String, Boolean> labels = new HashMap<>();
        try (Reader r = Files.newBufferedReader(set.resolve("labels.csv"), StandardCharsets.UTF_8);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : parser) {
                if (rec.get("category").equals(spec.category().code())) {
                    labels.put(rec.get("interaction_id"), rec.get("expected").equals("1"));
                }
            }
        }
        Inbox inbox = InboxLoader.load(set.resolve("inbox"));
        var ingestor = new Ingestor(inbox);
        var items = new ArrayList<Item>();
        try (QaEngine engine = QaEngine.load(RuleSource.classpath(), inbox.config(),
                new dev.vigil.uptake.TrainingLoader().load(List.of()), ToneModels.none());
             Stream<Path> files = Files.list(set.resolve("inbox/chats"))) {
            for (Path f : files.sorted().toList()) {
                Interaction in = ingestor.read(f);
                Boolean expected = labels.get(in.id());
                if (expected == null) {
                    continue;
                }
                Evaluation e = engine.evaluate(in);
                boolean rule = e.findings().stream().anyMatch(x -> x.category() == spec.category());
                double p = 0;
                for (Turn turn : in.turns()) {
                    if (turn.speaker() == model.spec().speaker() && turn.language() == model.spec().language()) {
                        p = Math.max(p, model.score(turn.text()).probability());
                    }
                }
                items.add(new Item(in.id(), expected, rule, p));
            }
        }
        return items;
    }

    /** The classifier alone at threshold {@code t}; a threshold above 1 gives rules alone. */
    private static CategoryScore score(List<Item> items, Split split, double t) {
        return count(items, split, i -> t > 1 ? i.rule() : i.probability() >= t);
    }

    private static CategoryScore union(List<Item> items, Split split, double t) {
        return count(items, split, i -> i.rule() || i.probability() >= t);
    }

    private static CategoryScore count(List<Item> items, Split split, java.util.function.Predicate<Item> found) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (Item i : items) {
            if (!split.contains(i.id())) {
                continue;
            }
            boolean hit = found.test(i);
            if (i.expected()) {
                if (hit) tp++; else fn++;
            } else {
                if (hit) fp++; else tn++;
            }
        }
        return new CategoryScore("", tp, fp, fn, tn);
    }

    private static String fmt(CategoryScore s) {
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f", s.precision(), s.recall(), s.f1());
    }
}
