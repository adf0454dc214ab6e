package org.consilium.console.taskform;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The user tasks' forms of one deployed process model, read from its BPMN XML (the engine REST API's
 * {@code GET /process-definition/{id}/xml}): the engine's own REST API has no call that gives a task's form fields
 * with their labels, constraints and properties, and the XML is the declaration the engine itself parsed.
 */
final class BpmnForms {
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private BpmnForms() {
    }

    /** Task definition key → its form; tasks without {@code camunda:formData} have an empty one. */
    static Map<String, TaskFormDefinition> parse(String xml) {
        Document document = read(xml);
        Map<String, TaskFormDefinition> forms = new LinkedHashMap<>();
        NodeList tasks = document.getElementsByTagNameNS(BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            forms.put(task.getAttribute("id"), new TaskFormDefinition(documentation(task), fields(task)));
        }
        return forms;
    }

    private static List<FormField> fields(Element task) {
        List<FormField> fields = new ArrayList<>();
        for (Element field : descendants(task, CAMUNDA, "formField")) {
            Set<String> constraints = new LinkedHashSet<>();
            descendants(field, CAMUNDA, "constraint").forEach(c -> constraints.add(c.getAttribute("name")));
            Map<String, String> properties = new LinkedHashMap<>();
            descendants(field, CAMUNDA, "property").forEach(p -> properties.put(p.getAttribute("id"), p.getAttribute("value")));
            Map<String, String> values = new LinkedHashMap<>();
            descendants(field, CAMUNDA, "value").forEach(v -> values.put(v.getAttribute("id"), v.getAttribute("name")));
            fields.add(new FormField(field.getAttribute("id"), field.getAttribute("label"), attribute(field, "type", "string"),
                    attribute(field, "defaultValue", null), constraints, properties, values));
        }
        return fields;
    }

    private static String documentation(Element task) {
        for (Node child = task.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && BPMN.equals(element.getNamespaceURI())
                    && "documentation".equals(element.getLocalName())) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static List<Element> descendants(Element parent, String namespace, String name) {
        NodeList found = parent.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>(found.getLength());
        for (int i = 0; i < found.getLength(); i++) {
            elements.add((Element) found.item(i));
        }
        return elements;
    }

    private static String attribute(Element element, String name, String otherwise) {
        return element.hasAttribute(name) ? element.getAttribute(name) : otherwise;
    }

    /** Namespace-aware, and closed to DTDs and external entities: the XML comes from another service. */
    private static Document read(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException unreadable) {
            throw new IllegalStateException("the engine's process model could not be read: " + unreadable.getMessage(), unreadable);
        }
    }
}
