/**
 * Feishu / Lark: event subscription v2 at {@code /hooks/feishu}. With an Encrypt Key the body
 * is {@code {"encrypt": …}} (AES-256-CBC, key SHA-256 of the Encrypt Key, IV the first 16
 * bytes) and signed with {@code X-Lark-Signature}; the Verification Token inside is checked
 * either way. Group messages that @ the bot ({@code im.message.receive_v1}) are answered with
 * the message reply API, in thread, with a tenant access token the connector keeps fresh.
 */
package io.qabot.connectors.feishu;
