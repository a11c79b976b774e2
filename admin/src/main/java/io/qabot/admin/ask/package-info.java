/**
 * {@code POST /api/v1/ask}: what the bot would answer to a question asked outside any chat, as
 * the ask object of contracts.md ({@link io.qabot.connectors.ask.AskObject}, which stays beside
 * the generic webhook because its response is the same object).
 */
package io.qabot.admin.ask;
