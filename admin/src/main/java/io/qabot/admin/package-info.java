/**
 * The maintainers' HTTP side: the admin API under {@code /api/v1/} (the queue, claim, answer,
 * dismiss, learned answers, topics, "what would the bot say", the audit trail) and the
 * dashboard page at {@code /} that uses it.
 *
 * <p>Routes are thin: they check the bearer token ({@link io.qabot.admin.AdminGuard}),
 * read the JSON body, and hand the work to bot-core's {@link io.qabot.core.desk.MaintainerDesk}
 * on the bot's executor, the same code path the chat commands use. The token travels only in
 * the {@code Authorization} header, never a cookie, so another site cannot make a maintainer's
 * browser send a state-changing request (CSRF); the dashboard keeps it in session storage.
 */
package io.qabot.admin;
