package io.settlekit.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published modules state their contracts for callers (issue 13): every public class says whether it is
 * thread-safe, and every package states its null policy in its package-info.
 */
class ThreadSafetyDocsTest {
    /** The repository root: the examples module runs its tests from its own folder. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> PUBLISHED = List.of("core", "testkit", "adapters-formats", "adapters-mongo",
            "adapters-mysql", "adapters-redis", "adapters-s3", "adapters-sms");
    /** A public class declaration, top-level or nested; records, enums and interfaces are other keywords. */
    private static final Pattern PUBLIC_CLASS = Pattern.compile(
            "^[ \\t]*public\\s+((?:static|final|abstract|sealed|non-sealed)\\s+)*class\\s+(\\w+)([^{]*)\\{",
            Pattern.MULTILINE);
    /** What may stand between a class comment and its declaration: annotations, blank lines. */
    private static final Pattern ANNOTATIONS = Pattern.compile("\\s*(@[\\w.]+(\\([^)]*\\))?\\s*)*");
    private static final Pattern THREAD_SAFETY = Pattern.compile("thread-safe", Pattern.CASE_INSENSITIVE);
    /** The null policy sentence; a package that deviates says how after it. */
    static final String NULL_POLICY = "No parameter or result of this package's API is null unless its Javadoc says so";

    @Test
    void everyPublicClassOfThePublishedModulesStatesItsThreadSafety() throws IOException {
        List<String> silent = new ArrayList<>();
        int classes = 0;
        for (Path source : sources()) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher declaration = PUBLIC_CLASS.matcher(text);
            while (declaration.find()) {
                String name = declaration.group(2);
                String heritage = declaration.group(3);
                if (name.endsWith("Exception") || heritage.matches("(?s).*\\bextends\\s+[\\w.]*Exception\\b.*")) {
                    continue; // exceptions are values thrown once: no thread-safety sentence needed
                }
                classes++;
                if (!THREAD_SAFETY.matcher(classComment(text, declaration.start())).find()) {
                    silent.add(ROOT.relativize(source) + ": " + name);
                }
            }
        }
        assertThat(classes).as("public classes read").isGreaterThan(100);
        assertThat(silent).as("public classes whose comment says nothing of thread safety").isEmpty();
    }

    @Test
    void everyPackageOfThePublishedModulesStatesTheNullPolicy() throws IOException {
        Set<Path> packages = new TreeSet<>();
        for (Path source : sources()) {
            packages.add(source.getParent());
        }
        List<String> missing = new ArrayList<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info)) {
                missing.add(ROOT.relativize(dir) + " has no package-info.java");
            } else if (!flatten(Files.readString(info, StandardCharsets.UTF_8)).contains(NULL_POLICY)) {
                missing.add(ROOT.relativize(info) + " does not state the null policy");
            }
        }
        assertThat(packages.size()).as("packages read").isGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    /** The Javadoc comment right above the declaration at {@code start} (annotations allowed between), or "". */
    private static String classComment(String text, int start) {
        String before = text.substring(0, start);
        int end = before.lastIndexOf("*/");
        int open = before.lastIndexOf("/**");
        if (end < 0 || open < 0 || open > end || !ANNOTATIONS.matcher(before.substring(end + 2)).matches()) {
            return "";
        }
        return flatten(before.substring(open, end));
    }

    /** Comment text on one line: the leading asterisks dropped, runs of blanks made one space. */
    private static String flatten(String comment) {
        return comment.replaceAll("(?m)^\\s*\\*+", " ").replaceAll("\\s+", " ");
    }

    /** The main sources of the published modules, module-info and package-info left out. */
    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : PUBLISHED) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                walk.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> !path.getFileName().toString().equals("package-info.java"))
                        .filter(path -> !path.getFileName().toString().equals("module-info.java"))
                        .sorted().forEach(sources::add);
            }
        }
        return sources;
    }
}
