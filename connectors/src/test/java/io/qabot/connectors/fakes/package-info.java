/**
 * The connector tests' one family of test doubles for what crosses a process boundary: a
 * recording fake of a platform's HTTP API on loopback ({@link io.qabot.connectors.fakes.RecordingPlatformApi}),
 * and the bot a connector hands messages to ({@link io.qabot.connectors.fakes.TestBot}: the
 * pipeline with a stand-in matcher and a stopped clock, an escalation queue that reports each
 * enqueue, and options for the chat modes, rates, acknowledgements and the real store).
 */
package io.qabot.connectors.fakes;
