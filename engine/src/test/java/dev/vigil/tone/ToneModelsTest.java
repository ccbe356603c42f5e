package dev.vigil.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.analyze.Analysis;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneModelsTest {
    private static final String ENABLED = """
            training: {algorithm: MAXENT_QN, iterations: 200, cutoff: 1, l2: 1.0}
            models:
              - {language: en, category: complaint, speaker: customer, enabled: true, threshold: 0.5, combine: union}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsTheTrainedModelFromAJarOnTheClasspath() throws Exception {
        // given a jar laid out like vigil-rules: vigil-tone/tone.yaml and the trained model
        Path jar = dir.resolve("rules.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("vigil-tone/tone.yaml"));
            out.write(ENABLED.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("vigil-tone/en-complaint.bin"));
            ToneFixtures.complaintModel(ToneFixtures.COMPLAINT_EN).doccat().serialize(new NonClosing(out));
        }

        // when
        ToneModels models;
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            models = ToneModels.classpath(loader, false);
        }

        // then
        assertThat(models.models()).singleElement().satisfies(m -> {
            assertThat(m.spec()).isEqualTo(ToneFixtures.COMPLAINT_EN);
            assertThat(m.score("Third time calling, still no refund and nobody answers.").probability())
                    .isGreaterThan(0.5);
        });
    }

    @Test
    void doesNotLoadADisabledModelSoItEmitsNothing() throws Exception {
        // given a tone folder whose only model is disabled (and whose model file is absent: it is not even read)
        Files.writeString(dir.resolve(ToneConfig.FILE), ENABLED.replace("enabled: true", "enabled: false"));

        // when
        ToneModels models = ToneModels.directory(dir);
        var findings = new ToneClassifierStep(models).apply(Analysis.of(ToneFixtures.chat("Hi.",
                "Third time calling, still no refund and nobody answers."))).findings();

        // then
        assertThat(models.models()).isEmpty();
        assertThat(findings).isEmpty();
    }

    @Test
    void trainerWritesModelsThatTheFolderLoaderReads() throws Exception {
        // given a tone folder with settings and examples
        Files.writeString(dir.resolve(ToneConfig.FILE), ENABLED);
        Files.createDirectories(dir.resolve("en"));
        var tsv = new StringBuilder("# comment\n");
        ToneFixtures.examples().forEach(e -> tsv.append(e.positive() ? "1" : "0").append('\t').append(e.text())
                .append('\n'));
        Files.writeString(dir.resolve("en/complaint.tsv"), tsv);

        // when
        ToneTrainer.main(new String[] {dir.toString(), dir.resolve("out").toString()});

        // then
        ToneModels models = ToneModels.directory(dir.resolve("out"));
        assertThat(models.models()).extracting(m -> m.spec().name()).containsExactly("en-complaint");
    }

    @Test
    void anEmptyClasspathMeansRulesAlone() throws IOException {
        try (var loader = new URLClassLoader(new URL[0], null)) {
            assertThat(ToneModels.classpath(loader, true).models()).isEmpty();
        }
    }

    @Test
    void namesTheFileAndLineOfAMalformedExample() throws IOException {
        Path tsv = dir.resolve("bad.tsv");
        Files.writeString(tsv, "1\tfine\nyes\tnot a label\n");
        assertThatThrownBy(() -> ToneTrainer.readExamples(tsv)).hasMessageContaining("bad.tsv: line 2");
    }

    @Test
    void rejectsAModelDeclaredTwiceOrAnUnknownCombination() {
        String twice = ENABLED + "  - {language: en, category: complaint, speaker: customer, threshold: 0.7}\n";
        assertThatThrownBy(() -> ToneConfig.parse(twice, "tone.yaml")).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> ToneConfig.parse(ENABLED.replace("union", "intersection"), "tone.yaml"))
                .hasMessageContaining("combine must be 'union'");
    }

    /** Lets the model's serializer close its stream without closing the jar. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
