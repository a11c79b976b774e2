package io.qabot.core.reply;

/**
 * WeChat Official Account text: plain, without a mention. A reply to a reader goes into that
 * reader's own conversation with the account, and the only id the account knows is an opaque
 * OpenID, which would read as noise.
 */
final class WeChatTextWriter extends PlainWriter {
    @Override
    String mention(Addressee addressee) {
        return "";
    }
}
