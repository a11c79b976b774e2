/**
 * Reading and writing the flat XML documents WeCom and the WeChat Official Account exchange
 * ({@code <xml><Field><![CDATA[…]]></Field>…</xml>}). The reader is the JDK's DOM parser with
 * DOCTYPEs, external entities and XInclude refused: the bodies come from the internet.
 */
package io.qabot.connectors.xml;
