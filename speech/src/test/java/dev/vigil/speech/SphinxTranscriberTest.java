package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.config.SpeechModelPaths;
import dev.vigil.model.Language;
import dev.vigil.model.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SphinxTranscriberTest {
    private static final String SPOKEN = "thank you for calling my name is sarah how can i help you today";
    private static SphinxTranscriber transcriber;
    private static List<Word> greeting;

    @BeforeAll
    static void transcribeGreetingOnce() throws Exception {
        transcriber = new SphinxTranscriber(Map.of());
        greeting = transcriber.transcribe(Fixtures.samples("greeting.wav"), Language.EN);
    }

    @AfterAll
    static void close() {
        transcriber.close();
    }

    @Test
    void recognisesMostWordsOfASynthesisedGreeting() {
        List<String> hyp = greeting.stream().map(Word::text).toList();
        var wer = WordErrorRate.of(List.of(SPOKEN.split(" ")), hyp);
        assertThat(wer.rate()).isLessThanOrEqualTo(0.25);
        assertThat(hyp).contains("thank", "name", "help", "today");
    }

    @Test
    void wordsHaveIncreasingTimesWithinTheAudio() {
        for (int i = 1; i < greeting.size(); i++) {
            assertThat(greeting.get(i).time().start()).isGreaterThanOrEqualTo(greeting.get(i - 1).time().end());
        }
        assertThat(greeting.get(0).time().start().toMillis()).isGreaterThan(0);
        assertThat(greeting.get(greeting.size() - 1).time().end().toMillis()).isLessThanOrEqualTo(4100);
    }

    @Test
    void confidencesArePosteriorsInTheUnitIntervalAndNotAllEqual() {
        assertThat(greeting).allSatisfy(w -> assertThat(w.confidence()).isBetween(0.0, 1.0));
        assertThat(greeting.stream().map(Word::confidence).distinct().count()).isGreaterThan(1);
        assertThat(greeting.stream().mapToDouble(Word::confidence).average().orElse(0)).isGreaterThan(0.5);
    }

    @Test
    void secondThreadGetsItsOwnRecogniserAndTheSameWords() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<Word>> other = pool.submit(() -> transcriber.transcribe(Fixtures.samples("greeting.wav"),
                    Language.EN));
            List<Word> words = other.get();
            // Same words and times; posteriors agree to 1e-2 (Sphinx4's lattice optimiser iterates hash sets, so the
            // lattice, and with it the 4th decimal of a posterior, can vary between recognisers).
            assertThat(words).extracting(Word::text).isEqualTo(greeting.stream().map(Word::text).toList());
            assertThat(words).extracting(Word::time).isEqualTo(greeting.stream().map(Word::time).toList());
            for (int i = 0; i < words.size(); i++) {
                assertThat(words.get(i).confidence()).isCloseTo(greeting.get(i).confidence(),
                        org.assertj.core.data.Offset.offset(0.01));
            }
            assertThat(transcriber.recognizers()).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void russianWithoutAModelIsRefusedWithTheReason() {
        assertThat(transcriber.supports(Language.RU)).isFalse();
        assertThatThrownBy(() -> transcriber.transcribe(new short[16000], Language.RU))
                .isInstanceOf(TranscriptionException.class)
                .hasMessage("no Russian acoustic model configured (set speech.models.ru in vigil.yaml; see docs/speech.md)");
    }

    @Test
    void brokenModelFolderNamesThePathAndTheMissingFiles(@TempDir Path dir) throws Exception {
        Path am = Files.createDirectories(dir.resolve("ru-model"));
        Files.writeString(am.resolve("mdef"), "x");
        var models = new SpeechModels(Map.of(Language.RU, new SpeechModelPaths(am, Optional.empty(), Optional.empty())));
        assertThat(models.supports(Language.RU)).isTrue();
        assertThatThrownBy(models::check).isInstanceOf(TranscriptionException.class)
                .hasMessageContaining(am.toString()).hasMessageContaining("means")
                .hasMessageContaining("speech.models.ru");
    }

    @Test
    void missingModelFolderIsReportedAtCheckTime(@TempDir Path dir) {
        Path am = dir.resolve("nowhere");
        var models = new SpeechModels(Map.of(Language.RU, new SpeechModelPaths(am, Optional.empty(), Optional.empty())));
        assertThatThrownBy(models::check).hasMessageContaining(am.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void completeFolderWithoutADictionarySaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Path am = Files.createDirectories(dir.resolve("model"));
        for (String f : List.of("mdef", "means", "variances", "transition_matrices", "feat.params", "noisedict",
                "mixture_weights")) {
            Files.writeString(am.resolve(f), "x");
        }
        Files.writeString(dir.resolve("ru.lm"), "x");
        var models = new SpeechModels(Map.of(Language.RU, new SpeechModelPaths(am, Optional.empty(), Optional.empty())));
        assertThatThrownBy(() -> models.resolve(Language.RU)).hasMessageContaining("no dictionary");
        Files.writeString(dir.resolve("ru.dic"), "x");
        assertThat(models.resolve(Language.RU).languageModel()).endsWith("ru.lm");
    }
}
