package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default Russian packs on whole synthetic dialogues: who is rude, who complains, and hold etiquette. */
class RussianPacksOnDialoguesTest {
    private static RuleMatchingStep step;

    @BeforeAll
    static void load() {
        step = new RuleMatchingStep(RuleSet.load(RuleSource.classpath()),
                new CompanyProfile("Связь-Плюс", List.of("СвязьПлюс")));
    }

    @AfterAll
    static void close() {
        step.close();
    }

    private static Interaction chat(String... lines) {
        var turns = new ArrayList<Turn>();
        for (int i = 0; i < lines.length; i++) {
            Speaker speaker = lines[i].startsWith("A: ") ? Speaker.AGENT : Speaker.CUSTOMER;
            turns.add(new Turn(i, speaker, TimeSpan.ofMillis(i * 20_000L, i * 20_000L + 10_000L),
                    lines[i].substring(3), Language.RU, List.of()));
        }
        return new Interaction("dialogue-ru", Channel.CHAT, Language.RU, Person.of("agent", "Анна Иванова"),
                Optional.empty(), Instant.parse("2026-11-21T09:00:00Z"), Duration.ofSeconds(lines.length * 20L),
                turns, List.of(), OptionalInt.empty(), Path.of("chats/dialogue-ru.json"));
    }

    private static List<String> categoriesByTurn(Interaction interaction) {
        return step.findings(interaction).stream().map(f -> f.turn() + ":" + f.category().code()).distinct().toList();
    }

    private static List<String> rulesByTurn(Interaction interaction) {
        return step.findings(interaction).stream().map(f -> f.turn() + ":" + f.ruleId()).distinct().toList();
    }

    @Test
    void countsAnAgentsInsultAsRudenessButTheCustomersInsultAsAComplaint() {
        Interaction chat = chat(
                "C: Вы там совсем идиоты? Третий день нет интернета!",
                "A: Сами вы идиот, нечего было роутер трогать.");

        assertThat(categoriesByTurn(chat)).contains("0:complaint", "1:rudeness")
                .doesNotContain("0:rudeness", "1:complaint");
    }

    @Test
    void keepsAnAgentsSwearingAtTheSystemAsProfanityOnlyButObsceneAbuseAsRudenessToo() {
        Interaction system = chat(
                "C: Проверьте, пожалуйста, мой счёт.",
                "A: Бл*, система опять зависла. Простите, одну секунду.");
        Interaction abuse = chat(
                "C: Проверьте, пожалуйста, мой счёт ещё раз.",
                "A: Да заебали вы со своим счётом.");

        assertThat(categoriesByTurn(system)).contains("1:profanity").doesNotContain("1:rudeness");
        assertThat(categoriesByTurn(abuse)).contains("1:profanity", "1:rudeness");
    }

    @Test
    void findsNoComplaintInNegatedOrPoliteCustomerTurns() {
        Interaction chat = chat(
                "C: Я не жалуюсь, просто хотел уточнить тариф.",
                "A: Конечно, сейчас посмотрю.",
                "C: Интернет работает без проблем, претензий нет.",
                "A: Рада слышать!",
                "C: Вы меня не обманули, всё как в договоре. Спасибо.");

        assertThat(categoriesByTurn(chat)).noneMatch(c -> c.endsWith(":complaint"));
    }

    @Test
    void findsRecurringProblemsMoneyAndUnreachableSupportAsComplaints() {
        Interaction chat = chat(
                "C: Это уже третий раз, сколько можно?",
                "A: Понимаю вас, давайте проверим.",
                "C: И верните деньги, вы списали лишние двести рублей без предупреждения.",
                "A: Сейчас проверю списание.",
                "C: До вас вообще не дозвониться, никто не берёт трубку.");

        assertThat(rulesByTurn(chat)).contains("0:complaint.dissatisfied.ru", "2:complaint.money.ru",
                "4:complaint.unreachable.ru");
    }

    @Test
    void flagsAHoldRequestThatIsNeverThankedOnTheRequestTurn() {
        Interaction unthanked = chat(
                "C: Подскажите баланс.",
                "A: Подождите минуту, я проверю.",
                "C: Жду.",
                "A: Баланс — 300 рублей.");
        Interaction thanked = chat(
                "C: Подскажите баланс.",
                "A: Можно я поставлю вас на удержание на минуту?",
                "C: Да.",
                "A: Спасибо за ожидание! Баланс — 300 рублей.");

        assertThat(rulesByTurn(unthanked)).contains("1:hold.not_thanked.ru", "1:hold.not_asked.ru");
        assertThat(rulesByTurn(thanked)).contains("1:hold.ask.ru", "3:hold.thanks.ru")
                .doesNotContain("1:hold.not_thanked.ru", "1:hold.not_asked.ru");
    }

    @Test
    void findsResolutionAndKnowledgeGapsOnlyInTheAgentsAffirmativeTurns() {
        Interaction chat = chat(
                "C: Не знаю, к вам ли я обращаюсь: деньги не вернули.",
                "A: Вроде бы возврат проходит за три дня, но точно не скажу.",
                "C: Когда будет решён вопрос?",
                "A: Вопрос пока не решён, инженеры работают.",
                "A: Всё, деньги вернули, перерасчёт сделан.");

        assertThat(categoriesByTurn(chat)).contains("1:knowledge_gap", "4:resolution")
                .doesNotContain("0:knowledge_gap", "3:resolution");
    }

    @Test
    void findsATransferAndACrossSellButNotTheirLookalikes() {
        Interaction chat = chat(
                "C: Как перевести деньги на другой номер?",
                "A: Перевод денег делается в приложении. Рекомендую перезагрузить роутер, если оно не открывается.",
                "C: А по тарифу?",
                "A: Могу предложить тариф с безлимитом. По договору сейчас переключу вас на специалиста.");

        assertThat(categoriesByTurn(chat)).contains("3:cross_sell", "3:transfer")
                .doesNotContain("1:cross_sell", "1:transfer");
    }

    @Test
    void russianPacksCoverEveryCategoryExceptPersonalDataWhichADetectorFinds() {
        RuleSet rules = RuleSet.load(RuleSource.classpath());

        var covered = EnumSet.noneOf(Category.class);
        rules.rules().stream().filter(r -> r.language() == Language.RU).map(Rule::category).forEach(covered::add);

        assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.of(Category.PII)));
    }
}
