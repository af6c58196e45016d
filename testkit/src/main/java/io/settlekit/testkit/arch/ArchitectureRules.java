package io.settlekit.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.settlekit.base.Port;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The architecture rules of docs/architecture.md, written once. Each module's {@code ArchitectureTest} imports
 * its own production classes with {@link #importModule()} and calls {@link #check(JavaClasses)}; the core's
 * classes are checked by the testkit's own test (the core cannot depend on the testkit).
 *
 * <p>Thread-safe: immutable rule constants.
 */
public final class ArchitectureRules {
    /** The bounded contexts of the core, one package each under {@code io.settlekit}. */
    public static final List<String> CONTEXTS =
            List.of("money", "currency", "access", "billing", "balance", "refresh", "reconcile", "job");

    /** The core's shared packages beside the contexts: the basics every context imports, and internal helpers. */
    public static final List<String> CORE_SHARED = List.of("base", "internal");

    /** The adapter packages, one per adapter module, under {@code io.settlekit}. */
    public static final List<String> ADAPTERS = List.of("mysql", "mongo", "redis", "s3", "sms", "formats", "files");

    /** Packages whose classes may print to standard streams. */
    private static final String[] CONSOLE_PACKAGES = {"io.settlekit.examples..", "io.settlekit.benchmarks.."};

    private static final String[] CORE_PACKAGES = corePackages();

    private ArchitectureRules() {
    }

    /** The core imports only the JDK, JSR-354, Moneta and SLF4J. */
    public static final ArchRule CORE_IMPORTS_ONLY_ALLOWED_LIBRARIES = classes()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.money..", "org.javamoney..", "org.slf4j..",
                    "io.settlekit", "io.settlekit.base..", "io.settlekit.internal..",
                    "io.settlekit.money..", "io.settlekit.currency..", "io.settlekit.access..",
                    "io.settlekit.billing..", "io.settlekit.balance..", "io.settlekit.refresh..",
                    "io.settlekit.reconcile..", "io.settlekit.job..")
            .because("the core must stay embeddable anywhere: infrastructure belongs in adapter modules")
            .allowEmptyShould(true);

    /** Domain and use-case code never reaches for an in-memory adapter (only the composition root does). */
    public static final ArchRule DOMAIN_NEVER_IMPORTS_MEMORY_ADAPTERS = noClasses()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .and().resideOutsideOfPackage("..memory..")
            .and(DescribedPredicate.describe("are not the composition root io.settlekit.Settlekit",
                    (JavaClass c) -> !c.getName().equals("io.settlekit.Settlekit") && !c.getName().startsWith("io.settlekit.Settlekit$")))
            .should().dependOnClassesThat().resideInAPackage("..memory..")
            .because("use cases depend on ports; the builder alone picks in-memory defaults")
            .allowEmptyShould(true);

    /** No package cycles between the core's contexts (a context with its sub-packages is one slice). */
    public static final ArchRule CONTEXTS_ARE_FREE_OF_CYCLES = slices()
            .assignedFrom(sliceBy("core contexts", concat(CONTEXTS, CORE_SHARED)))
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    /**
     * No cycles between any two packages of Settlekit, the root package {@code io.settlekit} included:
     * each package is its own slice, so a port and the use case using it, or the builder and the basics,
     * cannot lean on each other.
     */
    public static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String pkg = javaClass.getPackageName();
                    return pkg.equals("io.settlekit") || pkg.startsWith("io.settlekit.")
                            ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "every package of io.settlekit";
                }
            })
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    /** A port is an interface of a core context package (or a sub-context such as {@code billing.reminder}), never of a {@code memory} package. */
    public static final ArchRule PORTS_ARE_INTERFACES_OF_A_CONTEXT = classes()
            .that().areAnnotatedWith(Port.class)
            .should().beInterfaces()
            .andShould().resideInAnyPackage(CONTEXTS.stream().map(c -> "io.settlekit." + c + "..").toArray(String[]::new))
            .andShould().resideOutsideOfPackage("..memory..")
            .allowEmptyShould(true);

    /** Adapter modules never depend on each other. */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .assignedFrom(sliceBy("adapter packages", ADAPTERS))
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    /** Adapters use only the core's public types. */
    public static final ArchRule ADAPTERS_USE_ONLY_PUBLIC_CORE_TYPES = noClasses()
            .that().resideInAnyPackage(adapterPackages())
            .should().dependOnClassesThat(DescribedPredicate.describe("are non-public core types",
                    (JavaClass c) -> isCore(c) && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)))
            .allowEmptyShould(true);

    /** A class implementing a core port is an in-memory adapter or lives in an adapter package. */
    public static final ArchRule PORT_IMPLEMENTATIONS_LIVE_IN_ADAPTER_PACKAGES = classes()
            .that(DescribedPredicate.describe("implement a core port",
                    (JavaClass c) -> !c.isInterface() && c.getAllRawInterfaces().stream()
                            .anyMatch(i -> isCore(i) && i.isAnnotatedWith(Port.class))))
            .and().resideOutsideOfPackages("io.settlekit.testkit..", "io.settlekit.examples..", "io.settlekit.benchmarks..")
            .should().resideInAnyPackage(memoryAndAdapterPackages())
            .allowEmptyShould(true);

    /** Money is never a double or a float: no such fields, parameters or return types. */
    public static final ArchRule NO_FLOATING_POINT_MONEY = classes()
            .that().resideInAPackage("io.settlekit..")
            .and().resideOutsideOfPackages(CONSOLE_PACKAGES)
            .should(new ArchCondition<JavaClass>("declare no double or float fields, parameters or results") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    for (JavaField field : item.getFields()) {
                        if (isFloatingPoint(field.getRawType())) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is floating point"));
                        }
                    }
                    for (JavaCodeUnit unit : item.getCodeUnits()) {
                        if (unit.getRawParameterTypes().stream().anyMatch(ArchitectureRules::isFloatingPoint)
                                || isFloatingPoint(unit.getRawReturnType())) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes or returns floating point"));
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    /** Only the examples and benchmarks print; everything else logs through SLF4J. */
    public static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that().resideInAPackage("io.settlekit..")
            .and().resideOutsideOfPackages(CONSOLE_PACKAGES)
            // the output guard swaps the standard streams to scan what tests print; it prints nothing itself
            .and().resideOutsideOfPackage("io.settlekit.testkit.logs..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .allowEmptyShould(true);

    /** Every rule above. */
    public static final List<ArchRule> ALL = List.of(
            CORE_IMPORTS_ONLY_ALLOWED_LIBRARIES,
            DOMAIN_NEVER_IMPORTS_MEMORY_ADAPTERS,
            CONTEXTS_ARE_FREE_OF_CYCLES,
            PACKAGES_ARE_FREE_OF_CYCLES,
            PORTS_ARE_INTERFACES_OF_A_CONTEXT,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            ADAPTERS_USE_ONLY_PUBLIC_CORE_TYPES,
            PORT_IMPLEMENTATIONS_LIVE_IN_ADAPTER_PACKAGES,
            NO_FLOATING_POINT_MONEY,
            NO_STANDARD_STREAMS);

    /** Checks every rule against {@code classes}; throws {@link AssertionError} listing the violations. */
    public static void check(JavaClasses classes) {
        ALL.forEach(rule -> rule.check(classes));
    }

    /**
     * The production classes of the module whose tests are running ({@code target/classes} under the
     * working directory, which Surefire sets to the module's folder).
     */
    public static JavaClasses importModule() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled classes at " + classes.toAbsolutePath() + ": run the tests through Maven");
        }
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(classes);
    }

    /**
     * Every production class under {@code io.settlekit} on the class path: the core's (which cannot run
     * the rules itself, since the testkit depends on it) and the running module's.
     */
    public static JavaClasses importClassPath() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.settlekit");
    }

    /** Slices classes by their first package segment under {@code io.settlekit}, keeping only {@code names}. */
    private static SliceAssignment sliceBy(String description, List<String> names) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                for (String name : names) {
                    String root = "io.settlekit." + name;
                    if (pkg.equals(root) || pkg.startsWith(root + ".")) {
                        return SliceIdentifier.of(name);
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return description;
            }
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static boolean isCore(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.equals("io.settlekit") || concat(CONTEXTS, CORE_SHARED).stream().anyMatch(ctx -> pkg.equals("io.settlekit." + ctx) || pkg.startsWith("io.settlekit." + ctx + "."));
    }

    private static boolean isFloatingPoint(JavaClass type) {
        return Set.of("double", "float", "java.lang.Double", "java.lang.Float").contains(type.getName());
    }

    private static String[] corePackages() {
        List<String> names = concat(CONTEXTS, CORE_SHARED);
        String[] packages = new String[names.size() + 1];
        packages[0] = "io.settlekit";
        for (int i = 0; i < names.size(); i++) {
            packages[i + 1] = "io.settlekit." + names.get(i) + "..";
        }
        return packages;
    }

    private static String[] adapterPackages() {
        return ADAPTERS.stream().map(a -> "io.settlekit." + a + "..").toArray(String[]::new);
    }

    private static String[] memoryAndAdapterPackages() {
        String[] adapters = adapterPackages();
        String[] all = new String[adapters.length + 1];
        all[0] = "..memory..";
        System.arraycopy(adapters, 0, all, 1, adapters.length);
        return all;
    }
}
