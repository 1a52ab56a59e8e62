package dev.anchor.customer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only the customer's pages, whose signed link is the credential, are open without a bearer token: every other
 * endpoint says who may call it ({@code @RolesAllowed}); {@code quarkus.security.jaxrs.deny-unannotated-endpoints}
 * denies one that forgets. A new open endpoint fails here until it is added on purpose.
 */
class OpenEndpointsTest {

    @Test
    void onlyThePreferencePagesAreOpen() {
        List<String> open = new ArrayList<>();
        // read from the class files (ArchUnit), not by reflection: no class is loaded beside Quarkus's test loader
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("dev.anchor.customer")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (JavaMethod method : resource.getMethods()) {
                boolean endpoint = method.isAnnotatedWith(GET.class) || method.isAnnotatedWith(POST.class)
                        || method.isAnnotatedWith(PUT.class) || method.isAnnotatedWith(PATCH.class)
                        || method.isAnnotatedWith(DELETE.class) || method.isAnnotatedWith(HEAD.class)
                        || method.isAnnotatedWith(OPTIONS.class);
                if (endpoint && !method.isAnnotatedWith(RolesAllowed.class) && !resource.isAnnotatedWith(RolesAllowed.class)) {
                    open.add(resource.getSimpleName() + "." + method.getName()
                            + (resource.isAnnotatedWith(PermitAll.class) || method.isAnnotatedWith(PermitAll.class)
                            ? "" : " (unannotated)"));
                }
            }
        }
        open.sort(null);
        assertEquals(List.of("PreferencePagesResource.askToUnsubscribe", "PreferencePagesResource.page",
                "PreferencePagesResource.save", "PreferencePagesResource.unsubscribe"), open);
    }
}
