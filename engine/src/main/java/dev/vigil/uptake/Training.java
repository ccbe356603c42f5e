package dev.vigil.uptake;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A training the QA team gave, as its training-uptake pack describes it: the day, who attended and the techniques
 * taught. Interactions that started before {@code date} (in the inbox's time zone) count as "before", the others as
 * "after".
 *
 * @param id         unique across the loaded packs: letters, digits, {@code _} and {@code -}
 * @param title      what the report shows, for example "Empathy workshop"
 * @param date       the training day
 * @param attendees  the agent ids who attended; empty means everyone
 * @param techniques what was taught, in file order
 * @param file       the file it was loaded from, for messages
 */
public record Training(String id, String title, LocalDate date, Optional<Set<String>> attendees,
                       List<Technique> techniques, String file) {
    public Training {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(file, "file");
        attendees = attendees.map(Set::copyOf);
        techniques = List.copyOf(techniques);
    }

    /** Whether {@code agentId} attended: listed among the attendees, or the training lists none. */
    public boolean attendedBy(String agentId) {
        return attendees.map(a -> a.contains(agentId)).orElse(true);
    }

    /** The technique with this id. */
    public Optional<Technique> technique(String id) {
        return techniques.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
