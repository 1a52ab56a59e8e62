package dev.anchor.blocks.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (docs/, the suite) from a module's test, wherever Maven runs it. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("suite"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (the folder holding ./suite)");
        }
        return dir;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
