package org.camelmindee.ocr.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a {@code url} input, only when the server was told to: no redirects followed (as Mindee), a size cap, a
 * time limit. Runs on an OCR worker, never on a request thread.
 */
final class UrlDownloader {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final long maxBytes;

    UrlDownloader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET()
                .header("User-Agent", LocalMindeeServer.USER_AGENT).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new ProblemException(Problems.urlDownloadFailed("Downloading the URL answered HTTP "
                            + response.statusCode() + " (redirects are not followed)."));
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new ProblemException(Problems.urlDownloadFailed("The file at the URL is larger than "
                            + maxBytes + " bytes."));
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new ProblemException(Problems.urlDownloadFailed("The URL could not be downloaded: "
                    + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problems.urlDownloadFailed("The download was interrupted."));
        }
    }
}
