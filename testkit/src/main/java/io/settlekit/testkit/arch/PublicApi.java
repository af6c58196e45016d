package io.settlekit.testkit.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public API of a module as text, one line per public type and member (raw types, sorted), so that a
 * checked-in copy ({@code api/public-api.txt} in each published module) shows every change to the surface
 * in review. Each published module's {@code PublicApiTest} compares the dump of its production classes with
 * the copy; run it with {@code -Dsettlekit.api.update=true} to write the copy after an intended change.
 *
 * <p>Thread-safe: static functions of their arguments, no state.
 */
public final class PublicApi {
    /** The system property that makes {@link #assertUnchanged} write the copy instead of comparing. */
    public static final String UPDATE_PROPERTY = "settlekit.api.update";

    private static final List<JavaModifier> SHOWN = List.of(JavaModifier.PUBLIC, JavaModifier.PROTECTED,
            JavaModifier.ABSTRACT, JavaModifier.STATIC, JavaModifier.FINAL);

    private PublicApi() {
    }

    /** The public API of the production classes under {@code classes} (a {@code target/classes} folder). */
    public static String dump(Path classes) {
        List<JavaClass> types = new ArrayList<>(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(classes));
        types.sort(Comparator.comparing(JavaClass::getName));
        StringBuilder out = new StringBuilder();
        for (JavaClass type : types) {
            if (!isVisible(type)) {
                continue;
            }
            out.append(header(type)).append('\n');
            List<String> members = new ArrayList<>();
            boolean extendable = !type.getModifiers().contains(JavaModifier.FINAL) && !type.isEnum() && !type.isRecord();
            for (JavaField field : type.getFields()) {
                if (shown(field, extendable)) {
                    members.add("  field " + modifiers(field.getModifiers()) + field.getRawType().getName() + " " + field.getName());
                }
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (shown(unit, extendable) && !unit.getName().equals("<clinit>")) {
                    members.add("  " + (unit.isConstructor() ? "constructor " : "method ") + modifiers(unit.getModifiers())
                            + (unit.isConstructor() ? "" : unit.getRawReturnType().getName() + " ")
                            + (unit.isConstructor() ? type.getSimpleName() : unit.getName())
                            + unit.getRawParameterTypes().stream().map(JavaClass::getName).collect(Collectors.joining(", ", "(", ")"))
                            + throwsClause(unit));
                }
            }
            members.stream().sorted().forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    /**
     * Compares the dump of {@code classes} with {@code copy}; with {@value #UPDATE_PROPERTY}{@code =true}
     * writes the copy instead.
     *
     * @throws AssertionError naming how to update the copy, when the surface changed
     */
    public static void assertUnchanged(Path classes, Path copy) {
        String now = dump(classes);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(copy.toAbsolutePath().getParent());
                Files.writeString(copy, now, StandardCharsets.UTF_8);
                return;
            }
            String before = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : "";
            if (!before.equals(now)) {
                throw new AssertionError("the public API differs from " + copy + ":\n" + difference(before, now)
                        + "\nif intended, run this test with -D" + UPDATE_PROPERTY + "=true and commit the file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String difference(String before, String now) {
        Set<String> old = before.lines().collect(Collectors.toSet());
        Set<String> current = now.lines().collect(Collectors.toSet());
        StringBuilder diff = new StringBuilder();
        before.lines().filter(line -> !current.contains(line)).limit(40).forEach(line -> diff.append("- ").append(line).append('\n'));
        now.lines().filter(line -> !old.contains(line)).limit(40).forEach(line -> diff.append("+ ").append(line).append('\n'));
        return diff.toString();
    }

    private static boolean isVisible(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            Set<JavaModifier> modifiers = c.getModifiers();
            boolean nested = c.getEnclosingClass().isPresent();
            if (!(modifiers.contains(JavaModifier.PUBLIC) || (nested && modifiers.contains(JavaModifier.PROTECTED)))
                    || modifiers.contains(JavaModifier.SYNTHETIC) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return !type.getSimpleName().equals("package-info");
    }

    private static boolean shown(JavaMember member, boolean extendable) {
        Set<JavaModifier> modifiers = member.getModifiers();
        if (modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE)) {
            return false;
        }
        return modifiers.contains(JavaModifier.PUBLIC) || (extendable && modifiers.contains(JavaModifier.PROTECTED));
    }

    private static String header(JavaClass type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        Set<JavaModifier> modifiers = type.getModifiers();
        StringBuilder line = new StringBuilder(modifiers(type.isInterface() ? Set.of(JavaModifier.PUBLIC) : modifiers))
                .append(kind).append(' ').append(type.getName());
        type.getRawSuperclass().filter(s -> !Set.of("java.lang.Object", "java.lang.Record", "java.lang.Enum").contains(s.getName()))
                .ifPresent(s -> line.append(" extends ").append(s.getName()));
        List<String> interfaces = type.getRawInterfaces().stream().map(JavaClass::getName).sorted().toList();
        if (!interfaces.isEmpty() && !type.isAnnotation()) {
            line.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        return line.toString();
    }

    private static String modifiers(Set<JavaModifier> modifiers) {
        StringBuilder text = new StringBuilder();
        for (JavaModifier modifier : SHOWN) {
            if (modifiers.contains(modifier)) {
                text.append(modifier.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
            }
        }
        return text.toString();
    }

    private static String throwsClause(JavaCodeUnit unit) {
        List<String> thrown = unit.getThrowsClause().getTypes().stream().map(JavaClass::getName).sorted().toList();
        return thrown.isEmpty() ? "" : " throws " + String.join(", ", thrown);
    }
}
