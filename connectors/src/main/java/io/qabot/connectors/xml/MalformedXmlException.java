package io.qabot.connectors.xml;

/** A body that is not acceptable XML; the message says why, for a 400 response. */
public final class MalformedXmlException extends Exception {
    public MalformedXmlException(String message) {
        super(message);
    }
}
