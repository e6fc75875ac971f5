package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/** Rules that keep the design honest as it grows. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Path-based permissions have had normalisation bypasses in this Quarkus line, so each endpoint says
     * itself who may call it (and unannotated ones are denied by configuration as well).
     */
    @ArchTest
    static final ArchRule everyEndpointDeclaresWhoMayCallIt = methods()
            .that()
            .areAnnotatedWith(GET.class)
            .or()
            .areAnnotatedWith(POST.class)
            .or()
            .areAnnotatedWith(PUT.class)
            .or()
            .areAnnotatedWith(DELETE.class)
            .or()
            .areAnnotatedWith(PATCH.class)
            .should()
            .beAnnotatedWith(RolesAllowed.class)
            .orShould()
            .beAnnotatedWith(PermitAll.class)
            .orShould()
            .beAnnotatedWith(DenyAll.class);

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("dev.parley.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPlumbingKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.parley.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.parley.article..",
                    "dev.parley.reply..",
                    "dev.parley.moderation..",
                    "dev.parley.identity..",
                    "dev.parley.settings..");

    @ArchTest
    static final ArchRule settingsDependOnNoOtherFeatureThanIdentity = noClasses()
            .that()
            .resideInAPackage("dev.parley.settings..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.parley.article..", "dev.parley.reply..", "dev.parley.moderation..");
}
