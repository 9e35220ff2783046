package org.camelmindee.ocr.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that OCRs every document dropped into a folder with Mindee and writes its text next to
 * it. Configured in {@code application.yaml}; run it with {@code MINDEE_V2_API_KEY} and {@code MINDEE_MODEL_ID} set.
 */
@SpringBootApplication
public class OcrApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcrApplication.class, args);
    }
}
