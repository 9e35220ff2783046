package org.camelmindee.ocr.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * Prints what the {@code ocr-files} route does, one line per document and its text, without a step in the route:
 * it listens to Camel's exchange events, and reads the result back from the JSON the route wrote last. Every few seconds, while documents are in OCR, it says which.
 */
public class OcrReport extends EventNotifierSupport {

    static final int TEXT_LINES = 30;

    private final PrintStream out;
    private final Path outbox;
    private final String routeId;
    private final Runnable whenAllDone;
    private final int expected;
    private final long startedAt = System.nanoTime();
    private final Map<String, Document> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger words = new AtomicInteger();
    private final AtomicLong lastPrint = new AtomicLong(System.nanoTime());

    private record Document(String name, long startedAt) {
    }

    /**
     * @param expected    how many documents to wait for; 0: no end (watch mode)
     * @param whenAllDone called once, after the summary, when {@code expected} documents are done
     */
    public OcrReport(PrintStream out, Path outbox, String routeId, int expected, Runnable whenAllDone) {
        this.out = out;
        this.outbox = outbox;
        this.routeId = routeId;
        this.expected = expected;
        this.whenAllDone = whenAllDone;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeEvent exchangeEvent)) {
            return;
        }
        Exchange exchange = exchangeEvent.getExchange();
        if (!routeId.equals(exchange.getFromRouteId())) {
            return;
        }
        String id = exchange.getExchangeId();
        if (event instanceof ExchangeCreatedEvent) {
            String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, "document", String.class);
            inFlight.put(id, new Document(name, System.nanoTime()));
        } else if (event instanceof ExchangeFailedEvent) {
            Document document = inFlight.remove(id);
            failed(document, exchange);
        } else if (event instanceof ExchangeCompletedEvent) {
            Document document = inFlight.remove(id);
            if (document != null) {
                completed(document, exchange);
            }
        }
    }

    private void completed(Document document, Exchange exchange) {
        OcrResponse result = result(exchange);
        int pageCount = result != null ? result.pageCount()
                : exchange.getMessage().getHeader(MindeeOcrConstants.PAGE_COUNT, 0, Integer.class);
        int wordCount = result != null ? result.wordCount() : 0;
        pages.addAndGet(pageCount);
        words.addAndGet(wordCount);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-24s %3d page%s %5d words %6.1f s%n", document.name(), pageCount,
                pageCount == 1 ? " " : "s", wordCount, seconds(document.startedAt())));
        if (result != null) {
            appendText(sb, result.text());
        }
        print(sb.toString());
        finished();
    }

    /** The route's last step wrote the result as JSON: read it back (the report is no step of the route). */
    private static OcrResponse result(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof OcrResponse response) {
            return response;
        }
        try {
            byte[] json = exchange.getMessage().getBody(byte[].class);
            return json == null ? null : MindeeJson.mapper().readValue(json, OcrResponse.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void failed(Document document, Exchange exchange) {
        failed.incrementAndGet();
        Throwable error = exchange.getException();
        String name = document != null ? document.name() : exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        print(String.format(Locale.ROOT, "  %-24s FAILED after %.1f s: %s%n", name,
                document == null ? 0.0 : seconds(document.startedAt()),
                error == null ? "unknown error" : error.getMessage()));
        finished();
    }

    private void finished() {
        int count = done.incrementAndGet();
        if (expected > 0 && count == expected) {
            print(summary());
            whenAllDone.run();
        }
    }

    /** The last line: documents, pages, words, time, where the files are. */
    public String summary() {
        int count = done.get();
        int bad = failed.get();
        return String.format(Locale.ROOT, "Done: %d document%s (%d failed), %d pages, %d words in %.1f s. Text and JSON in %s%n",
                count, count == 1 ? "" : "s", bad, pages.get(), words.get(), seconds(startedAt), outbox);
    }

    /** Says which documents are still in OCR, when nothing was printed for a while. */
    public void progress() {
        long quietFor = System.nanoTime() - lastPrint.get();
        if (inFlight.isEmpty() || quietFor < 4_500_000_000L) {
            return;
        }
        List<String> names = inFlight.values().stream().map(Document::name).sorted().toList();
        print(String.format(Locale.ROOT, "  ... %d in OCR (%s), %.0f s%n", names.size(), String.join(", ", names),
                seconds(startedAt)));
    }

    public int failedCount() {
        return failed.get();
    }

    private static void appendText(StringBuilder sb, String text) {
        String[] pagesText = text.split("\f", -1);
        int printed = 0;
        int total = 0;
        for (int p = 0; p < pagesText.length; p++) {
            if (pagesText.length > 1) {
                if (printed < TEXT_LINES) {
                    sb.append("    | --- page ").append(p + 1).append(" ---").append(System.lineSeparator());
                }
                printed++;
            }
            for (String line : pagesText[p].strip().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                total++;
                if (printed < TEXT_LINES) {
                    sb.append("    | ").append(line).append(System.lineSeparator());
                    printed++;
                }
            }
        }
        if (printed >= TEXT_LINES) {
            sb.append("    | ... (the whole text is in the .txt file)").append(System.lineSeparator());
        }
    }

    private synchronized void print(String text) {
        out.print(text);
        out.flush();
        lastPrint.set(System.nanoTime());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
