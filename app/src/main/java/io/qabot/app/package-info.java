/**
 * The {@code qabot} program: the command line ({@link io.qabot.app.Main}: {@code serve},
 * {@code ask}, {@code ingest}, {@code eval}, {@code digest}, {@code stats}) and the composition
 * root that wires the other modules together.
 *
 * <p>{@code serve} reads the configuration, binds the HTTP port, then opens the store, reads the
 * knowledge and builds (or decodes, {@code PersistedIndex}) the index, and starts the platform
 * connectors and the maintainers' loop; the commands share how knowledge is found
 * ({@code KnowledgeSources}) and indexed, and open only what they use ({@code ask} and
 * {@code eval} never open the store or a port). Nothing below this package knows about
 * configuration files, environment variables or the command line.
 */
package io.qabot.app;
