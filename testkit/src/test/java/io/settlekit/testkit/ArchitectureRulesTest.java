package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.settlekit.money.archfixture.CoreUsingInfrastructure;
import io.settlekit.money.archfixture.CyclicA;
import io.settlekit.money.archfixture.cycle.CyclicB;
import io.settlekit.money.archfixture.DomainServiceUsingMemoryAdapter;
import io.settlekit.money.archfixture.FloatingPointMoney;
import io.settlekit.money.archfixture.PrintingCore;
import io.settlekit.testkit.arch.ArchitectureRules;

import org.junit.jupiter.api.Test;

/** The core and the testkit obey the rules, and each rule catches a deliberate violation. */
class ArchitectureRulesTest {

    @Test
    void theCoreAndTheTestkitObeyEveryRule() {
        assertThatCode(() -> ArchitectureRules.check(ArchitectureRules.importClassPath())).doesNotThrowAnyException();
    }

    @Test
    void aDomainClassWiringAnInMemoryAdapterIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(DomainServiceUsingMemoryAdapter.class);

        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_NEVER_IMPORTS_MEMORY_ADAPTERS.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DomainServiceUsingMemoryAdapter")
                .hasMessageContaining("InMemoryFeeRateStore");
    }

    @Test
    void floatingPointMoneyIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(FloatingPointMoney.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_FLOATING_POINT_MONEY.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FloatingPointMoney.amount is floating point")
                .hasMessageContaining("FloatingPointMoney.add(double) takes or returns floating point");
    }

    @Test
    void aCoreClassImportingAnInfrastructureLibraryIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CoreUsingInfrastructure.class);

        assertThatThrownBy(() -> ArchitectureRules.CORE_IMPORTS_ONLY_ALLOWED_LIBRARIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.junit.jupiter.api.Assertions");
    }

    @Test
    void printingOutsideTheExamplesIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(PrintingCore.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_STANDARD_STREAMS.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PrintingCore");
    }

    @Test
    void aCycleBetweenTwoPackagesOfOneContextIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CyclicA.class, CyclicB.class);

        assertThatCode(() -> ArchitectureRules.CONTEXTS_ARE_FREE_OF_CYCLES.check(fixture))
                .as("one context: the coarse rule cannot see it").doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.PACKAGES_ARE_FREE_OF_CYCLES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.settlekit.money.archfixture")
                .hasMessageContaining("io.settlekit.money.archfixture.cycle");
    }
}
