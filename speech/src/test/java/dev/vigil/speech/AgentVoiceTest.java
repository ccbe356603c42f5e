package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentVoiceTest {
    private final AgentVoice voice = new AgentVoice();
    private final CompanyProfile northwind = new CompanyProfile("Northwind Telecom", List.of("Нортвинд"));
    private final Person john = Person.of("j.carter", "John Carter");

    @Test
    void picksTheVoiceThatGreetsEvenWhenTheCustomerSpokeFirst() {
        var choice = voice.choose(List.of("hello is anybody there my internet is down again",
                "good morning northwind telecom john speaking how can i help you"), Language.EN, northwind, john);

        assertThat(choice).isEqualTo(new AgentVoice.Choice(1, AgentVoice.Basis.GREETING));
    }

    @Test
    void picksTheRussianVoiceThatNamesTheCompany() {
        var anna = Person.of("a.ivanova", "Анна Иванова");
        var choice = voice.choose(List.of("у меня не работает интернет",
                "здравствуйте компания нортвинд меня зовут анна чем могу помочь"), Language.RU, northwind, anna);

        assertThat(choice.agent()).isEqualTo(1);
        assertThat(choice.basis()).isEqualTo(AgentVoice.Basis.GREETING);
    }

    @Test
    void fallsBackToTheFirstSpeakerWhenNeitherVoiceGreets() {
        var choice = voice.choose(List.of("yes", "okay"), Language.EN, northwind, john);

        assertThat(choice).isEqualTo(new AgentVoice.Choice(0, AgentVoice.Basis.FIRST_SPEAKER));
    }

    @Test
    void aSingleVoiceIsTheAgent() {
        assertThat(voice.choose(List.of("hello"), Language.EN, northwind, john).basis())
                .isEqualTo(AgentVoice.Basis.SINGLE_VOICE);
    }
}
