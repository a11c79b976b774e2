/**
 * Reading a platform's JSON fields strictly: an id is a non-blank string or an integer of a
 * bounded length, a text is a string, and anything else is a {@link io.qabot.connectors.json.WrongField}
 * naming the field, which each connector turns into "ignored with a reason" in one place.
 */
package io.qabot.connectors.json;
