package io.qabot.connectors.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A flat XML document: the root's child elements by name, each with its text (CDATA
 * included). Tencent's callbacks nest nothing that the bot reads, so nested elements are kept
 * as their concatenated text.
 */
public final class FlatXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    private final String root;
    private final Map<String, String> fields;

    private FlatXml(String root, Map<String, String> fields) {
        this.root = root;
        this.fields = Map.copyOf(fields);
    }

    /**
     * Parses {@code bytes}; a document that is not well-formed, declares a DOCTYPE or refers to
     * an external entity is refused with {@link MalformedXmlException}.
     */
    public static FlatXml parse(byte[] bytes) throws MalformedXmlException {
        Document document;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            document = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException("body is not acceptable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser supports the secure features", e);
        }
        Element rootElement = document.getDocumentElement();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = rootElement.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.putIfAbsent(child.getNodeName(), child.getTextContent());
            }
        }
        return new FlatXml(rootElement.getNodeName(), fields);
    }

    public String root() {
        return root;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field's text, or the empty string. */
    public String text(String name) {
        return fields.getOrDefault(name, "");
    }

    /**
     * {@code <![CDATA[value]]>}, with any {@code ]]>} inside split across two sections so that
     * text from the knowledge cannot end the section early.
     */
    public static String cdata(String value) {
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            // OWASP's XXE settings for the JDK parser: no DOCTYPE at all is the decisive one
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser supports the secure features", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** Errors become the exception from parse(), not lines on standard error. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
