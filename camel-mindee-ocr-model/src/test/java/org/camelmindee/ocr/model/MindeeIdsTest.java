package org.camelmindee.ocr.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MindeeIdsTest {

    @Test
    void onlyTheFullHexFormIsAnId() {
        assertTrue(MindeeIds.isUuid("12345678-1234-1234-1234-123456789abc"));
        assertTrue(MindeeIds.isUuid("12345678-1234-1234-1234-123456789ABC"));
        assertFalse(MindeeIds.isUuid(null));
        assertFalse(MindeeIds.isUuid(""));
        assertFalse(MindeeIds.isUuid("1-1-1-1-1"), "java.util.UUID would accept it; the API does not write it");
        assertFalse(MindeeIds.isUuid("{12345678-1234-1234-1234-123456789abc}"));
        assertFalse(MindeeIds.isUuid(" 12345678-1234-1234-1234-123456789abc"));
        assertFalse(MindeeIds.isUuid("12345678-1234-1234-1234-123456789abg"));
    }
}
