/**
 * WeCom (企业微信): the encrypted callback at {@code /hooks/wecom} ({@code GET} answers the
 * {@code echostr} check, {@code POST} carries messages), in both shapes WeCom uses: the
 * classic app callback's XML {@code <xml><Encrypt>…</Encrypt></xml>} and the AI bot's JSON
 * {@code {"encrypt": …}}. Answers go to the AI bot's {@code response_url} when the message
 * came with one, and otherwise, like every later message, to the group robot's webhook.
 */
package io.qabot.connectors.wecom;
