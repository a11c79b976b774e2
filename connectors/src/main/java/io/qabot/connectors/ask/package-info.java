/**
 * The {@code ask} result object of contracts.md (shared by {@code POST /api/v1/ask}, the
 * generic webhook's response and the command line's {@code ask --json}) and the route that
 * serves it.
 */
package io.qabot.connectors.ask;
