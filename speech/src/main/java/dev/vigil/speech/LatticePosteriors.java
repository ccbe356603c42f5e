package dev.vigil.speech;

import edu.cmu.sphinx.result.Edge;
import edu.cmu.sphinx.result.Lattice;
import edu.cmu.sphinx.result.Node;
import edu.cmu.sphinx.util.LogMath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word posteriors of a Sphinx4 lattice by the forward-backward algorithm, with the acoustic and language scores scaled
 * by the inverse language weight (the usual acoustic scale; unscaled Sphinx scores make every posterior 0 or 1).
 * Stateless.
 */
final class LatticePosteriors {
    private LatticePosteriors() {
    }

    /** The posterior in [0, 1] of every node of {@code lattice}. */
    static Map<Node, Double> compute(Lattice lattice, double scale) {
        LogMath logMath = LogMath.getLogMath();
        List<Node> order = lattice.sortNodes();
        var forward = new HashMap<Node, Double>();
        var backward = new HashMap<Node, Double>();
        Node initial = lattice.getInitialNode();
        Node terminal = lattice.getTerminalNode();
        for (Node n : order) {
            double f = n == initial ? 0 : Double.NEGATIVE_INFINITY;
            for (Edge e : n.getEnteringEdges()) {
                Double from = forward.get(e.getFromNode());
                if (from != null) {
                    f = logAdd(f, from + score(e, scale, logMath));
                }
            }
            forward.put(n, f);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            double b = n == terminal ? 0 : Double.NEGATIVE_INFINITY;
            for (Edge e : n.getLeavingEdges()) {
                Double to = backward.get(e.getToNode());
                if (to != null) {
                    b = logAdd(b, to + score(e, scale, logMath));
                }
            }
            backward.put(n, b);
        }
        double total = forward.getOrDefault(terminal, Double.NEGATIVE_INFINITY);
        var out = new HashMap<Node, Double>();
        for (Node n : order) {
            double p = Double.isInfinite(total) ? 0 : Math.exp(forward.get(n) + backward.get(n) - total);
            out.put(n, Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p)));
        }
        return out;
    }

    private static double score(Edge e, double scale, LogMath logMath) {
        return scale * (logMath.logToLn((float) e.getAcousticScore()) + logMath.logToLn((float) e.getLMScore()));
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }
}
