/**
 * Reading the fields of a platform's payload strictly: an id is a non-blank string (or, in JSON,
 * an integer) of a bounded length, a text is a string, and anything else is a
 * {@link io.qabot.connectors.payload.WrongField} naming the field, which each connector turns into
 * "ignored with a reason" (or a 4xx) in one place.
 */
package io.qabot.connectors.payload;
