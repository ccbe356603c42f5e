package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes an inbox of synthetic chats in English and Russian, built from phrase lists that exercise every default
 * category (greetings with and without the company, complaints, apologies, rudeness, escalation, closings). The
 * same seed writes the same inbox. Streams to disk: memory does not grow with the count.
 */
public final class SyntheticInbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AGENTS_PER_LANGUAGE = 10;

    private static final List<String> EN_AGENTS = List.of("Alex", "Blake", "Casey", "Drew", "Emery", "Finley",
            "Harper", "Jordan", "Morgan", "Quinn");
    private static final List<String> RU_AGENTS = List.of("Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна",
            "Захар", "Ирина", "Кирилл");

    private static final List<String> EN_OPEN = List.of(
            "Good morning, Northwind Telecom, %s speaking, how can I help you today?",
            "Hello, thank you for contacting Northwind, my name is %s. How may I help?",
            "Hi, %s here. What can I do for you?",
            "Hello, how can I help?");
    private static final List<String> EN_CUSTOMER = List.of(
            "My internet has been down since yesterday and nobody called me back.",
            "This is the third time I am writing about the same bill, it is unacceptable.",
            "I'd like to change my tariff to something cheaper please.",
            "I'm not complaining, just curious when the new router ships.",
            "If this is not fixed today I want to speak to your manager.",
            "I will cancel my contract and go to another provider.",
            "Thanks, that was quick.");
    private static final List<String> EN_AGENT = List.of(
            "I'm sorry for the inconvenience, let me check that for you right away.",
            "I completely understand how frustrating that must be.",
            "I have reset the line, it should work again in a few minutes.",
            "That's not my problem, you should have read the contract.",
            "Please hold on while I look at your account.",
            "I have applied a credit of ten pounds to your next bill.");
    private static final List<String> EN_CLOSE = List.of(
            "Is there anything else I can help you with? Thank you for contacting us, have a great day, goodbye!",
            "Thanks for your patience. Goodbye!",
            "Bye.");

    private static final List<String> RU_OPEN = List.of(
            "Здравствуйте! Компания «Нортвинд», меня зовут %s. Чем могу помочь?",
            "Добрый день, Нортвинд Телеком, %s. Чем могу быть полезна?",
            "Здравствуйте, меня зовут %s. Слушаю вас.",
            "Добрый день.");
    private static final List<String> RU_CUSTOMER = List.of(
            "У меня второй день не работает интернет, и никто не перезвонил.",
            "Это уже третий раз, когда я пишу про один и тот же счёт, это безобразие.",
            "Хочу сменить тариф на более дешёвый.",
            "Не то чтобы жалоба, просто вопрос: когда придёт новый роутер?",
            "Если сегодня не исправите, соедините меня с руководителем.",
            "Я расторгну договор и уйду к другому оператору.",
            "Спасибо, всё понятно.");
    private static final List<String> RU_AGENT = List.of(
            "Приношу извинения за неудобства, сейчас всё проверю.",
            "Понимаю, как это неприятно, давайте разберёмся.",
            "Я перезагрузил линию, через несколько минут всё заработает.",
            "Это не моя проблема, читайте договор внимательнее.",
            "Подождите, пожалуйста, я посмотрю ваш лицевой счёт.",
            "Я начислил компенсацию в размере ста рублей.");
    private static final List<String> RU_CLOSE = List.of(
            "Могу ли я ещё чем-то помочь? Спасибо за обращение, всего доброго, до свидания!",
            "Спасибо за ожидание. До свидания!",
            "Всё.");

    private SyntheticInbox() {
    }

    /**
     * Writes {@code count} chats plus {@code vigil.yaml} and {@code agents.csv} into {@code inbox}; interaction ids
     * are {@code <idPrefix>-<n>}.
     */
    public static void write(Path inbox, String idPrefix, int count, long seed) throws IOException {
        Path chats = inbox.resolve("chats");
        Files.createDirectories(chats);
        Files.writeString(inbox.resolve("vigil.yaml"), "company:\n  name: Northwind Telecom\n"
                + "  aliases: [Northwind, Нортвинд, Нортвинд Телеком]\nlanguage: en\n", StandardCharsets.UTF_8);
        var roster = new StringBuilder("agent_id,name,email,team,language\n");
        for (int i = 0; i < AGENTS_PER_LANGUAGE; i++) {
            roster.append("en-").append(i).append(',').append(EN_AGENTS.get(i)).append(" Smith,en").append(i)
                    .append("@northwind.example,bench,en\n");
            roster.append("ru-").append(i).append(',').append(RU_AGENTS.get(i)).append(" Петрова,ru").append(i)
                    .append("@northwind.example,bench,ru\n");
        }
        Files.writeString(inbox.resolve("agents.csv"), roster, StandardCharsets.UTF_8);
        var random = new SplittableRandom(seed);
        Instant start = Instant.parse("2026-11-21T08:00:00Z");
        for (int n = 0; n < count; n++) {
            Path dir = chats.resolve(String.format("%03d", n / 1000));
            if (n % 1000 == 0) {
                Files.createDirectories(dir);
            }
            Files.writeString(dir.resolve(idPrefix + "-" + n + ".json"), chat(idPrefix + "-" + n, random,
                            start.plusSeconds(n * 7L)),
                    StandardCharsets.UTF_8);
        }
    }

    static String chat(String id, SplittableRandom random, Instant startedAt) throws IOException {
        boolean ru = random.nextInt(2) == 1;
        int agent = random.nextInt(AGENTS_PER_LANGUAGE);
        String name = (ru ? RU_AGENTS : EN_AGENTS).get(agent);
        ObjectNode chat = JSON.createObjectNode();
        chat.put("id", id);
        chat.put("channel", "chat");
        chat.put("started_at", startedAt.toString());
        chat.putObject("agent").put("id", (ru ? "ru-" : "en-") + agent);
        chat.putObject("customer").put("id", "cust-" + random.nextInt(100_000));
        ArrayNode messages = chat.putArray("messages");
        long t = 0;
        t = add(messages, startedAt, t, "agent", String.format(pick(random, ru ? RU_OPEN : EN_OPEN), name), random);
        int exchanges = 2 + random.nextInt(4);
        for (int i = 0; i < exchanges; i++) {
            t = add(messages, startedAt, t, "customer", pick(random, ru ? RU_CUSTOMER : EN_CUSTOMER), random);
            t = add(messages, startedAt, t, "agent", pick(random, ru ? RU_AGENT : EN_AGENT), random);
        }
        add(messages, startedAt, t, "agent", pick(random, ru ? RU_CLOSE : EN_CLOSE), random);
        return JSON.writeValueAsString(chat);
    }

    private static long add(ArrayNode messages, Instant start, long t, String from, String text,
                            SplittableRandom random) {
        long at = t + 5 + random.nextInt(60);
        messages.addObject().put("at", start.plusSeconds(at).toString()).put("from", from).put("text", text);
        return at;
    }

    private static String pick(SplittableRandom random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
