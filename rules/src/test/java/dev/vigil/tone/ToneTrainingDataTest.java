package dev.vigil.tone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The shipped examples train models that generalise to examples they did not see, and the build ships the models. */
class ToneTrainingDataTest {
    /** Accuracy on every fifth example, held back from training. */
    private static final double HELD_BACK_FLOOR = 0.80;

    static ToneConfig config() throws IOException {
        try (InputStream in = ToneTrainingDataTest.class.getClassLoader()
                .getResourceAsStream("vigil-tone/tone.yaml")) {
            return ToneConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tone.yaml");
        }
    }

    static List<ToneModelSpec> models() throws IOException {
        return config().models();
    }

    private static List<ToneTrainer.Example> examples(ToneModelSpec spec) throws IOException, URISyntaxException {
        var url = ToneTrainingDataTest.class.getClassLoader().getResource("vigil-tone/" + spec.dataFile());
        assertThat(url).as(spec.dataFile()).isNotNull();
        return ToneTrainer.readExamples(Path.of(url.toURI()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void hasAtLeastThreeHundredExamplesOfEachLabel(ToneModelSpec spec) throws Exception {
        List<ToneTrainer.Example> examples = examples(spec);
        assertThat(examples.stream().filter(ToneTrainer.Example::positive).count()).isGreaterThanOrEqualTo(260);
        assertThat(examples.stream().filter(e -> !e.positive()).count()).isGreaterThanOrEqualTo(260);
    }

    @ParameterizedTest
    @MethodSource("models")
    void separatesExamplesHeldBackFromTraining(ToneModelSpec spec) throws Exception {
        // given every fifth example held back
        List<ToneTrainer.Example> all = examples(spec);
        var train = new ArrayList<ToneTrainer.Example>();
        var test = new ArrayList<ToneTrainer.Example>();
        for (int i = 0; i < all.size(); i++) {
            (i % 5 == 2 ? test : train).add(all.get(i));
        }

        // when
        var model = new ToneModel(spec.withThreshold(0.5), ToneTrainer.train(spec.language(), train,
                config().training()));

        // then
        long right = test.stream().filter(e -> (model.score(e.text()).probability() >= 0.5) == e.positive()).count();
        assertThat((double) right / test.size()).as(spec.name() + " held-back accuracy")
                .isGreaterThanOrEqualTo(HELD_BACK_FLOOR);
    }

    @Test
    void trainingIsDeterministic() throws Exception {
        ToneModelSpec spec = models().get(0);
        List<ToneTrainer.Example> all = examples(spec);
        var a = new ToneModel(spec, ToneTrainer.train(spec.language(), all, config().training()));
        var b = new ToneModel(spec, ToneTrainer.train(spec.language(), all, config().training()));
        for (ToneTrainer.Example e : all.subList(0, 50)) {
            assertThat(a.score(e.text())).isEqualTo(b.score(e.text()));
        }
    }

    @Test
    void theBuildShipsEveryEnabledModelOnTheClasspath() throws Exception {
        ToneModels shipped = ToneModels.classpath(getClass().getClassLoader(), false);
        assertThat(shipped.models()).extracting(m -> m.spec().name()).containsExactlyElementsOf(
                models().stream().filter(ToneModelSpec::enabled).map(ToneModelSpec::name).toList());
        assertThat(ToneModels.classpath(getClass().getClassLoader(), true).models()).hasSameSizeAs(models());
    }

    @Test
    void shippedModelsFlagTypicalTextsInBothLanguages() {
        ToneModels all = ToneModels.classpath(getClass().getClassLoader(), true);
        assertThat(probability(all, "en-complaint", "I have called four times and my broadband is still down."))
                .isGreaterThan(0.5);
        assertThat(probability(all, "en-complaint", "Thanks, the engineer was lovely and quick.")).isLessThan(0.5);
        assertThat(probability(all, "en-rudeness", "Did you even bother to read what I wrote?")).isGreaterThan(0.5);
        assertThat(probability(all, "en-rudeness", "Could you please send me the invoice? Thanks!"))
                .isLessThan(0.5);
        assertThat(probability(all, "ru-complaint", "Деньги списали, а заказ так и не привезли, поддержка молчит."))
                .isGreaterThan(0.5);
        assertThat(probability(all, "ru-complaint", "Спасибо, всё получили вовремя.")).isLessThan(0.5);
        assertThat(probability(all, "ru-rudeness", "Отвали, идиот, надоел со своими вопросами.")).isGreaterThan(0.5);
        assertThat(probability(all, "ru-rudeness", "Спасибо за ожидание, сейчас всё проверю.")).isLessThan(0.5);
    }

    private static double probability(ToneModels models, String name, String text) {
        return models.models().stream().filter(m -> m.spec().name().equals(name)).findFirst().orElseThrow()
                .score(text).probability();
    }
}
