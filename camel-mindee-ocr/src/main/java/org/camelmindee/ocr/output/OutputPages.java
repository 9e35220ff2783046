package org.camelmindee.ocr.output;

import java.util.List;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;

/** The pages of a result and the size of each, as every writer reads them. */
final class OutputPages {

    private OutputPages() {
    }

    static List<OcrPage> of(OcrResponse response) {
        return response.inference() == null || response.inference().result() == null ? List.of()
                : response.inference().result().pages();
    }

    static PageSize size(List<PageSize> sizes, int index) {
        return sizes != null && index < sizes.size() && sizes.get(index) != null ? sizes.get(index) : PageSize.UNKNOWN;
    }
}
