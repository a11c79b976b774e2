/**
 * The callback security Tencent shares between WeCom (企业微信) and the WeChat Official
 * Account (公众号), the scheme of its "WXBizMsgCrypt" samples: a SHA-1 signature over the
 * sorted token, timestamp, nonce (and ciphertext), and AES-256-CBC whose plaintext is
 * {@code random(16) ‖ length(4, big-endian) ‖ message ‖ receiveId}, padded PKCS#7-style to a
 * multiple of <em>32</em> bytes, which is why the JDK's {@code PKCS5Padding} cannot be used.
 */
package io.qabot.connectors.weixin;
