package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OcrSettingsTest {

    @Test
    void eachWitherChangesItsOwnSettingAndNoOther() throws Exception {
        OcrSettings defaults = OcrSettings.defaults();
        Map<String, OcrSettings> changed = Map.ofEntries(
                Map.entry("tessdataDir", defaults.withTessdataDir(Path.of("tessdata"))),
                Map.entry("languages", defaults.withLanguages("eng+deu")),
                Map.entry("pageSegMode", defaults.withPageSegMode(11)),
                Map.entry("deskew", defaults.withDeskew(false)),
                Map.entry("upscaleBelowPixels", defaults.withUpscaleBelowPixels(0)),
                Map.entry("thresholding", defaults.withThresholding(0)),
                Map.entry("minWordConfidence", defaults.withMinWordConfidence(50f)),
                Map.entry("despeckleAbove", defaults.withDespeckleAbove(0)),
                Map.entry("detectOrientation", defaults.withDetectOrientation(false)),
                Map.entry("invertDarkRegions", defaults.withInvertDarkRegions(false)),
                Map.entry("normalizeContrast", defaults.withNormalizeContrast(false)));
        RecordComponent[] components = OcrSettings.class.getRecordComponents();
        for (RecordComponent component : components) {
            OcrSettings one = changed.get(component.getName());
            assertNotNull(one, "no wither of " + component.getName() + " in this test");
            for (RecordComponent other : components) {
                Object before = other.getAccessor().invoke(defaults);
                Object after = other.getAccessor().invoke(one);
                String what = "with" + component.getName() + " on " + other.getName();
                if (other.equals(component)) {
                    assertNotEquals(before, after, what);
                } else {
                    assertEquals(before, after, what);
                }
            }
        }
    }
}
