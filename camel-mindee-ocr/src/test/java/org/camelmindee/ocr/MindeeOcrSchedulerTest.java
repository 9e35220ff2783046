package org.camelmindee.ocr;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Every poll that waits and every request that waits for the rate budget is a task on the component's scheduler: a
 * burst of thousands of documents must not meet a queue limit (Camel's default profile stops at 1000).
 */
class MindeeOcrSchedulerTest {

    @Test
    void theSchedulerTakesMoreWaitingTasksThanCamelsDefaultQueueLimit() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            MindeeOcrComponent component = new MindeeOcrComponent();
            context.addComponent("mindee-ocr", component);
            context.start();
            ScheduledExecutorService scheduler = component.scheduler();
            assertDoesNotThrow(() -> {
                for (int i = 0; i < 5000; i++) {
                    scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
                }
            });
        }
    }
}
