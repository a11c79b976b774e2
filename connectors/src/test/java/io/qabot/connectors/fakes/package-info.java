/**
 * Test doubles for what crosses a process boundary in the chat-connector tests: a recording
 * fake of a platform's HTTP API on loopback, and a bot (pipeline, stand-in matcher, stopped
 * clock) to hand messages to.
 */
package io.qabot.connectors.fakes;
