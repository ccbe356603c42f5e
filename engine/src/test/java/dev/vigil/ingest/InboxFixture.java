package dev.vigil.ingest;

import dev.vigil.config.InboxLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A synthetic inbox in a temporary folder, with a roster of three agents, for ingestion tests. */
final class InboxFixture {
    static final String AGENTS = """
            agent_id,name,email,team,language
            j.carter,John Carter,john.carter@northwind.example,Billing,en
            a.ivanova,Анна Иванова,anna.ivanova@svyaz.example,Поддержка,ru
            m.brown,Mike Brown,mike.brown@northwind.example,Billing,en
            """;

    private final Path root;

    private InboxFixture(Path root) {
        this.root = root;
    }

    /** An inbox with the three-agent roster. */
    static InboxFixture withRoster(Path root) {
        return new InboxFixture(root).file("agents.csv", AGENTS);
    }

    /** An inbox without agents.csv. */
    static InboxFixture withoutRoster(Path root) {
        return new InboxFixture(root);
    }

    InboxFixture file(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    InboxFixture file(String name, String content, Charset charset) {
        return bytes(name, content.getBytes(charset));
    }

    InboxFixture bytes(String name, byte[] content) {
        try {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String name) {
        return root.resolve(name);
    }

    Ingestor ingestor() {
        return new Ingestor(InboxLoader.load(root));
    }
}
