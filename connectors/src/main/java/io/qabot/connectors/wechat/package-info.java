/**
 * The WeChat Official Account (公众号): readers' messages pushed to {@code /hooks/wechat},
 * signed with {@code signature} (SHA-1 over the sorted token, timestamp and nonce) and, in
 * safe mode, AES-encrypted like WeCom's. The push must be answered within 5 seconds: a known
 * answer goes back as the passive XML reply; otherwise the reader gets a short
 * acknowledgement, the question is escalated, and the maintainer's answer is sent later
 * through the customer-service message API while WeChat allows it (48 hours after the
 * reader's message) and recorded for the weekly digest in any case.
 */
package io.qabot.connectors.wechat;
