package org.camelmindee.ocr;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.util.FileUtil;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.EnqueueRequest;

/**
 * What an exchange asks of the producer: its operation, model, document and ids, from the message's headers and body,
 * else from the endpoint's options. Every refusal says which header or option to change, before any request is made.
 */
final class MindeeOcrRequestReader {

    private final MindeeOcrConfiguration configuration;

    MindeeOcrRequestReader(MindeeOcrConfiguration configuration) {
        this.configuration = configuration;
    }

    MindeeOcrOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MindeeOcrConstants.OPERATION);
        if (header == null) {
            return configuration.getOperation();
        }
        if (header instanceof MindeeOcrOperation operation) {
            return operation;
        }
        try {
            return MindeeOcrEndpoint.parseOperation(header.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new MindeeOcrException("Header " + MindeeOcrConstants.OPERATION + ": " + e.getMessage());
        }
    }

    String modelId(Exchange exchange) {
        String header = stringHeader(exchange, MindeeOcrConstants.MODEL_ID);
        return header != null ? header : configuration.getModelId();
    }

    /** The document to enqueue, read from the body and checked, with its model, alias and webhooks. */
    EnqueueRequest enqueueRequest(Exchange exchange, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new MindeeOcrException("No model id: set modelId on the endpoint or header "
                                         + MindeeOcrConstants.MODEL_ID);
        }
        try {
            MindeeOcrEndpoint.checkUuid("The model id", modelId);
        } catch (IllegalArgumentException e) {
            throw new MindeeOcrException(e.getMessage());
        }
        Document document = DocumentBodyReader.read(exchange, filename(exchange));
        MindeeOcrOutputs.checkOriginal(configuration.getResultFormat(), document);
        String alias = stringHeader(exchange, MindeeOcrConstants.ALIAS);
        if (alias == null) {
            alias = configuration.getAlias();
        }
        return new EnqueueRequest(modelId.strip(), document, document.filename(), alias,
                configuration.webhookIdList());
    }

    /** The id whose result getResult fetches: the inference's, else the job's (Mindee's results route takes both). */
    String resultId(Exchange exchange) {
        String id = stringHeader(exchange, MindeeOcrConstants.INFERENCE_ID);
        if (id == null || id.isBlank()) {
            id = stringHeader(exchange, MindeeOcrConstants.JOB_ID);
        }
        if (id == null || id.isBlank()) {
            throw new MindeeOcrException("The operation getResult needs header " + MindeeOcrConstants.INFERENCE_ID
                                         + " or " + MindeeOcrConstants.JOB_ID);
        }
        return id.strip();
    }

    /** The header, the file consumers' name, S3's key, then the endpoint's option; a path is cut to its name. */
    String filename(Exchange exchange) {
        for (String header : new String[] {
                MindeeOcrConstants.FILENAME, MindeeOcrConstants.CAMEL_FILE_NAME, MindeeOcrConstants.S3_KEY }) {
            String value = stringHeader(exchange, header);
            if (value != null && !value.isBlank()) {
                return FileUtil.stripPath(value);
            }
        }
        return configuration.getFilename();
    }

    /** A header the operation cannot go without, stripped. */
    static String requiredHeader(Exchange exchange, String name, String operation) {
        String value = stringHeader(exchange, name);
        if (value == null || value.isBlank()) {
            throw new MindeeOcrException("The operation " + operation + " needs header " + name);
        }
        return value.strip();
    }

    private static String stringHeader(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof UUID) {
            return value.toString();
        }
        throw new MindeeOcrException("Header " + name + " must be a String, not " + value.getClass().getName());
    }
}
