package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.RequestContext;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) with Apache Commons FileUpload: the body is read once, a part
 * larger than {@link SpooledBody#MEMORY_BYTES} goes to a temporary file while it arrives, a part over the limit stops
 * the reading with a 422 naming its field, and more than {@link #MAX_PARTS} parts stop it with a 400. Nothing of a part
 * is in memory until its reader asks for it. The server hands it the decoded body, so uploads with a Content-Length
 * and chunked uploads read the same.
 */
final class MultipartParser {

    /** Parts in one request: the API's form has a handful; thousands of tiny ones only cost the server. */
    static final int MAX_PARTS = 100;

    /** One part with a name: a form field, or a file when it has a file name. Its content stays where it was kept. */
    record Part(String name, String filename, DiskFileItem content) {

        long size() {
            return content.getSize();
        }

        byte[] body() throws IOException {
            return content.get();
        }

        String text() throws IOException {
            return content.getString(StandardCharsets.UTF_8);
        }
    }

    /** The parts of one body, in order; closing it deletes their temporary files. */
    record Form(List<Part> parts) implements AutoCloseable {

        @Override
        public void close() {
            for (Part part : parts) {
                try {
                    part.content().delete();
                } catch (IOException e) {
                    // a temporary file that cannot be deleted is left to the system's cleaning of its temp directory
                }
            }
        }
    }

    private MultipartParser() {
    }

    /** The parts of the body; a problem (400, or 422 for a part over {@code maxPartBytes}) when it cannot be read. */
    static Form parse(String contentType, InputStream body, long maxPartBytes) throws IOException {
        Upload upload = new Upload();
        upload.setFileItemFactory(DiskFileItemFactory.builder().setBufferSize(SpooledBody.MEMORY_BYTES).get());
        upload.setFileSizeMax(maxPartBytes);
        upload.setFileCountMax(MAX_PARTS);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        List<DiskFileItem> items;
        try {
            items = upload.parseRequest(new Body(contentType, body));
        } catch (FileUploadByteCountLimitException e) {
            throw new ProblemException(Problems.invalidField(e.getFieldName() == null ? "file" : e.getFieldName(),
                    "The part is larger than the limit of " + maxPartBytes + " bytes."));
        } catch (FileUploadFileCountLimitException e) {
            throw new ProblemException(Problems.badRequest("The multipart body has more than " + MAX_PARTS
                    + " parts: send the form's fields and one file."));
        } catch (FileUploadException e) {
            throw new ProblemException(Problems.badRequest("The multipart body is malformed: " + e.getMessage()));
        }
        List<Part> parts = new ArrayList<>();
        for (DiskFileItem item : items) {
            if (item.getFieldName() == null) {
                item.delete(); // a part without a name is no field of the form
            } else {
                parts.add(new Part(item.getFieldName(), item.isFormField() ? null : filename(item.getName()), item));
            }
        }
        return new Form(parts);
    }

    // browsers send a quote in a file name as \" (a Windows path keeps its other backslashes)
    private static String filename(String name) {
        return name == null ? null : name.replace("\\\"", "\"");
    }

    /** The request as FileUpload reads it: a content type and a body of unknown length. */
    private record Body(String contentType, InputStream in) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** FileUpload without a servlet: the request is a {@link Body}. */
    private static final class Upload extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {

        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return super.getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) throws FileUploadException {
            return super.parseParameterMap((RequestContext) body);
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) throws FileUploadException {
            return super.parseRequest((RequestContext) body);
        }
    }
}
