package org.camelmindee.ocr;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;

/**
 * Finds the HTTP server that serves the webhook, in the order Camel's own webhook consumers use: the component named by
 * {@code httpServerComponent}, the component of the REST configuration, platform-http, then the only
 * {@link RestConsumerFactory} there is. So the runtime's own server is used: Vert.x on Camel Main and Quarkus, the
 * servlet container on Spring Boot.
 */
final class MindeeOcrHttpServers {

    static final String PLATFORM_HTTP = "platform-http";

    private MindeeOcrHttpServers() {
    }

    /** The factory to use; fails with what to add or configure when there is none, or more than one to choose from. */
    static RestConsumerFactory resolve(CamelContext context, String httpServerComponent) {
        if (httpServerComponent != null && !httpServerComponent.isBlank()) {
            return named(context, httpServerComponent.strip(), "httpServerComponent");
        }
        RestConfiguration rest = context.getRestConfiguration();
        if (rest != null && rest.getComponent() != null && !rest.getComponent().isBlank()) {
            return named(context, rest.getComponent(), "the REST configuration's component");
        }
        if (context.getComponent(PLATFORM_HTTP, true) instanceof RestConsumerFactory factory) {
            return factory;
        }
        Set<RestConsumerFactory> found = new LinkedHashSet<>();
        for (String name : context.getComponentNames()) {
            if (context.getComponent(name, false) instanceof RestConsumerFactory factory) {
                found.add(factory);
            }
        }
        found.addAll(context.getRegistry().findByType(RestConsumerFactory.class));
        if (found.size() == 1) {
            return found.iterator().next();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("mindee-ocr:webhook needs an HTTP server: add camel-platform-http-vertx (Camel"
                                            + " Main), camel-platform-http-starter (Spring Boot) or camel-quarkus-platform-http"
                                            + " (Quarkus), or name another server component in httpServerComponent");
        }
        throw new IllegalStateException("mindee-ocr:webhook found " + found.size() + " HTTP server components: name the"
                                        + " one to use in httpServerComponent");
    }

    private static RestConsumerFactory named(CamelContext context, String name, String source) {
        Object bean = context.getRegistry().lookupByName(name);
        if (bean instanceof RestConsumerFactory factory) {
            return factory;
        }
        Component component = context.getComponent(name, true);
        if (component instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalArgumentException("The HTTP server component '" + name + "' (from " + source + ") "
                                           + (component == null ? "was not found" : "cannot serve REST consumers")
                                           + ": mindee-ocr:webhook needs a RestConsumerFactory such as platform-http");
    }
}
