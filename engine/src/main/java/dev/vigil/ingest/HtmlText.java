package dev.vigil.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Converts HTML to plain text with line breaks at blocks and {@code <br>}, and {@code > } before each line inside a
 * {@code <blockquote>}, so that quoted email history stays recognisable.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "blockquote", "section", "article", "header", "footer", "hr", "dl", "dt", "dd");

    private HtmlText() {
    }

    /** The text of an element and its descendants; {@code <script>} and {@code <style>} are skipped. */
    static String of(Element root) {
        var out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int quoteDepth;
            private boolean lineStart = true;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (insideSkipped(t)) {
                        return;
                    }
                    String text = t.text().replace('\u00A0', ' ');
                    if (lineStart) {
                        text = text.stripLeading();
                        if (text.isEmpty()) {
                            return;
                        }
                        out.append("> ".repeat(quoteDepth));
                        lineStart = false;
                    }
                    out.append(text);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        newLine();
                    } else if (BLOCKS.contains(tag)) {
                        newLine();
                        if (tag.equals("blockquote")) {
                            quoteDepth++;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    if (e.normalName().equals("blockquote")) {
                        newLine();
                        quoteDepth--;
                    } else if (e.normalName().equals("p")) {
                        newLine();
                        out.append('\n');
                    } else {
                        newLine();
                    }
                }
            }

            private void newLine() {
                if (!lineStart) {
                    out.append('\n');
                    lineStart = true;
                }
            }

            private boolean insideSkipped(TextNode t) {
                for (Node p = t.parentNode(); p != null; p = p.parentNode()) {
                    if (p instanceof Element e && (e.normalName().equals("script") || e.normalName().equals("style")
                            || e.normalName().equals("head"))) {
                        return true;
                    }
                }
                return false;
            }
        }, root);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
