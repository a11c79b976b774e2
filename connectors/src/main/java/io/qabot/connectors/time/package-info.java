/**
 * Time as requests state it: a platform's timestamp read without ever expanding a number a
 * sender wrote ({@link io.qabot.connectors.time.EpochTime}), and the one replay window every
 * signature check uses ({@link io.qabot.connectors.time.ReplayWindow}).
 */
package io.qabot.connectors.time;
