package org.camelmindee.ocr.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lanes to one host: a cap, a queue without threads, and GETs that never wait behind uploads. */
class RequestLanesTest {

    @Test
    void noMoreThanTheCapAtOnceTheRestQueuedInOrder() {
        RequestLanes lanes = new RequestLanes(4);
        List<CompletableFuture<Void>> gets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            gets.add(lanes.acquire(false));
        }
        assertEquals(4, gets.stream().filter(CompletableFuture::isDone).count());
        assertEquals(6, lanes.queued());

        lanes.release(false);
        assertTrue(gets.get(4).isDone(), "the first in the queue goes first");
        assertFalse(gets.get(5).isDone());
        assertEquals(4, lanes.active());
    }

    @Test
    void uploadsLeaveAQuarterOfTheLanesToGets() {
        RequestLanes lanes = new RequestLanes(20);
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            uploads.add(lanes.acquire(true));
        }
        assertEquals(15, uploads.stream().filter(CompletableFuture::isDone).count(), "20 - 20/4 lanes for uploads");

        List<CompletableFuture<Void>> polls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            polls.add(lanes.acquire(false));
        }
        assertTrue(polls.stream().allMatch(CompletableFuture::isDone), "polls go at once beside 15 uploads");
    }

    @Test
    void aFreedLaneGoesToAWaitingGetBeforeAWaitingUpload() {
        RequestLanes lanes = new RequestLanes(4);
        for (int i = 0; i < 3; i++) {
            assertTrue(lanes.acquire(true).isDone());
        }
        assertTrue(lanes.acquire(false).isDone());
        CompletableFuture<Void> upload = lanes.acquire(true);
        CompletableFuture<Void> poll = lanes.acquire(false);
        assertFalse(upload.isDone());
        assertFalse(poll.isDone());

        lanes.release(true);
        assertTrue(poll.isDone(), "the poll overtakes the upload that queued before it");
        assertFalse(upload.isDone());
        lanes.release(false);
        assertTrue(upload.isDone());
    }

    @Test
    void oneLaneStillServesBoth() {
        RequestLanes lanes = new RequestLanes(1);
        assertTrue(lanes.acquire(true).isDone());
        CompletableFuture<Void> poll = lanes.acquire(false);
        lanes.release(true);
        assertTrue(poll.isDone());
        assertThrows(IllegalArgumentException.class, () -> new RequestLanes(0));
    }
}
