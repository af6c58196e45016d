package io.settlekit.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository explains itself: every relative link of the top-level documents and docs/ resolves to a file (and
 * heading) inside the repository, every rule of docs/rules.md links to its code and its test, and no file
 * refers to a specification kept outside the repository.
 */
class DocsLinksTest {
    /** The repository root: the examples module runs its tests from its own folder. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code [text](target)} or {@code [text](target "title")}; images too. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);
    /** Names of the outside specification, spelled in pieces so that this file does not contain them. */
    private static final List<String> OUTSIDE = List.of(
            "../" + "shared", "DOMAIN" + ".md", "DOMAIN" + " §", "ARCHITECTURE" + ".md", "LIBRARIES" + ".md");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolvesInsideTheRepository() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).as("README.md, docs/rules.md and docs/architecture.md are read")
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/rules.md"), ROOT.resolve("docs/architecture.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            for (String target : links(document)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ... are not files of the repository
                }
                checked++;
                problem(document, target).ifPresent(broken::add);
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(100);
        assertThat(broken).as("broken or escaping links").isEmpty();
    }

    @Test
    void everyRuleLinksToTheCodeThatImplementsItAndATestThatProvesIt() throws IOException {
        String rules = Files.readString(ROOT.resolve("docs/rules.md"), StandardCharsets.UTF_8);
        List<String> incomplete = new ArrayList<>();
        int count = 0;
        for (String section : rules.split("\n(?=## )")) {
            int firstRule = section.indexOf("\n- **R");
            if (firstRule < 0) {
                continue;
            }
            String intro = section.substring(0, firstRule);
            for (String rule : section.substring(firstRule + 1).split("\n(?=- \\*\\*R)")) {
                count++;
                Matcher id = Pattern.compile("^- \\*\\*(R\\d+\\.\\d+)").matcher(rule);
                assertThat(id.find()).as("a rule starts with its id: " + rule).isTrue();
                String links = String.join(" ", linksIn(intro + rule));
                if (!links.contains("/src/main/java/")) {
                    incomplete.add(id.group(1) + " has no link to code");
                }
                if (!links.contains("/src/test/java/") && !links.contains("/testkit/contract/")) {
                    incomplete.add(id.group(1) + " has no link to a test");
                }
            }
        }
        assertThat(count).as("rules found").isGreaterThan(50);
        assertThat(incomplete).isEmpty();
    }

    @Test
    void theReadmeLinksTheRulesBeforeItsFirstSectionAndSaysWhatTheSdkLeavesOut() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String top = readme.substring(0, readme.indexOf("\n## "));
        assertThat(linksIn(top)).as("links above the README's first section").contains("docs/rules.md");
        assertThat(anchors(readme)).contains("what-the-sdk-leaves-out");
    }

    @Test
    void thePublishedModulesCommentsQuoteNoBenchmarkFigures() throws IOException {
        // figures go stale in comments: BENCHMARKS.md holds them, comments say "see BENCHMARKS.md"
        Pattern figure = Pattern.compile("\\d(\\.\\d+)?×|\\d ?(µs|ns)\\b|ms/op|ns/op|ops/s|MB/s|\\d(\\.\\d+)? ?x (faster|slower)"
                + "|~\\d[\\d.,]* ?(ns|µs|ms|s|KB|MB|GB|bytes)\\b|\\d ?% (faster|slower)|\\dx\\b|microsecond|nanosecond");
        Pattern comment = Pattern.compile("^\\s*(/\\*\\*|\\*|//)");
        List<String> found = new ArrayList<>();
        int lines = 0;
        for (String module : List.of("core", "testkit", "adapters-formats", "adapters-mongo", "adapters-mysql",
                "adapters-redis", "adapters-s3", "adapters-sms")) {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                sources = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
            }
            for (Path source : sources) {
                List<String> text = Files.readAllLines(source, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    if (comment.matcher(text.get(i)).find()) {
                        lines++;
                        if (figure.matcher(text.get(i)).find()) {
                            found.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + text.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(lines).as("comment lines scanned").isGreaterThan(3000);
        assertThat(found).isEmpty();
    }

    @Test
    void noFileRefersToASpecificationOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile).filter(DocsLinksTest::isSource).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String name : OUTSIDE) {
                String needle = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (text.contains(needle)) {
                    found.add(ROOT.relativize(file) + " mentions " + name);
                }
            }
        }
        assertThat(files.size()).as("files scanned").isGreaterThan(400);
        assertThat(found).isEmpty();
    }

    /**
     * The top-level documents and every markdown file under docs/, except the benchmark sections of
     * docs/benchmarks/: those are fragments assembled into BENCHMARKS.md, whose links are checked there.
     */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !path.startsWith(ROOT.resolve("docs/benchmarks")))
                    .sorted().forEach(documents::add);
        }
        return documents;
    }

    /** Files of the repository's own: build output, IDE folders and Git's folder are left out. */
    private static boolean isSource(Path file) {
        for (Path part : ROOT.relativize(file)) {
            String name = part.toString();
            if (name.equals("target") || (name.startsWith(".") && !name.equals(".ci") && !name.equals(".gitignore"))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> links(Path document) throws IOException {
        String text = Files.readString(document, StandardCharsets.UTF_8);
        return linksIn(FENCE.matcher(text).replaceAll(""));
    }

    private static Set<String> linksIn(String markdown) {
        Set<String> targets = new LinkedHashSet<>();
        Matcher link = LINK.matcher(markdown);
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** What is wrong with {@code target} as a link of {@code document}, if anything. */
    private static java.util.Optional<String> problem(Path document, String target) throws IOException {
        String where = ROOT.relativize(document) + ": (" + target + ")";
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (file.startsWith("/") || !resolved.startsWith(ROOT)) {
            return java.util.Optional.of(where + " leaves the repository");
        }
        if (!Files.exists(resolved)) {
            return java.util.Optional.of(where + " points to a missing file");
        }
        if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(anchor)) {
            return java.util.Optional.of(where + " points to a missing heading");
        }
        return java.util.Optional.empty();
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            String unique = slug;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = slug + "-" + n;
            }
        }
        return anchors;
    }
}
