/**
 * Knowledge ingestion: turns the files a community publishes (weekly Q&amp;A digests, project
 * FAQ pages) into format-neutral {@link io.qabot.knowledge.KnowledgeItem}s.
 *
 * <p>{@link io.qabot.knowledge.ingest.KnowledgeReader} is the only entry point. It reads files
 * defensively (size cap, strict UTF-8, no binaries), recognises each file's format by its
 * content and hands it to a format parser. Anything that cannot be read as Q&amp;A becomes a
 * {@link io.qabot.knowledge.Problem} with file and line; only a path that does not exist at all
 * is an exception ({@link io.qabot.knowledge.ingest.KnowledgeException}).
 */
package io.qabot.knowledge.ingest;
