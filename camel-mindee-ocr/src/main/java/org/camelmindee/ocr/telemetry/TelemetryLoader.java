package org.camelmindee.ocr.telemetry;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what the runtime offers: Micrometer's {@code MeterRegistry} in Camel's registry, OpenTelemetry (a bean, else
 * the global one once set). The classes that import those libraries are touched only after the check that the library
 * is on the class path, so that without it nothing of it is loaded.
 */
public final class TelemetryLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryLoader.class);

    private TelemetryLoader() {
    }

    public static Telemetry load(CamelContext context) {
        Telemetry telemetry = Telemetry.NONE;
        if (present("io.micrometer.core.instrument.MeterRegistry")) {
            telemetry = MicrometerMeters.lookup(context);
        } else {
            LOG.debug("No Micrometer on the class path: mindee-ocr keeps no meters");
        }
        if (present("io.opentelemetry.api.trace.Tracer") && present("io.opentelemetry.context.Context")) {
            telemetry = OpenTelemetrySpans.lookup(context, telemetry);
        } else {
            LOG.debug("No OpenTelemetry API on the class path: mindee-ocr makes no spans");
        }
        return telemetry;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, TelemetryLoader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
