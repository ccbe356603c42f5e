package dev.vigil.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The matches of one monitor query in a document, one {@link Hit} per match of Lucene's {@link Matches} API (a whole
 * phrase or interval is one hit spanning its words), so hits can be counted and compared by word position. Immutable
 * once built.
 */
final class RuleHits extends QueryMatch {
    /** Collects {@link RuleHits} for every matching query. */
    static final MatcherFactory<RuleHits> MATCHER = searcher -> new CandidateMatcher<>(searcher) {
        @Override
        protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
                    Matches matches = weight.matches(ctx, doc);
                    if (matches != null) {
                        RuleHits hits = build(queryId, matches);
                        if (!hits.hits.isEmpty()) {
                            addMatch(hits, ctx.docBase + doc);
                        }
                    }
                }
            }
        }

        @Override
        public RuleHits resolve(RuleHits a, RuleHits b) {
            var all = new ArrayList<Hit>(a.hits);
            all.addAll(b.hits);
            return new RuleHits(a.getQueryId(), all);
        }
    };

    /**
     * One match in one field: word positions (inclusive) and character offsets (end exclusive) in the field's text.
     */
    record Hit(String field, int startPosition, int endPosition, int startOffset, int endOffset) {
    }

    private final List<Hit> hits;

    private RuleHits(String queryId, List<Hit> hits) {
        super(queryId);
        this.hits = List.copyOf(hits);
    }

    List<Hit> hits() {
        return hits;
    }

    private static RuleHits build(String queryId, Matches matches) throws IOException {
        var hits = new ArrayList<Hit>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            while (it.next()) {
                int startPos = it.startPosition();
                int endPos = it.endPosition();
                int startOff = it.startOffset();
                int endOff = it.endOffset();
                MatchesIterator sub = it.getSubMatches();
                if (sub != null) {
                    // an interval or phrase: span its words (an extended interval's own bounds may be wider)
                    int s = Integer.MAX_VALUE;
                    int e = -1;
                    int so = Integer.MAX_VALUE;
                    int eo = -1;
                    while (sub.next()) {
                        s = Math.min(s, sub.startPosition());
                        e = Math.max(e, sub.endPosition());
                        so = Math.min(so, sub.startOffset());
                        eo = Math.max(eo, sub.endOffset());
                    }
                    if (e >= 0 && eo >= 0) {
                        startPos = s;
                        endPos = e;
                        startOff = so;
                        endOff = eo;
                    }
                }
                if (startOff >= 0 && endOff >= startOff) {
                    hits.add(new Hit(field, startPos, endPos, startOff, endOff));
                }
            }
        }
        return new RuleHits(queryId, hits);
    }
}
