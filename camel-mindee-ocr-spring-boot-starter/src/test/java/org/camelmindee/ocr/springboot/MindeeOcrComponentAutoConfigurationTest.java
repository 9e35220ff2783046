package org.camelmindee.ocr.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.MindeeOcrConfiguration;
import org.camelmindee.ocr.MindeeOcrEndpoint;
import org.camelmindee.ocr.MindeeOcrResultFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camel.component.mindee-ocr.*} reaches the component, and through it every endpoint, as Camel would set it. */
class MindeeOcrComponentAutoConfigurationTest {

    private static final String MODEL = "12345678-1234-1234-1234-123456789abc";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MindeeOcrComponentConverter.class,
                    MindeeOcrComponentAutoConfiguration.class));

    @Test
    void propertiesConfigureTheComponentAndItsEndpoints() {
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        runner.withBean("mySsl", SSLContextParameters.class, SSLContextParameters::new)
                .withBean("seenInferences", IdempotentRepository.class, () -> seen)
                .withPropertyValues(
                        "camel.component.mindee-ocr.api-key=md_test_key",
                        "camel.component.mindee-ocr.model-id=" + MODEL,
                        "camel.component.mindee-ocr.base-url=http://localhost:1234",
                        "camel.component.mindee-ocr.alias=invoices",
                        "camel.component.mindee-ocr.filename=scan.pdf",
                        "camel.component.mindee-ocr.webhook-ids=" + MODEL,
                        "camel.component.mindee-ocr.result-format=text",
                        "camel.component.mindee-ocr.poll-initial-delay=1500",
                        "camel.component.mindee-ocr.poll-interval=1500ms",
                        "camel.component.mindee-ocr.poll-timeout=10m",
                        "camel.component.mindee-ocr.connect-timeout=PT3S",
                        "camel.component.mindee-ocr.request-timeout=1m30s",
                        "camel.component.mindee-ocr.max-enqueues-per-minute=50",
                        "camel.component.mindee-ocr.max-gets-per-minute=300",
                        "camel.component.mindee-ocr.max-retries=2",
                        "camel.component.mindee-ocr.ssl-context-parameters=#mySsl",
                        "camel.component.mindee-ocr.webhook-path=/hooks/ocr",
                        "camel.component.mindee-ocr.webhook-secret=s3cret",
                        "camel.component.mindee-ocr.webhook-signature-header=X-Mindee-Signature",
                        "camel.component.mindee-ocr.webhook-max-payload-size=1048576",
                        "camel.component.mindee-ocr.http-server-component=platform-http",
                        "camel.component.mindee-ocr.idempotent-repository=#seenInferences",
                        "camel.component.mindee-ocr.lazy-start-producer=true",
                        "camel.component.mindee-ocr.health-check-producer-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ComponentCustomizer.class);
                    CamelContext camel = context.getBean(CamelContext.class);
                    MindeeOcrComponent component = camel.getComponent("mindee-ocr", MindeeOcrComponent.class);
                    MindeeOcrConfiguration c = component.getConfiguration();
                    assertThat(c.getApiKey()).isEqualTo("md_test_key");
                    assertThat(c.getModelId()).isEqualTo(MODEL);
                    assertThat(c.getBaseUrl()).isEqualTo("http://localhost:1234");
                    assertThat(c.getAlias()).isEqualTo("invoices");
                    assertThat(c.getFilename()).isEqualTo("scan.pdf");
                    assertThat(c.getWebhookIds()).isEqualTo(MODEL);
                    assertThat(c.getResultFormat()).isEqualTo(MindeeOcrResultFormat.text);
                    assertThat(c.getPollInitialDelay()).isEqualTo(1500);
                    assertThat(c.getPollInterval()).isEqualTo(1500);
                    assertThat(c.getPollTimeout()).isEqualTo(600_000);
                    assertThat(c.getConnectTimeout()).isEqualTo(3000);
                    assertThat(c.getRequestTimeout()).isEqualTo(90_000);
                    assertThat(c.getMaxEnqueuesPerMinute()).isEqualTo(50);
                    assertThat(c.getMaxGetsPerMinute()).isEqualTo(300);
                    assertThat(c.getMaxRetries()).isEqualTo(2);
                    assertThat(c.getSslContextParameters()).isSameAs(context.getBean("mySsl"));
                    assertThat(c.getWebhookPath()).isEqualTo("/hooks/ocr");
                    assertThat(c.getWebhookSecret()).isEqualTo("s3cret");
                    assertThat(c.getWebhookSignatureHeader()).isEqualTo("X-Mindee-Signature");
                    assertThat(c.getWebhookMaxPayloadSize()).isEqualTo(1048576);
                    assertThat(c.getHttpServerComponent()).isEqualTo("platform-http");
                    assertThat(c.getIdempotentRepository()).isSameAs(seen);
                    assertThat(component.isLazyStartProducer()).isTrue();
                    assertThat(component.isHealthCheckProducerEnabled()).isFalse();

                    // the component's options are its endpoints' defaults
                    MindeeOcrEndpoint endpoint = camel.getEndpoint("mindee-ocr:ocr?pollInterval=250",
                            MindeeOcrEndpoint.class);
                    assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("md_test_key");
                    assertThat(endpoint.getConfiguration().getPollTimeout()).isEqualTo(600_000);
                    assertThat(endpoint.getConfiguration().getPollInterval()).isEqualTo(250);
                });
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            MindeeOcrConfiguration c = context.getBean(CamelContext.class)
                    .getComponent("mindee-ocr", MindeeOcrComponent.class).getConfiguration();
            MindeeOcrConfiguration defaults = new MindeeOcrConfiguration();
            assertThat(c.getBaseUrl()).isEqualTo(defaults.getBaseUrl());
            assertThat(c.getPollInitialDelay()).isEqualTo(defaults.getPollInitialDelay());
            assertThat(c.getPollInterval()).isEqualTo(defaults.getPollInterval());
            assertThat(c.getPollTimeout()).isEqualTo(defaults.getPollTimeout());
            assertThat(c.getConnectTimeout()).isEqualTo(defaults.getConnectTimeout());
            assertThat(c.getRequestTimeout()).isEqualTo(defaults.getRequestTimeout());
            assertThat(c.getResultFormat()).isEqualTo(defaults.getResultFormat());
            assertThat(c.getWebhookSignatureHeader()).isEqualTo(defaults.getWebhookSignatureHeader());
            assertThat(c.getApiKey()).isNull();
        });
    }

    @Test
    void camelPlaceholdersAreResolvedByCamel() {
        // {{env:...}} keeps the secret out of Spring's environment: Camel resolves it when it configures the component
        runner.withPropertyValues("camel.component.mindee-ocr.api-key={{env:PATH}}",
                "camel.component.mindee-ocr.webhook-secret={{sys:java.version}}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MindeeOcrConfiguration c = context.getBean(CamelContext.class)
                            .getComponent("mindee-ocr", MindeeOcrComponent.class).getConfiguration();
                    assertThat(c.getApiKey()).isEqualTo(System.getenv("PATH"));
                    assertThat(c.getWebhookSecret()).isEqualTo(System.getProperty("java.version"));
                });
    }

    @Test
    void aConfigurationBeanCanBeReferenced() {
        MindeeOcrConfiguration shared = new MindeeOcrConfiguration();
        shared.setModelId(MODEL);
        runner.withBean("sharedMindee", MindeeOcrConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.mindee-ocr.configuration=#bean:sharedMindee")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MindeeOcrConfiguration c = context.getBean(CamelContext.class)
                            .getComponent("mindee-ocr", MindeeOcrComponent.class).getConfiguration();
                    assertThat(c.getModelId()).isEqualTo(MODEL);
                });
    }

    @Test
    void disabledLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.mindee-ocr.enabled=false",
                "camel.component.mindee-ocr.api-key=md_test_key")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ComponentCustomizer.class);
                    assertThat(context.getBean(CamelContext.class).getComponent("mindee-ocr", MindeeOcrComponent.class)
                            .getConfiguration().getApiKey()).isNull();
                });
    }

    @Test
    void aDurationCamelCannotReadFailsTheComponentWithTheOptionsName() {
        runner.withPropertyValues("camel.component.mindee-ocr.poll-interval=soon")
                .run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                            () -> camel.getComponent("mindee-ocr", MindeeOcrComponent.class));
                    assertThat(error).isNotNull();
                    assertThat(stackMessages(error)).containsIgnoringCase("pollInterval");
                });
    }

    private static String stackMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
