package io.qabot.knowledge;

/** What kind of publication a knowledge item came from. */
public enum Origin {
    /** A weekly Q&amp;A digest post (SOFA Weekly and the like). */
    DIGEST,
    /** A project FAQ page. */
    FAQ,
    /** An answer a maintainer gave to an escalated question. */
    MAINTAINER
}
