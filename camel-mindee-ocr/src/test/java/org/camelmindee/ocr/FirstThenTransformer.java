package org.camelmindee.ocr;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers the first {@code n} requests of a stub with a fault and the rest normally. A counter, not WireMock's
 * scenarios, whose state can be read and changed by concurrent requests in between.
 */
final class FirstThenTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "first-then";

    private final AtomicInteger served = new AtomicInteger();
    private volatile int faulty;
    private volatile ResponseDefinition fault;
    private volatile ResponseDefinition good;

    /** The next requests through the transformer: {@code n} faults, then good answers. */
    void set(int n, ResponseDefinitionBuilder fault, ResponseDefinitionBuilder good) {
        this.served.set(0);
        this.faulty = n;
        this.fault = fault.build();
        this.good = good.build();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return served.getAndIncrement() < faulty ? fault : good;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
