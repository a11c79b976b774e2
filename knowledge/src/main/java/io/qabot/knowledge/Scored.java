package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A retrieved turn with the length-independent evidence of how well it fits the question:
 * the share of the question's information (idf-weighted concepts) that the turn's question,
 * its thread and its answer contain, the share of the turn's own question that the asker's
 * words cover, the share of the question's names the thread uses, and whether the turn is
 * about another product than the one asked about, and how informative the most informative
 * of the question's words is that neither the thread nor its answer holds ({@code mostMissing},
 * its idf relative to that of a word the knowledge never uses): "MOSN 的 wasm 扩展能用 Rust 写吗"
 * against a thread on MOSN's wasm extensions that never says Rust. In a Chinese question a
 * Latin word is nearly always a name, a version or an identifier ({@code mostMissingLatin}),
 * the words a near miss differs by: Kafka for RabbitMQ, Gradle for Maven, 2.0 for 1.x.
 */
record Scored(KnowledgeIndex.Entry entry, double bm25, double questionCoverage, double threadCoverage,
              double allCoverage, double reverseCoverage, double unseenShare, boolean otherProduct,
              double nameCoverage, double mostMissing, double mostMissingLatin, double technicalCoverage,
              double mostMissingTechnical, double rankScore) {

    static Scored of(KnowledgeIndex.Entry entry, double bm25, Question question, Vocabulary vocabulary) {
        return of(entry, bm25, question, new TermSet(question.expandedIds(), vocabulary.size()), vocabulary);
    }

    /** @param expanded the question's expanded ids, built once for all its candidates */
    static Scored of(KnowledgeIndex.Entry entry, double bm25, Question question, TermSet expanded,
                     Vocabulary vocabulary) {
        // Every number a concept can be present by is one of the question's expanded ids, so
        // the turn is looked at once for which of those it holds, and each concept then
        // checks bits instead of searching the turn's terms.
        long[] heldAnywhere = expanded.membersIn(entry.all());
        long[] heldInThread = entry.thread() == entry.question() ? null : expanded.membersIn(entry.thread());
        long[] heldInQuestion = expanded.membersIn(entry.question());
        if (heldInThread == null) {
            heldInThread = heldInQuestion;
        }
        double inQuestion = 0;
        double inThread = 0;
        double inAll = 0;
        double unseen = 0;
        double mostMissing = 0;
        double mostMissingLatin = 0;
        double technical = 0;
        double technicalPresent = 0;
        double mostMissingTechnical = 0;
        for (Concept concept : question.concepts()) {
            double w = concept.idf();
            // a turn's own question is part of its thread, and its thread part of the turn
            boolean present = concept.presentIn(heldAnywhere, expanded);
            // a product's name says what the question is about, not what it asks; less technical
            // information than one word the knowledge never uses cannot be covered fully
            double t = concept.productName() ? 0 : concept.technicalIdf();
            technical += t;
            if (present) {
                technicalPresent += t;
            }
            if (!present && !concept.productName()) {
                mostMissing = Math.max(mostMissing, w);
                mostMissingTechnical = Math.max(mostMissingTechnical, t);
                if (question.chinese() && concept.latin()) {
                    mostMissingLatin = Math.max(mostMissingLatin, w);
                }
            }
            if (present) {
                inAll += w;
                if (concept.presentIn(heldInThread, expanded)) {
                    inThread += w;
                    if (concept.presentIn(heldInQuestion, expanded)) {
                        inQuestion += w;
                    }
                }
            }
            if (concept.unseen()) {
                unseen += w;
            }
        }
        double total = question.totalIdf();
        // a turn that names no product at all may still be about the one asked for
        Set<String> named = question.products();
        boolean otherProduct = !named.isEmpty() && !entry.products().isEmpty()
                && named.stream().noneMatch(entry.products()::contains);
        return new Scored(entry, bm25, ratio(inQuestion, total), ratio(inThread, total), ratio(inAll, total),
                reverseCoverage(entry, expanded, vocabulary), ratio(unseen, total), otherProduct,
                nameCoverage(entry, question.names(), vocabulary), ratio(mostMissing, vocabulary.idf(-1)),
                ratio(mostMissingLatin, vocabulary.idf(-1)), technicalPresent / Math.max(technical, vocabulary.idf(-1)),
                ratio(mostMissingTechnical, vocabulary.idf(-1)), 0);
    }

    /**
     * The final ranking: BM25 relative to the best BM25 of this question, plus the coverage
     * shares, minus a product mismatch. Weights chosen for hit@1 on the development set,
     * where a broad plateau of nearby weights ranks equally well.
     */
    Scored ranked(double bestBm25) {
        double rank = bm25 / bestBm25 + 0.25 * questionCoverage + 0.75 * threadCoverage + 0.25 * allCoverage
                + 0.35 * reverseCoverage - (otherProduct ? 1 : 0);
        return new Scored(entry, bm25, questionCoverage, threadCoverage, allCoverage, reverseCoverage, unseenShare,
                otherProduct, nameCoverage, mostMissing, mostMissingLatin, technicalCoverage, mostMissingTechnical, rank);
    }

    /**
     * Share of the names in the question (any of each name's terms) that the turn's thread uses
     * or that name the product the thread is about: a follow-up such as "6.x 相比 5.x 缺了哪些功能"
     * in a SOFARegistry thread is about SOFARegistry without saying so.
     */
    private static double nameCoverage(KnowledgeIndex.Entry entry, List<int[]> names, Vocabulary vocabulary) {
        if (names.isEmpty()) {
            return 1;
        }
        int present = 0;
        for (int[] name : names) {
            for (int id : name) {
                if (Vocabulary.contains(entry.all(), id) || entry.products().contains(vocabulary.term(id))) {
                    present++;
                    break;
                }
            }
        }
        return (double) present / names.size();
    }

    private static double reverseCoverage(KnowledgeIndex.Entry entry, TermSet expanded, Vocabulary vocabulary) {
        double covered = 0;
        for (int id : entry.question()) {
            if (expanded.contains(id)) {
                covered += vocabulary.idf(id);
            }
        }
        return ratio(covered, entry.questionIdf());
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : Math.min(1, part / whole);
    }
}
