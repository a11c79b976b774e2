package io.qabot.connectors.weixin;

/** A ciphertext that is not a message for us; the message says why (for logs and the 401). */
public final class WeixinCryptoException extends Exception {
    public WeixinCryptoException(String message) {
        super(message);
    }
}
