package org.camelmindee.ocr.api;

import org.camelmindee.ocr.model.Job;

/**
 * One answer of the job route. The API answers 302 once the job is processed; {@code resultUrl} comes from the body
 * when it has one, else from the Location header.
 */
public record JobPoll(Job job, boolean done, String resultUrl) {
}
