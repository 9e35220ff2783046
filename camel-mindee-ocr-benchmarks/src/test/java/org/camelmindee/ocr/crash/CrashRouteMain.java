package org.camelmindee.ocr.crash;

import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.camel.main.Main;
import org.camelmindee.ocr.journal.FileJobJournal;

/**
 * The application the crash test kills: the README's route, a folder of documents to text files, with a file journal
 * so that a document is a paid job once across restarts. Run as its own JVM by {@link CrashRestartTest}.
 *
 * <p>Arguments: {@code inbox outbox journalFile baseUrl apiKey modelId}.
 */
public final class CrashRouteMain {

    private CrashRouteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]);
        Path outbox = Path.of(args[1]);
        Path journal = Path.of(args[2]);
        String baseUrl = args[3];
        String apiKey = args[4];
        String modelId = args[5];

        // the harness logs errors only; the documents a killed process left mid-upload are reported at WARN
        Configurator.setLevel("org.camelmindee.ocr", Level.WARN);
        Main main = new Main();
        main.bind("journal", new FileJobJournal(journal));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // no moveFailed, as in the README: a document that failed stays in the inbox and comes again
                from("file:" + inbox + "?delay=100&maxMessagesPerPoll=20")
                        .to("mindee-ocr:ocr?apiKey=RAW(" + apiKey + ")&modelId=" + modelId + "&baseUrl=" + baseUrl
                            + "&jobJournal=#journal&journalResultRetention=1h&resultFormat=text"
                            + "&pollInitialDelay=100&pollInterval=100")
                        // written under a temporary name and renamed: a kill leaves no half-written text
                        .to("file:" + outbox + "?fileName=${file:onlyname.noext}.txt&tempPrefix=.writing-");
            }
        });
        System.out.println("crash-route: started");
        main.run();
    }
}
