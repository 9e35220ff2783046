package org.camelmindee.ocr.examples;

import java.util.Properties;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link JmsOcrRoute} on an in-VM ActiveMQ broker: a document in, its text out, the document's id through the alias. */
class JmsOcrRouteTest extends CamelTestSupport {

    private BrokerService broker;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("ocr-examples");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.start();
        broker.waitUntilStarted();
        CamelContext context = super.createCamelContext();
        ConnectionFactory factory = new ActiveMQConnectionFactory("vm://ocr-examples?create=false");
        context.addComponent("jms", JmsComponent.jmsComponent(factory));
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), new Properties());
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JmsOcrRoute();
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theTextComesBackOnTheResultQueueWithTheDocumentsId() throws Exception {
        template.sendBodyAndHeader("jms:queue:documents", LocalMindeeForTests.sample("scanned-letter.png"),
                "documentId", "DOC-4711");

        Exchange result = consumer.receive("jms:queue:ocr-results", 60_000);

        assertNotNull(result, "no result on jms:queue:ocr-results");
        assertEquals("DOC-4711", result.getMessage().getHeader("documentId"));
        assertEquals(1, result.getMessage().getHeader("pages", Integer.class));
        assertNull(result.getMessage().getHeader(MindeeOcrConstants.ALIAS), "Camel's headers stay off the wire");
        String text = result.getMessage().getBody(String.class);
        assertTrue(text.contains("Harbour Lane Books"), text);
    }
}
