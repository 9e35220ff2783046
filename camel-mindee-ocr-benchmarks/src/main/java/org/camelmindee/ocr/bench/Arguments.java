package org.camelmindee.ocr.bench;

/** The {@code --name=value} arguments of the benchmarks' main programs. */
final class Arguments {

    private Arguments() {
    }

    /** The value of {@code name=} among {@code args} ({@code "--pages="}), or {@code otherwise}; the last one wins. */
    static int intValue(String[] args, String name, int otherwise) {
        int value = otherwise;
        for (String arg : args) {
            if (arg.startsWith(name)) {
                value = Integer.parseInt(arg.substring(name.length()));
            }
        }
        return value;
    }
}
