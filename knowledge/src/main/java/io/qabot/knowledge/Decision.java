package io.qabot.knowledge;

/** What the bot should do with a message. */
public enum Decision {
    /** A confident match: reply with the known answer. */
    ANSWER,
    /** A real question the knowledge does not answer: hand it to the maintainers. */
    ESCALATE,
    /** Not a question for the bot: greetings, thanks, "+1", chatter. */
    IGNORE;

    /** The lower-case name used in JSON and on the command line. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
