package dev.vigil.model;

import java.util.Objects;

/** A file attached to an email. Listed in the transcript, never scored. */
public record Attachment(String name, String mediaType, long sizeBytes) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
