package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code settlekit-dependencies}, the third-party BOM hosts import, manages every main dependency of the
 * published modules at the version the parent POM builds and tests them with: directly, or through the
 * same imported BOM (Jackson, AWS SDK). A version changed in the parent and not in the BOM fails here.
 */
class DependenciesBomTest {
    /** The repository root: the examples module runs its tests from its own folder. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The published modules whose main dependencies a host gets; the testkit's are the host's test stack. */
    private static final List<String> PUBLISHED = List.of(
            "core", "adapters-formats", "adapters-files", "adapters-mysql", "adapters-s3", "adapters-mongo", "adapters-redis", "adapters-sms");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void theBomManagesEveryMainDependencyOfThePublishedModulesAtTheParentsVersion() throws Exception {
        Managed parent = Managed.of(ROOT.resolve("pom.xml"));
        Managed bom = Managed.of(ROOT.resolve("dependencies-bom/pom.xml"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String module : PUBLISHED) {
            for (String dependency : mainDependencies(ROOT.resolve(module).resolve("pom.xml"))) {
                checked++;
                String expected = parent.versionOf(dependency);
                String actual = bom.versionOf(dependency);
                if (expected == null) {
                    problems.add(module + ": " + dependency + " is not managed by the parent");
                } else if (!expected.equals(actual)) {
                    problems.add(module + ": " + dependency + " is " + expected + " in the parent, " + actual + " in the BOM");
                }
            }
        }

        assertThat(checked).as("main dependencies checked").isGreaterThanOrEqualTo(19);
        assertThat(problems).isEmpty();
    }

    @Test
    void theBomResolvesExactlyAsTheParentForTheLibrariesTheIssueNames() throws Exception {
        Managed bom = Managed.of(ROOT.resolve("dependencies-bom/pom.xml"));

        assertThat(bom.versionOf("org.slf4j:slf4j-api")).isEqualTo("2.0.17");
        assertThat(bom.versionOf("com.fasterxml.jackson.core:jackson-databind")).isEqualTo("import 2.22.4");
        assertThat(bom.versionOf("redis.clients:jedis")).isEqualTo("8.0.2");
        assertThat(bom.versionOf("org.javamoney.moneta:moneta-core")).isEqualTo("1.4.5");
        assertThat(bom.versionOf("net.javacrumbs.shedlock:shedlock-provider-jdbc")).isEqualTo("6.9.2");
        assertThat(bom.versionOf("org.mongodb:mongodb-driver-sync")).isEqualTo("5.14.0");
        assertThat(bom.versionOf("software.amazon.awssdk:s3")).isEqualTo("import 2.56.0");
        assertThat(bom.exclusionsOf("org.javamoney.moneta:moneta-core")).containsExactly("com.squareup.okhttp3:okhttp");
        assertThat(bom.exclusionsOf("org.javamoney.moneta:moneta-convert")).containsExactly("com.squareup.okhttp3:okhttp");
    }

    /** groupId:artifactId of each dependency of a module POM outside test scope, other than Settlekit's own. */
    private static List<String> mainDependencies(Path pom) throws Exception {
        List<String> found = new ArrayList<>();
        Element dependencies = child(read(pom).getDocumentElement(), "dependencies");
        for (Element dependency : children(dependencies, "dependency")) {
            String scope = text(dependency, "scope");
            String groupId = text(dependency, "groupId");
            if ((scope == null || scope.equals("compile") || scope.equals("runtime")) && !groupId.equals("io.settlekit")) {
                found.add(groupId + ":" + text(dependency, "artifactId"));
            }
        }
        return found;
    }

    /** The dependencyManagement of one POM, with its own properties substituted. */
    private record Managed(Map<String, Element> entries, Map<String, String> properties) {

        static Managed of(Path pom) throws Exception {
            Element project = read(pom).getDocumentElement();
            Map<String, String> properties = new HashMap<>();
            Element props = child(project, "properties");
            if (props != null) {
                for (Node node = props.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element property) {
                        properties.put(property.getTagName(), property.getTextContent().strip());
                    }
                }
            }
            Map<String, Element> entries = new LinkedHashMap<>();
            for (Element dependency : children(child(child(project, "dependencyManagement"), "dependencies"), "dependency")) {
                entries.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), dependency);
            }
            return new Managed(entries, properties);
        }

        /** The managed version, or "import V" when an imported BOM of the artifact's group family manages it. */
        String versionOf(String coordinates) {
            Element direct = entries.get(coordinates);
            if (direct != null && !"import".equals(text(direct, "scope"))) {
                return resolve(text(direct, "version"));
            }
            String groupId = coordinates.substring(0, coordinates.indexOf(':'));
            for (Element entry : entries.values()) {
                if ("import".equals(text(entry, "scope")) && groupId.startsWith(text(entry, "groupId"))) {
                    return "import " + resolve(text(entry, "version"));
                }
            }
            return null;
        }

        List<String> exclusionsOf(String coordinates) {
            List<String> exclusions = new ArrayList<>();
            for (Element exclusion : children(child(entries.get(coordinates), "exclusions"), "exclusion")) {
                exclusions.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
            }
            return exclusions;
        }

        private String resolve(String value) {
            Matcher matcher = PROPERTY.matcher(value);
            return matcher.matches() ? properties.get(matcher.group(1)) : value;
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
