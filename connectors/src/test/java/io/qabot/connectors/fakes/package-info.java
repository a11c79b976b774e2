/**
 * The connector tests' one family of test doubles for what crosses a process boundary: a
 * recording fake of a platform's HTTP API on loopback ({@link io.qabot.connectors.fakes.RecordingPlatformApi}),
 * and the bot a connector hands messages to: {@link io.qabot.connectors.fakes.TestBot} (the
 * pipeline with a stand-in matcher and a stopped clock), {@link io.qabot.connectors.fakes.ConnectorFixture}
 * (the same, serving one connector, with an escalation queue that reports each enqueue) and
 * {@link io.qabot.connectors.fakes.FeedbackBot} (with the real store, for flags).
 */
package io.qabot.connectors.fakes;
