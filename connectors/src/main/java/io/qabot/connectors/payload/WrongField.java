package io.qabot.connectors.payload;

/**
 * A field of a platform's payload that is missing, of the wrong JSON type, blank or too long;
 * the message says which field and what it was. Checked, so that every connector decides in
 * one place what a payload it cannot read becomes (ignored with this reason, or a 4xx).
 */
public final class WrongField extends Exception {
    public WrongField(String reason) {
        super(reason, null, false, false);
    }
}
