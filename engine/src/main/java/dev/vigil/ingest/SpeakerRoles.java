package dev.vigil.ingest;

import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The role words chat exports put before a name ("Agent", "Оператор", "Customer", "Клиент"). */
final class SpeakerRoles {
    private static final Set<String> AGENT = Set.of("agent", "operator", "оператор", "сотрудник");
    private static final Set<String> CUSTOMER = Set.of("customer", "client", "клиент", "покупатель");

    private SpeakerRoles() {
    }

    /** The speaker a role word names, case-insensitively. */
    static Optional<Speaker> of(String roleWord) {
        String w = roleWord.trim().toLowerCase(Locale.ROOT);
        if (AGENT.contains(w)) {
            return Optional.of(Speaker.AGENT);
        }
        if (CUSTOMER.contains(w)) {
            return Optional.of(Speaker.CUSTOMER);
        }
        return Optional.empty();
    }

    /** A named author of an export's messages. */
    record Author(Speaker speaker, String name) {
    }

    /** The agent: the roster's agent named by the first agent author. */
    static Person agent(List<Author> authors, ReadContext context) throws RejectedInputException {
        Optional<String> name = authors.stream().filter(a -> a.speaker() == Speaker.AGENT).map(Author::name)
                .filter(n -> !n.isBlank()).findFirst();
        if (name.isEmpty()) {
            throw context.reject("no named agent message, so the agent cannot be identified");
        }
        return context.agentByName(name.get());
    }

    /** The customer named by the first customer author, with the name as id. */
    static Optional<Person> customer(List<Author> authors) {
        return authors.stream().filter(a -> a.speaker() == Speaker.CUSTOMER).map(Author::name)
                .filter(n -> !n.isBlank()).findFirst().map(n -> Person.of(n, n));
    }
}
