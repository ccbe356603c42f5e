package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxLoaderTest {
    @TempDir
    Path inbox;

    private void write(String name, String content) throws IOException {
        Files.writeString(inbox.resolve(name), content);
    }

    @Test
    void usesDefaultsWhenTheInboxHasNoConfigurationFiles() {
        Inbox loaded = InboxLoader.load(inbox);

        assertThat(loaded.config()).isEqualTo(InboxConfig.defaults());
        assertThat(loaded.config().timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(loaded.roster().isPresent()).isFalse();
        assertThat(loaded.surveys()).isEmpty();
    }

    @Test
    void readsEveryKeyOfVigilYaml() throws IOException {
        write("vigil.yaml", """
                company:
                  name: Связь-Плюс
                  aliases: [Связь Плюс, SvyazPlus]
                language: ru
                scorecard: default-ru
                report_language: en
                max_file_mb: 5
                timezone: Europe/Moscow
                """);

        InboxConfig config = InboxLoader.load(inbox).config();

        assertThat(config.company().name()).isEqualTo("Связь-Плюс");
        assertThat(config.company().aliases()).containsExactly("Связь Плюс", "SvyazPlus");
        assertThat(config.defaultLanguage()).isEqualTo(Language.RU);
        assertThat(config.scorecard()).contains("default-ru");
        assertThat(config.effectiveReportLanguage()).isEqualTo(Language.EN);
        assertThat(config.maxFileBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void readsCallSettingsAndSpeechModelsResolvingPathsAgainstTheInbox() throws IOException {
        write("vigil.yaml", """
                calls:
                  channels: {left: customer, right: agent}
                  dead_air_s: 8
                  hold_min_s: 30
                  min_confidence: 0.7
                  max_duration_min: 60
                  max_file_mb: 100
                speech:
                  models:
                    ru:
                      acoustic_model: models/cmusphinx-ru-5.2
                      dictionary: models/ru.dic
                """);

        CallSettings calls = InboxLoader.load(inbox).config().calls();

        assertThat(calls.layout()).isEqualTo(dev.vigil.model.ChannelLayout.AGENT_RIGHT);
        assertThat(calls.deadAir()).isEqualTo(java.time.Duration.ofSeconds(8));
        assertThat(calls.holdMinimum()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(calls.minConfidence()).isEqualTo(0.7);
        assertThat(calls.maxDuration()).isEqualTo(java.time.Duration.ofMinutes(60));
        assertThat(calls.maxFileBytes()).isEqualTo(100L * 1024 * 1024);
        SpeechModelPaths ru = calls.models().get(Language.RU);
        assertThat(ru.acousticModel()).isEqualTo(inbox.toAbsolutePath().resolve("models/cmusphinx-ru-5.2"));
        assertThat(ru.dictionary()).contains(inbox.toAbsolutePath().resolve("models/ru.dic"));
        assertThat(ru.languageModel()).isEmpty();
        assertThat(calls.models()).doesNotContainKey(Language.EN);
    }

    @Test
    void acceptsMonoAsTheDefaultChannelLayout() throws IOException {
        write("vigil.yaml", "calls:\n  channels: mono\n");

        assertThat(InboxLoader.load(inbox).config().calls().layout()).isEqualTo(dev.vigil.model.ChannelLayout.MONO);
    }

    @Test
    void rejectsAChannelLayoutWithoutAnAgent() throws IOException {
        write("vigil.yaml", "calls:\n  channels: {left: customer, right: customer}\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("calls.channels").hasMessageContaining("mono");
    }

    @Test
    void rejectsAConfidenceOutsideZeroToOne() throws IOException {
        write("vigil.yaml", "calls:\n  min_confidence: 1.5\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("calls.min_confidence");
    }

    @Test
    void rejectsASpeechModelWithoutItsAcousticModelFolder() throws IOException {
        write("vigil.yaml", "speech:\n  models:\n    ru:\n      dictionary: ru.dic\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("speech.models.ru.acoustic_model");
    }

    @Test
    void rejectsASpeechModelForAnUnsupportedLanguage() throws IOException {
        write("vigil.yaml", "speech:\n  models:\n    de:\n      acoustic_model: de\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("de");
    }

    @Test
    void treatsAnEmptyVigilYamlAsDefaults() throws IOException {
        write("vigil.yaml", "# nothing configured yet\n");

        assertThat(InboxLoader.load(inbox).config()).isEqualTo(InboxConfig.defaults());
    }

    @Test
    void rejectsAnUnknownKeyNamingFileLineAndKey() throws IOException {
        write("vigil.yaml", """
                company:
                  name: Northwind Telecom
                  slogan: Always on
                """);

        InvalidInboxException e = catchThrowableOfType(InvalidInboxException.class, () -> InboxLoader.load(inbox));

        assertThat(e.file()).isEqualTo(inbox.resolve("vigil.yaml"));
        assertThat(e.line()).isEqualTo(OptionalInt.of(3));
        assertThat(e.problem()).contains("unknown key 'company.slogan'").contains("aliases", "name");
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vigil.yaml, line 3");
    }

    @Test
    void rejectsAnUnsupportedLanguageWithItsLine() throws IOException {
        write("vigil.yaml", "company:\n  name: Northwind\nlanguage: de\n");

        InvalidInboxException e = catchThrowableOfType(InvalidInboxException.class, () -> InboxLoader.load(inbox));

        assertThat(e.line()).isEqualTo(OptionalInt.of(3));
        assertThat(e.problem()).contains("language").contains("unsupported language 'de'");
    }

    @Test
    void rejectsAnUnknownTimeZone() throws IOException {
        write("vigil.yaml", "timezone: Mars/Olympus\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("line 1").hasMessageContaining("unknown time zone 'Mars/Olympus'");
    }

    @Test
    void rejectsANonPositiveSizeLimit() throws IOException {
        write("vigil.yaml", "language: en\nmax_file_mb: -3\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("line 2").hasMessageContaining("not a positive number");
    }

    @Test
    void rejectsAYamlDocumentThatIsNotAMapping() throws IOException {
        write("vigil.yaml", "- company\n- language\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("line 1").hasMessageContaining("expected a mapping of keys");
    }

    @Test
    void rejectsARosterLanguageThatIsNotSupported() throws IOException {
        write("agents.csv", "agent_id,name,email,team,language\nj.carter,John Carter,,,de\n");

        InvalidInboxException e = catchThrowableOfType(InvalidInboxException.class, () -> InboxLoader.load(inbox));

        assertThat(e.line()).isEqualTo(OptionalInt.of(2));
        assertThat(e.problem()).isEqualTo("unsupported language 'de' (supported: en, ru)");
    }

    @Test
    void rejectsInvalidYamlSyntax() throws IOException {
        write("vigil.yaml", "company:\n  name: [unclosed\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("vigil.yaml");
    }

    @Test
    void loadsTheRosterWithOptionalColumns() throws IOException {
        write("agents.csv", """
                agent_id,name,email,team,language
                j.carter,John Carter,John.Carter@Northwind.example,Billing,en
                a.ivanova,Анна Иванова,,,
                """);

        Roster roster = InboxLoader.load(inbox).roster();

        assertThat(roster.isPresent()).isTrue();
        assertThat(roster.byEmail("john.carter@northwind.example")).map(Agent::id).contains("j.carter");
        Agent anna = roster.byId("a.ivanova").orElseThrow();
        assertThat(anna.name()).isEqualTo("Анна Иванова");
        assertThat(anna.email()).isEmpty();
        assertThat(anna.language()).isEmpty();
    }

    @Test
    void rejectsARosterRowWithoutAName() throws IOException {
        write("agents.csv", "agent_id,name,email,team,language\nj.carter,John Carter,,,\nm.brown,,,,\n");

        InvalidInboxException e = catchThrowableOfType(InvalidInboxException.class, () -> InboxLoader.load(inbox));

        assertThat(e.file()).isEqualTo(inbox.resolve("agents.csv"));
        assertThat(e.line()).isEqualTo(OptionalInt.of(3));
        assertThat(e.problem()).isEqualTo("column 'name' is empty");
    }

    @Test
    void rejectsARosterWithoutTheAgentIdColumn() throws IOException {
        write("agents.csv", "id,name\nj.carter,John Carter\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).isInstanceOf(InvalidInboxException.class)
                .hasMessageContaining("line 1").hasMessageContaining("[agent_id]");
    }

    @Test
    void rejectsADuplicateAgentId() throws IOException {
        write("agents.csv", "agent_id,name\nj.carter,John Carter\nj.carter,John Carter\n");

        assertThatThrownBy(() -> InboxLoader.load(inbox)).hasMessageContaining("duplicate agent_id 'j.carter'");
    }

    @Test
    void loadsSurveysAndRejectsAnswersOutOfRange() throws IOException {
        write("surveys.csv", "interaction_id,csat,nps,ces\nchat-1,4,9,\n");

        Survey survey = InboxLoader.load(inbox).survey("chat-1").orElseThrow();

        assertThat(survey.csat()).isEqualTo(OptionalInt.of(4));
        assertThat(survey.nps()).isEqualTo(OptionalInt.of(9));
        assertThat(survey.ces()).isEmpty();

        write("surveys.csv", "interaction_id,csat,nps,ces\nchat-1,4,9,\nchat-2,6,,\n");
        InvalidInboxException e = catchThrowableOfType(InvalidInboxException.class, () -> InboxLoader.load(inbox));
        assertThat(e.line()).isEqualTo(OptionalInt.of(3));
        assertThat(e.problem()).isEqualTo("csat 6 is outside 1-5");
    }
}
