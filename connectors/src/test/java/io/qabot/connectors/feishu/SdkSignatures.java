package io.qabot.connectors.feishu;

import com.lark.oapi.event.EventDispatcher;
import java.security.NoSuchAlgorithmException;

/** Feishu's official Java SDK computing {@code X-Lark-Signature}: an independent implementation to check ours against. */
final class SdkSignatures extends EventDispatcher {
    SdkSignatures(String verificationToken, String encryptKey) {
        super(EventDispatcher.newBuilder(verificationToken, encryptKey));
    }

    String sign(String timestamp, String nonce, String encryptKey, String body) {
        try {
            return calculateSignature(timestamp, nonce, encryptKey, body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
