package dev.vigil.tone;

import dev.vigil.model.Category;
import dev.vigil.model.Channel;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A small English complaint model trained on synthetic examples, and interactions to run it on. */
final class ToneFixtures {
    static final ToneConfig.Training TRAINING = new ToneConfig.Training("MAXENT_QN", 200, 1, 1.0);
    static final ToneModelSpec COMPLAINT_EN = new ToneModelSpec(Language.EN, Category.COMPLAINT, Speaker.CUSTOMER,
            true, 0.5);

    static final List<String> COMPLAINTS = List.of(
            "My parcel is two weeks late and nobody answers my emails.",
            "I was charged twice and still have no refund.",
            "The internet has been down for three days, this is unacceptable.",
            "Third time calling about the same broken router.",
            "Your app keeps crashing and support never replies.",
            "Still waiting for the refund you promised a month ago.",
            "The delivery never arrived and the tracking is wrong.",
            "I am fed up with the constant outages.",
            "You overcharged me again on this bill.",
            "Nobody called back, I have been waiting all week.",
            "The replacement is broken too, terrible service.",
            "Why is my order still not here after ten days?");
    static final List<String> NEUTRAL = List.of(
            "Thanks so much, everything arrived on time.",
            "Could you tell me your opening hours on Sunday?",
            "Great service today, thank you for the help.",
            "How do I change my delivery address?",
            "Do you ship to Canada?",
            "Lovely staff at the branch, very helpful.",
            "Is there a student discount on the plan?",
            "Thank you, that solved it.",
            "What is the difference between the two plans?",
            "I love the new app design.",
            "Can I pay by card in the shop?",
            "Happy with my purchase, thanks again.");

    private ToneFixtures() {
    }

    static List<ToneTrainer.Example> examples() {
        var out = new ArrayList<ToneTrainer.Example>();
        COMPLAINTS.forEach(t -> out.add(new ToneTrainer.Example(true, t)));
        NEUTRAL.forEach(t -> out.add(new ToneTrainer.Example(false, t)));
        return out;
    }

    static ToneModel complaintModel(ToneModelSpec spec) {
        return new ToneModel(spec, ToneTrainer.train(spec.language(), examples(), TRAINING));
    }

    /** An English chat whose turns alternate agent, customer, agent, ... starting with the agent. */
    static Interaction chat(String... texts) {
        var turns = new ArrayList<Turn>();
        for (int i = 0; i < texts.length; i++) {
            turns.add(new Turn(i, i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, TimeSpan.ofMillis(i * 30_000L,
                    i * 30_000L + 10_000), texts[i], Language.EN, List.of()));
        }
        return new Interaction("chat-1", Channel.CHAT, Language.EN, Person.of("a.agent", "Ann Agent"),
                Optional.empty(), Instant.parse("2026-11-21T10:00:00Z"), Duration.ofSeconds(texts.length * 30L),
                turns, List.of(), OptionalInt.empty(), Path.of("chat-1.json"));
    }
}
