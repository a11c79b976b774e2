/**
 * The {@code ask} result object of contracts.md, shared by the generic webhook's response,
 * {@code POST /api/v1/ask} (the admin module's {@code io.qabot.admin.ask}) and the command
 * line's {@code ask --json}.
 */
package io.qabot.connectors.ask;
