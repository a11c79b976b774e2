package io.qabot.connectors.wechat;

import io.qabot.connectors.xml.FlatXml;
import java.time.Instant;

/** The passive text reply: the reader becomes the addressee, the account the sender. */
final class WeChatReplyXml {
    private WeChatReplyXml() {
    }

    static String text(String reader, String account, Instant now, String content) {
        return "<xml><ToUserName>" + FlatXml.cdata(reader) + "</ToUserName>"
                + "<FromUserName>" + FlatXml.cdata(account) + "</FromUserName>"
                + "<CreateTime>" + now.getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + FlatXml.cdata(content) + "</Content></xml>";
    }

    /** The safe-mode envelope around an encrypted reply. */
    static String encrypted(String encrypt, String signature, String timestamp, String nonce) {
        return "<xml><Encrypt>" + FlatXml.cdata(encrypt) + "</Encrypt>"
                + "<MsgSignature>" + FlatXml.cdata(signature) + "</MsgSignature>"
                + "<TimeStamp>" + timestamp + "</TimeStamp>"
                + "<Nonce>" + FlatXml.cdata(nonce) + "</Nonce></xml>";
    }
}
