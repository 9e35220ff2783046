package org.camelmindee.ocr.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where Tesseract finds its trained data. A directory given by the user ({@code --tessdata},
 * {@code MINDEE_LOCAL_TESSDATA} or {@code TESSDATA_PREFIX}) wins; otherwise English is taken from the tess4j jar on
 * the class path ({@code tessdata/eng.traineddata}) and extracted once to a temporary directory.
 */
public final class Tessdata {

    private static final String BUNDLED_ENGLISH = "tessdata/eng.traineddata";

    private static Path extracted;

    private Tessdata() {
    }

    /** The directory to hand to Tesseract for these languages ({@code eng}, {@code eng+fra} ...). */
    public static Path resolve(Path configured, String languages) {
        Path dir = configured;
        if (dir == null) {
            String env = System.getenv("TESSDATA_PREFIX");
            if (env != null && !env.isBlank() && hasAll(Path.of(env), languages)) {
                dir = Path.of(env);
            }
        }
        if (dir != null) {
            if (!hasAll(dir, languages)) {
                throw new IllegalStateException("tessdata directory " + dir + " lacks one of " + languages
                        + " (<lang>.traineddata files)");
            }
            return dir;
        }
        if (!"eng".equals(languages)) {
            throw new IllegalStateException("only English is bundled; point --tessdata (MINDEE_LOCAL_TESSDATA) to a"
                    + " directory with the traineddata files for " + languages);
        }
        return bundledEnglish();
    }

    private static boolean hasAll(Path dir, String languages) {
        for (String lang : languages.split("\\+")) {
            if (!Files.isRegularFile(dir.resolve(lang + ".traineddata"))) {
                return false;
            }
        }
        return true;
    }

    private static synchronized Path bundledEnglish() {
        if (extracted != null) {
            return extracted;
        }
        try (InputStream in = Tessdata.class.getClassLoader().getResourceAsStream(BUNDLED_ENGLISH)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_ENGLISH + " is not on the class path (the tess4j jar carries"
                        + " it); give a tessdata directory instead");
            }
            Path dir = Files.createTempDirectory("mindee-local-tessdata");
            Files.copy(in, dir.resolve("eng.traineddata"), StandardCopyOption.REPLACE_EXISTING);
            dir.resolve("eng.traineddata").toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled English traineddata", e);
        }
    }
}
