package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Tesseract finds its trained data. A directory given by the user ({@code --tessdata},
 * {@code MINDEE_LOCAL_TESSDATA}) wins, then {@code TESSDATA_PREFIX} when it holds every language asked for. English
 * alone is taken from the tess4j jar on the class path ({@code tessdata/eng.traineddata}), extracted once to a
 * temporary directory. Other languages are looked up where Tesseract's packages install them (Debian and Ubuntu's
 * {@code tesseract-ocr-fra} and so on, Fedora's {@code tesseract-langpack-fra}, Homebrew's {@code tesseract-lang});
 * Tesseract wants every language in one directory, so when they lie in different places (the bundled English and a
 * packaged French) they are linked into one temporary directory.
 */
public final class Tessdata {

    private static final String BUNDLED_ENGLISH = "tessdata/eng.traineddata";

    /** Where packages put {@code *.traineddata}: Debian/Ubuntu (5 and 4), Fedora/Arch, Homebrew, Windows' installer. */
    static final List<Path> PACKAGE_DIRECTORIES = List.of(Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"), Path.of("/usr/share/tessdata"),
            Path.of("/usr/local/share/tessdata"), Path.of("/opt/homebrew/share/tessdata"),
            Path.of("C:\\Program Files\\Tesseract-OCR\\tessdata"));

    private static Path extracted;
    private static final Map<String, Path> combined = new LinkedHashMap<>();

    private Tessdata() {
    }

    /** The directory to hand to Tesseract for these languages ({@code eng}, {@code eng+fra} ...). */
    public static Path resolve(Path configured, String languages) {
        if (configured != null) {
            List<String> missing = missing(configured, languages);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("tessdata directory " + configured + " lacks "
                        + String.join(", ", missing) + " (<lang>.traineddata files). " + howToInstall(missing));
            }
            return configured;
        }
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && !env.isBlank() && missing(Path.of(env), languages).isEmpty()) {
            return Path.of(env);
        }
        if ("eng".equals(languages)) {
            return bundledEnglish();
        }
        return fromPackages(languages, PACKAGE_DIRECTORIES);
    }

    /** One directory holding every language, found in the package directories (English may come from the jar). */
    static synchronized Path fromPackages(String languages, List<Path> directories) {
        for (Path dir : directories) {
            if (Files.isDirectory(dir) && missing(dir, languages).isEmpty()) {
                return dir;
            }
        }
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String lang : languages.split("\\+")) {
            Path found = directories.stream().map(d -> d.resolve(lang + ".traineddata")).filter(Files::isRegularFile)
                    .findFirst().orElse(null);
            if (found == null && "eng".equals(lang)) {
                found = bundledEnglish().resolve("eng.traineddata");
            }
            if (found == null) {
                missing.add(lang);
            } else {
                files.put(lang, found);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No Tesseract data for " + String.join(", ", missing) + " (looked in "
                    + directories + "). " + howToInstall(missing));
        }
        Path dir = combined.get(languages);
        if (dir != null) {
            return dir;
        }
        try {
            dir = Files.createTempDirectory("mindee-local-tessdata");
            dir.toFile().deleteOnExit();
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Path link = dir.resolve(file.getKey() + ".traineddata");
                try {
                    Files.createSymbolicLink(link, file.getValue());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(file.getValue(), link); // a system without symbolic links
                }
                link.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gather the traineddata files of " + languages, e);
        }
        combined.put(languages, dir);
        return dir;
    }

    private static String howToInstall(List<String> languages) {
        String first = languages.get(0);
        return "Install them with the system's packages (Debian/Ubuntu: apt-get install tesseract-ocr-" + first
               + "; Fedora: dnf install tesseract-langpack-" + first + "; macOS: brew install tesseract-lang), or put "
               + first + ".traineddata (tesseract-ocr's tessdata_fast or tessdata_best repository) in a directory"
               + " given by --tessdata (MINDEE_LOCAL_TESSDATA).";
    }

    private static List<String> missing(Path dir, String languages) {
        List<String> missing = new ArrayList<>();
        for (String lang : languages.split("\\+")) {
            if (!Files.isRegularFile(dir.resolve(lang + ".traineddata"))) {
                missing.add(lang);
            }
        }
        return missing;
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
