package org.camelmindee.ocr.springboot;

import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.mindee-ocr.*} to the mindee-ocr component through a {@link ComponentCustomizer}, in
 * the shape of Camel's own starters: Camel calls the customizer when it creates the component, and converts the values
 * as if they were written on the component ({@code #bean} references; durations such as {@code 1500}, {@code 1500ms},
 * {@code 10m}, {@code 1m30s}, {@code PT1.5S}, as in endpoint URIs).
 * {@code camel.component.mindee-ocr.enabled=false} (or {@code camel.component.enabled=false}) turns it off, and
 * {@code camel.component.mindee-ocr.customizer.enabled=false} skips the customizer.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, MindeeOcrComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, MindeeOcrComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.mindee-ocr" })
public class MindeeOcrComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final MindeeOcrComponentConfiguration configuration;

    public MindeeOcrComponentAutoConfiguration(ApplicationContext applicationContext,
                                               MindeeOcrComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureMindeeOcrComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> properties
                        = CamelPropertiesHelper.getNonNullProperties(target.getCamelContext(), configuration);
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), properties, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.mindee-ocr.customizer")
                       && target instanceof MindeeOcrComponent;
            }
        };
    }
}
