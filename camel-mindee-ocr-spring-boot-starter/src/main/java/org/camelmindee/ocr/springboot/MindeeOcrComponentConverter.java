package org.camelmindee.ocr.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelmindee.ocr.MindeeOcrConfiguration;
import org.camelmindee.ocr.api.RateBudgetStore;
import org.camelmindee.ocr.journal.JobJournal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds the object options of {@code camel.component.mindee-ocr.*} from a bean reference, {@code #name} or
 * {@code #bean:name}, as Camel's own starters do.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class MindeeOcrComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, MindeeOcrConfiguration.class));
        answer.add(new ConvertiblePair(String.class, SSLContextParameters.class));
        answer.add(new ConvertiblePair(String.class, IdempotentRepository.class));
        answer.add(new ConvertiblePair(String.class, JobJournal.class));
        answer.add(new ConvertiblePair(String.class, RateBudgetStore.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
