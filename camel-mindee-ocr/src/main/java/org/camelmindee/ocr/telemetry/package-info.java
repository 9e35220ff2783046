/**
 * Meters and traces of the component, for whatever the runtime has: Micrometer meters in its {@code MeterRegistry},
 * OpenTelemetry spans in its tracer. Both libraries are optional: {@link org.camelmindee.ocr.telemetry.TelemetryLoader}
 * touches the classes that import them only when they are on the class path, and {@link
 * org.camelmindee.ocr.telemetry.Telemetry#NONE} stands in otherwise. Tags and attributes never carry a secret.
 */
package org.camelmindee.ocr.telemetry;
