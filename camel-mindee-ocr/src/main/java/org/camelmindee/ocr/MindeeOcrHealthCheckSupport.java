package org.camelmindee.ocr;

import org.apache.camel.health.HealthCheck;

/** What the component's health checks share: Camel's group, an id, and the switch to turn them off. */
abstract class MindeeOcrHealthCheckSupport implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    MindeeOcrHealthCheckSupport(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
