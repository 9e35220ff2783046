package org.camelmindee.ocr.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;

/**
 * A {@code multipart/form-data} reader (RFC 7578) that reads the body once, in blocks, and never holds more than the
 * parts themselves: a part bigger than the limit stops the reading instead of filling the memory. The server hands it
 * the decoded body, so uploads with a Content-Length and chunked uploads read the same.
 */
final class MultipartParser {

    /** One part: a form field, or a file when it has a file name. */
    record Part(String name, String filename, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] fallback;
    private final long maxPartBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    MultipartParser(InputStream in, String boundary, long maxPartBytes) {
        this.in = in;
        // every boundary but the first follows a CRLF: reading starts as if one had just been seen
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.fallback = failureFunction(delimiter);
        this.maxPartBytes = maxPartBytes;
    }

    /** The boundary parameter of a multipart content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > 200 ? null : value;
            }
        }
        return null;
    }

    List<Part> parse() throws IOException {
        List<Part> parts = new ArrayList<>();
        // the preamble, up to the first boundary, is ignored
        if (!skipPreamble()) {
            throw new ProblemException(Problems.badRequest("The multipart body has no boundary line."));
        }
        while (true) {
            int a = read();
            int b = read();
            if (a == '-' && b == '-') {
                return parts; // the closing boundary
            }
            // transport padding may follow a boundary before its CRLF
            while (a == ' ' || a == '\t') {
                a = b;
                b = read();
            }
            if (a != '\r' || b != '\n') {
                throw new ProblemException(Problems.badRequest("The multipart body is malformed after a boundary."));
            }
            Map<String, String> headers = readHeaders();
            Map<String, String> disposition = dispositionParams(headers.get("content-disposition"));
            String name = disposition.get("name");
            String filename = disposition.containsKey("filename*") ? decodeExtended(disposition.get("filename*"))
                    : disposition.get("filename");
            LimitedBuffer body = new LimitedBuffer(maxPartBytes, name);
            if (!copyUntilDelimiter(body)) {
                throw new ProblemException(Problems.badRequest("The multipart body ends before its closing boundary."));
            }
            if (name != null) {
                parts.add(new Part(name, filename, body.toByteArray()));
            }
        }
    }

    private boolean skipPreamble() throws IOException {
        // the first boundary may start the body without a CRLF before it: pretend the CRLF was there
        int matched = 2;
        int c;
        while ((c = read()) >= 0) {
            while (matched > 0 && delimiter[matched] != c) {
                matched = fallback[matched - 1];
            }
            if (delimiter[matched] == c) {
                matched++;
            }
            if (matched == delimiter.length) {
                return true;
            }
        }
        return false;
    }

    /** Streams bytes to the sink until the delimiter (Knuth-Morris-Pratt); false at the end of input. */
    private boolean copyUntilDelimiter(LimitedBuffer sink) throws IOException {
        int matched = 0;
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            int start = position;
            // fast path: copy plain bytes in bulk while nothing of the delimiter is pending
            if (matched == 0) {
                while (position < limit && buffer[position] != '\r') {
                    position++;
                }
                sink.write(buffer, start, position - start);
                if (position == limit) {
                    continue;
                }
            }
            int c = buffer[position++] & 0xff;
            while (matched > 0 && (delimiter[matched] & 0xff) != c) {
                int keep = fallback[matched - 1];
                // the bytes pending were delimiter[0..matched): those that can no longer start a match are data
                sink.write(delimiter, 0, matched - keep);
                matched = keep;
            }
            if ((delimiter[matched] & 0xff) == c) {
                matched++;
                if (matched == delimiter.length) {
                    return true;
                }
            } else {
                sink.write(c);
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new ProblemException(Problems.badRequest("The multipart body ends inside part headers."));
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new ProblemException(Problems.badRequest("The multipart part headers are too long."));
            }
            if (c == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
                }
                line.reset();
            } else {
                line.write(c);
            }
        }
    }

    /** The parameters of {@code form-data; name="file"; filename="a.pdf"}, names lower-cased. */
    static Map<String, String> dispositionParams(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        if (header == null) {
            return params;
        }
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char ch = header.charAt(j);
                    // browsers send a quote in a file name as \"; a Windows path keeps its backslashes
                    if (ch == '\\' && j + 1 < header.length() && header.charAt(j + 1) == '"') {
                        ch = '"';
                        j++;
                    }
                    value.append(ch);
                    j++;
                }
                j++;
            } else {
                while (j < header.length() && header.charAt(j) != ';') {
                    value.append(header.charAt(j++));
                }
            }
            params.put(key, value.toString().strip());
            i = header.indexOf(';', j);
        }
        return params;
    }

    // RFC 5987: UTF-8''na%C3%AFve.pdf
    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote >= 0 ? value.substring(quote + 2) : value;
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] f = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = f[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }

    /** Collects one part and refuses to grow past the limit. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long max;
        private final String name;

        LimitedBuffer(long max, String name) {
            super(1024);
            this.max = max;
            this.name = name;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (count + (long) more > max) {
                throw new ProblemException(Problems.invalidField(name == null ? "file" : name,
                        "The part is larger than the limit of " + max + " bytes."));
            }
        }
    }
}
