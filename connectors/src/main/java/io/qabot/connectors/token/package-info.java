/**
 * Access tokens that connectors obtain from a platform with the app's credentials and reuse
 * until shortly before they expire (DingTalk, Feishu, the WeChat Official Account all issue
 * ~2-hour tokens and throttle how often one may be fetched).
 */
package io.qabot.connectors.token;
