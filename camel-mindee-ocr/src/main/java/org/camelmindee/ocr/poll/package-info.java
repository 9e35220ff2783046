/**
 * Waiting for a job without a thread: {@link org.camelmindee.ocr.poll.JobWaiter} polls on a scheduler, at the times
 * {@link org.camelmindee.ocr.poll.PollSchedule} picks from what the {@link org.camelmindee.ocr.poll.PollPlanner} has
 * learned of a model's processing times and from the GET budget left. Uses {@code api} and the model, never the
 * component package (PackageDependenciesTest).
 */
package org.camelmindee.ocr.poll;
