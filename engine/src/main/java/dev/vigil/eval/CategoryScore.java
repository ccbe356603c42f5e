package dev.vigil.eval;

/**
 * Confusion counts of one category and the measures derived from them. Precision, recall and F1 are 0 when undefined.
 *
 * @param category the label's category
 * @param truePositives  labelled 1 and found
 * @param falsePositives labelled 0 and found
 * @param falseNegatives labelled 1 and not found
 * @param trueNegatives  labelled 0 and not found
 */
public record CategoryScore(String category, int truePositives, int falsePositives, int falseNegatives,
                            int trueNegatives) {
    public int positives() {
        return truePositives + falseNegatives;
    }

    public int negatives() {
        return falsePositives + trueNegatives;
    }

    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 0 : (double) truePositives / found;
    }

    public double recall() {
        return positives() == 0 ? 0 : (double) truePositives / positives();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
