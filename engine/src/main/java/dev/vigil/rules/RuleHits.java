package dev.vigil.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
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
    /**
     * Collects {@link RuleHits} for every matching query. Queries whose rewrite cannot depend on the document (no
     * term-enumerating rewrite such as fuzzy or span multi-term expansion) are rewritten once and kept in
     * {@code rewrites} (monitor query id to its rewritten sub-queries); {@code null} rewrites every time.
     */
    static MatcherFactory<RuleHits> matcher(Map<String, Rewrite[]> rewrites) {
        return searcher -> new CandidateMatcher<>(searcher) {
            @Override
            protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
                Weight weight = searcher.createWeight(rewritten(searcher, rewrites, queryId, query),
                        ScoreMode.COMPLETE_NO_SCORES, 1);
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
    }

    /**
     * A monitor (sub-)query and its rewritten form; {@code rewritten} is {@code null} when the rewrite depends on the
     * document and must be redone each time.
     */
    record Rewrite(Query query, Query rewritten) {
    }

    private static Query rewritten(IndexSearcher searcher, Map<String, Rewrite[]> rewrites, String queryId,
                                   Query query) throws IOException {
        if (rewrites == null) {
            return searcher.rewrite(query);
        }
        Rewrite[] known = rewrites.get(queryId);
        if (known != null) {
            for (Rewrite r : known) {
                if (r.query() == query) {
                    return r.rewritten() == null ? searcher.rewrite(query) : r.rewritten();
                }
            }
        }
        Query rewritten = searcher.rewrite(query);
        Rewrite entry = new Rewrite(query, documentIndependent(query) ? rewritten : null);
        rewrites.merge(queryId, new Rewrite[] {entry}, (old, add) -> {
            for (Rewrite r : old) {
                if (r.query() == query) {
                    return old;
                }
            }
            Rewrite[] both = java.util.Arrays.copyOf(old, old.length + 1);
            both[old.length] = add[0];
            return both;
        });
        return rewritten;
    }

    /**
     * Whether rewriting {@code query} gives the same result for every document: true unless it holds a multi-term
     * query whose rewrite enumerates the index's terms (only the constant-score wrappers defer that to matching).
     */
    static boolean documentIndependent(Query query) {
        boolean[] independent = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof MultiTermQuery m) {
                    MultiTermQuery.RewriteMethod method = m.getRewriteMethod();
                    if (method != MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                            && method != MultiTermQuery.CONSTANT_SCORE_REWRITE) {
                        independent[0] = false;
                    }
                } else if (!(leaf instanceof TermQuery || leaf instanceof PhraseQuery
                        || leaf instanceof MatchAllDocsQuery || leaf instanceof MatchNoDocsQuery
                        || leaf instanceof IntervalQuery)) {
                    independent[0] = false;
                }
            }

            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                if (!(q instanceof TermQuery || q instanceof PhraseQuery || q instanceof IntervalQuery)) {
                    independent[0] = false;
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field,
                                             java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                if (q instanceof MultiTermQuery m) {
                    MultiTermQuery.RewriteMethod method = m.getRewriteMethod();
                    if (method != MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                            && method != MultiTermQuery.CONSTANT_SCORE_REWRITE) {
                        independent[0] = false;
                    }
                } else if (!(q instanceof IntervalQuery)) {
                    independent[0] = false;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                if (!(parent instanceof BooleanQuery || parent instanceof BoostQuery
                        || parent instanceof ConstantScoreQuery || parent instanceof IntervalQuery)) {
                    independent[0] = false; // an unknown wrapper (e.g. spans): play safe
                }
                return this;
            }
        });
        return independent[0];
    }

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
